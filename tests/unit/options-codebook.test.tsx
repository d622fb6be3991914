import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classicCodebook } from './classic';
import { fakeGrants } from './fake-grants';
import { OptionsApp } from '../../components/options/OptionsApp';
import { renameAnnotator, setTag } from '../../storage/annotations';
import { readEverything } from '../../storage/codings';
import { loadCodebook, loadVariables } from '../../storage/codebook';
import { AnnotatorDB, SETTING_KEYS } from '../../storage/schema';
import type { Target } from '../../lib/records';

// The options page edits the whole codebook (variables and their codes) through storage, and asks
// before a delete or merge whose annotations it changes, with undo.

let db: AnnotatorDB;
let name: string;
let root: HTMLElement;
beforeEach(() => {
  fakeGrants();
  name = `options-codebook-${crypto.randomUUID()}`;
  db = new AnnotatorDB(name);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(name);
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const labelled = <T extends HTMLElement = HTMLInputElement>(label: string) => {
  const found = $<T>(`[aria-label="${label}"]`);
  if (!found) throw new Error(`nothing labelled “${label}”`);
  return found;
};
const change = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string | boolean) => {
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};
const click = (el: HTMLElement) => el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
const rows = (variable: string) => [...root.querySelectorAll(`section[data-variable="${variable}"] tbody tr[data-tag]`)].map((r) => r.getAttribute('data-tag'));
const alert = () => $('[role="alert"]')?.textContent ?? '';
const shown = async () => {
  render(<OptionsApp db={db} />, root);
  await vi.waitFor(() => expect(root.querySelectorAll('section.variable').length).toBeGreaterThan(0));
};

const PAGE = 'https://www.xperiablog.net/a/';
const target = (key: string, annotator: string): Target => ({
  page: { url: PAGE, layout: 'disqus', metadata: null, commentCount: 3 },
  comment: { key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text: `text of ${key}` },
  annotator,
});

describe('the options page’s codebook: variables', () => {
  it('shows the example: each variable with its kind and codes in tree order, the group code marked', async () => {
    await shown();
    expect([...root.querySelectorAll('section.variable')].map((s) => s.getAttribute('data-variable'))).toEqual(['tone', 'topics']);
    expect($('section[data-variable="tone"] h3')!.textContent).toContain('single choice, 3 codes');
    expect(rows('topics')).toEqual(['politics', 'elections', 'policy', 'economy', 'health', 'other topic']);
    expect($('tr[data-tag="politics"]')!.textContent).toContain('(groups)');
    expect($('tr[data-tag="elections"] .nest')).not.toBeNull();
    expect(labelled<HTMLSelectElement>('Key for politics').disabled).toBe(true);
  });

  it('renames, changes kind and guidance, reorders, adds and deletes variables; refusals show and the field goes back', async () => {
    await shown();
    change(labelled('Name of variable tone'), 'mood');
    await vi.waitFor(async () => expect((await db.variables.get('var_tone'))!.name).toBe('mood'));
    await vi.waitFor(() => expect($('section[data-variable="mood"]')).not.toBeNull());
    change(labelled('Name of variable mood'), 'Topics');
    await vi.waitFor(() => expect(alert()).toContain('already a variable called "Topics"'));
    expect(labelled('Name of variable mood').value).toBe('mood');

    change(labelled<HTMLTextAreaElement>('Definition of variable mood'), 'How it sounds.');
    change(labelled<HTMLTextAreaElement>('Exclusion notes of variable mood'), 'Quoted text.');
    await vi.waitFor(async () => expect(await db.variables.get('var_tone')).toMatchObject({ description: 'How it sounds.', exclude: 'Quoted text.' }));
    expect(alert()).toBe(''); // a write that went through clears the error

    click(labelled('Move variable mood down'));
    await vi.waitFor(() => expect([...root.querySelectorAll('section.variable')].map((s) => s.getAttribute('data-variable'))).toEqual(['topics', 'mood']));
    expect(labelled<HTMLButtonElement>('Move variable topics up').disabled).toBe(true);

    change(labelled<HTMLSelectElement>('Kind of the new variable'), 'single');
    const field = $<HTMLInputElement>('[data-testid="new-variable"]')!;
    field.value = 'stance';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    click($('[data-testid="add-variable"]')!);
    await vi.waitFor(() => expect($('section[data-variable="stance"] [data-testid="no-codes"]')).not.toBeNull());
    expect((await loadVariables(db)).find((v) => v.name === 'stance')!.kind).toBe('single');
    click(labelled('Delete variable stance'));
    await vi.waitFor(() => expect($('section[data-variable="stance"]')).toBeNull());
  });

  it('a variable with codes is deleted only by moving its codes; single choice is refused while annotations hold two of its codes', async () => {
    await shown();
    await setTag(db, target('disqus:1', 'alice'), 'tag_economy', true, []);
    await setTag(db, target('disqus:1', 'alice'), 'tag_health', true, []);
    const kind = labelled<HTMLSelectElement>('Kind of topics');
    change(kind, 'single');
    await vi.waitFor(() => expect(alert()).toContain('1 annotation (by alice) would hold more than one of its codes'));
    expect(kind.value).toBe('multiple');

    click(labelled('Delete variable tone'));
    await vi.waitFor(() => expect($('[role="alertdialog"][aria-label="Delete variable"]')!.textContent).toContain('“tone” has 3 codes'));
    expect(($<HTMLSelectElement>('[data-testid="move-codes-to"]')!).value).toBe('var_topics');
    click($('[data-testid="confirm-delete-variable"]')!);
    await vi.waitFor(() => expect(rows('topics')).toContain('negative'));
    expect($('section[data-variable="tone"]')).toBeNull();
  });

  it('the delete-variable dialog takes the focus, Escape closes it, and the focus goes back to its button', async () => {
    await shown();
    const opener = labelled<HTMLButtonElement>('Delete variable tone');
    opener.focus();
    click(opener);
    const dialog = () => $('[role="alertdialog"][aria-label="Delete variable"]');
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe($('[data-testid="move-codes-to"]')));
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(labelled('Delete variable tone'));
    expect(rows('tone')).toEqual(['positive', 'neutral', 'negative']);
  });

  it('an empty codebook says so and offers to add a variable', async () => {
    await db.settings.put({ key: SETTING_KEYS.codebookSeeded, value: 'yes' });
    render(<OptionsApp db={db} />, root);
    await vi.waitFor(() => expect($('[data-testid="empty-codebook"]')).not.toBeNull());
    expect($('[data-testid="new-tag"]')).toBeNull(); // codes need a variable first
  });
});

const type = (el: HTMLInputElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const code = async (codeName: string) => (await loadCodebook(db)).find((t) => t.name === codeName)!;

describe('the options page’s codebook: codes', () => {
  it('a new code goes by default to the last variable, a new variable just added included; a new variable is multiple choice by default', async () => {
    await shown();
    const codeVariable = () => $<HTMLSelectElement>('[data-testid="new-tag-variable"]')!.value;
    expect(codeVariable()).toBe('var_topics');
    expect(labelled<HTMLSelectElement>('Kind of the new variable').value).toBe('multiple');
    type($<HTMLInputElement>('[data-testid="new-variable"]')!, 'stance');
    click($('[data-testid="add-variable"]')!);
    await vi.waitFor(() => expect($('section[data-variable="stance"]')).not.toBeNull());
    const stance = (await loadVariables(db)).find((v) => v.name === 'stance')!;
    expect(stance.kind).toBe('multiple');
    expect(codeVariable()).toBe(stance.id);
  });

  it('adds a code to the chosen variable; details edit guidance, parent (no cycles), codable and variable', async () => {
    await shown();
    type($<HTMLInputElement>('[data-testid="new-tag"]')!, 'sarcasm');
    change($<HTMLSelectElement>('[data-testid="new-tag-variable"]')!, 'var_tone');
    $<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(rows('tone')).toEqual(['positive', 'neutral', 'negative', 'sarcasm']));
    expect(labelled<HTMLSelectElement>('Key for sarcasm').value).toBe('9');

    const details = labelled<HTMLButtonElement>('Details of economy');
    expect(details.getAttribute('aria-expanded')).toBe('false');
    click(details);
    await vi.waitFor(() => expect(details.getAttribute('aria-expanded')).toBe('true'));
    change(labelled<HTMLTextAreaElement>('Inclusion notes of economy'), 'Wages too.');
    change(labelled<HTMLTextAreaElement>('Examples of economy'), 'Rent is up.\nJobs are gone.');
    change(labelled<HTMLSelectElement>('Parent of economy'), 'tag_politics');
    await vi.waitFor(async () => expect(await code('economy')).toMatchObject({ include: 'Wages too.', examples: 'Rent is up.\nJobs are gone.', parentId: 'tag_politics' }));
    await vi.waitFor(() => expect(rows('topics')).toEqual(['politics', 'elections', 'policy', 'economy', 'health', 'other topic']));

    // politics cannot go under its own nested code: the list leaves them out, and storage refuses it too.
    click(labelled('Details of politics'));
    await vi.waitFor(() => labelled('Parent of politics'));
    const parents = [...labelled<HTMLSelectElement>('Parent of politics').options].map((o) => o.textContent);
    expect(parents).toEqual(['— (top level)', 'health', 'other topic']);
    change(labelled<HTMLInputElement>('economy can be coded'), false);
    await vi.waitFor(async () => expect(await code('economy')).toMatchObject({ codable: false, hotkey: null }));

    change(labelled<HTMLSelectElement>('Variable of economy'), 'var_tone');
    await vi.waitFor(() => expect(rows('tone')).toContain('economy'));
    expect((await code('economy')).parentId).toBeNull();
  });

  it('renames, re-keys and reorders codes; a name in use is refused and the field shows the stored name', async () => {
    await classicCodebook(db);
    await shown();
    change(labelled('Name of spam'), 'junk');
    await vi.waitFor(() => expect(rows('Tags')).toContain('junk'));
    change(labelled('Name of junk'), 'Question');
    await vi.waitFor(() => expect(alert()).toContain('already a code called "Question"'));
    expect(labelled('Name of junk').value).toBe('junk');
    change(labelled<HTMLSelectElement>('Key for question'), '1');
    await vi.waitFor(() => expect(labelled<HTMLSelectElement>('Key for on-topic').value).toBe(''));
    click(labelled('Move junk up'));
    await vi.waitFor(() => expect(rows('Tags').slice(-2)).toEqual(['junk', 'incivility']));
  });
});

describe('the options page’s code delete and merge', () => {
  /** me: on-topic on two comments; bob (imported): on-topic on one, spam on one. */
  async function seeded() {
    await classicCodebook(db);
    await renameAnnotator(db, 'me');
    await setTag(db, target('disqus:1', 'me'), 'tag_on-topic', true, []);
    await setTag(db, target('disqus:2', 'me'), 'tag_on-topic', true, []);
    await setTag(db, target('disqus:1', 'bob'), 'tag_on-topic', true, []);
    await setTag(db, target('disqus:2', 'bob'), 'tag_spam', true, []);
    await shown();
  }
  const dialog = () => $('[role="alertdialog"]')?.textContent ?? '';
  const tagsOf = async () => Object.fromEntries((await readEverything(db)).annotations.map((a) => [`${a.annotator} ${a.commentKey}`, a.tagIds]));

  it('delete lists whose annotations use the code, changes only mine by default (the code stays for bob’s), and undo puts them back', async () => {
    await seeded();
    click(labelled('Delete on-topic'));
    await vi.waitFor(() => expect(dialog()).toContain('It is used by 3 annotations: 2 annotations of yours (me); other coders: bob (1).'));
    expect(dialog()).toContain('Other coders’ annotations keep “on-topic”, so it stays in the codebook.');
    expect($<HTMLInputElement>('[data-testid="change-others"]')!.checked).toBe(false);
    expect(document.activeElement).toBe($('[data-testid="confirm-delete"]'));
    click($('[data-testid="confirm-delete"]')!);
    await vi.waitFor(() => expect($('[data-testid="code-change-done"]')!.textContent).toBe('Deleted “on-topic” from 2 annotations (by me). bob’s 1 kept it, so it stays in the codebook. Undo'));
    expect(await tagsOf()).toEqual({ 'me disqus:1': [], 'me disqus:2': [], 'bob disqus:1': ['tag_on-topic'], 'bob disqus:2': ['tag_spam'] });
    expect(rows('Tags')).toContain('on-topic');
    expect(document.activeElement).toBe($('[data-testid="undo-code-change"]'));

    click($('[data-testid="undo-code-change"]')!);
    await vi.waitFor(() => expect($('[data-testid="code-change-undone"]')!.textContent).toBe('Undone: “on-topic” is back on 2 annotations.'));
    expect(await tagsOf()).toEqual({ 'me disqus:1': ['tag_on-topic'], 'me disqus:2': ['tag_on-topic'], 'bob disqus:1': ['tag_on-topic'], 'bob disqus:2': ['tag_spam'] });
    expect($('[data-testid="undo-code-change"]')).toBeNull();
    // The Undo button is gone: the focus goes to what it says, not to the page's start.
    expect(document.activeElement).toBe($('[data-testid="code-change-undone"]'));
  });

  it('with the separate box ticked, other coders’ annotations change too and the code leaves; undo brings it back', async () => {
    await seeded();
    click(labelled('Delete on-topic'));
    await vi.waitFor(() => expect($('[data-testid="change-others"]')).not.toBeNull());
    change($<HTMLInputElement>('[data-testid="change-others"]')!, true);
    await vi.waitFor(() => expect($('[data-testid="code-change-effect"]')!.textContent).toContain('“on-topic” leaves the codebook.'));
    click($('[data-testid="confirm-delete"]')!);
    await vi.waitFor(() => expect(rows('Tags')).not.toContain('on-topic'));
    expect(await tagsOf()).toMatchObject({ 'bob disqus:1': [] });
    click($('[data-testid="undo-code-change"]')!);
    await vi.waitFor(() => expect(rows('Tags')[0]).toBe('on-topic'));
    expect(await tagsOf()).toMatchObject({ 'me disqus:1': ['tag_on-topic'], 'bob disqus:1': ['tag_on-topic'] });
  });

  it('merge A into B: the chosen code replaces it on the annotations allowed; Escape cancels a dialog', async () => {
    await seeded();
    click(labelled('Details of on-topic'));
    await vi.waitFor(() => labelled('Merge on-topic into another code'));
    labelled('Merge on-topic into another code').focus();
    click(labelled('Merge on-topic into another code'));
    await vi.waitFor(() => expect($('[data-testid="merge-into"]')).not.toBeNull());
    expect(document.activeElement).toBe($('[data-testid="merge-into"]'));
    $('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect($('[role="alertdialog"]')).toBeNull());
    expect(document.activeElement).toBe(labelled('Merge on-topic into another code'));

    click(labelled('Merge on-topic into another code'));
    await vi.waitFor(() => expect($('[data-testid="merge-into"]')).not.toBeNull());
    change($<HTMLSelectElement>('[data-testid="merge-into"]')!, 'tag_spam');
    change($<HTMLInputElement>('[data-testid="change-others"]')!, true);
    click($('[data-testid="confirm-merge"]')!);
    await vi.waitFor(() => expect($('[data-testid="code-change-done"]')!.textContent).toContain('Merged “on-topic” into “spam” in 3 annotations (by bob, me).'));
    expect(await tagsOf()).toEqual({ 'me disqus:1': ['tag_spam'], 'me disqus:2': ['tag_spam'], 'bob disqus:1': ['tag_spam'], 'bob disqus:2': ['tag_spam'] });
    expect(rows('Tags')).not.toContain('on-topic');
  });
});
