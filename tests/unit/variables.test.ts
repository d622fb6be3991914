import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLASSIC_CODEBOOK } from '../classic-codebook';
import { announce, onChange } from '../../storage/changes';
import { setTag } from '../../storage/annotations';
import { readCoderPage, readEverything } from '../../storage/codings';
import { addTag, loadCodebook, loadVariables, updateTag } from '../../storage/codebook';
import { exportNative, toCodebookFile } from '../../storage/export';
import { applyCodebook, checkCodebookFile, checkExportFile, importFile } from '../../storage/import';
import { AnnotatorDB, SETTING_KEYS } from '../../storage/schema';
import { addVariable, deleteVariable, moveVariable, updateVariable } from '../../storage/variables';
import { codesByVariable, TAGS_VARIABLE } from '../../lib/codebook';
import type { StoreChange } from '../../lib/changes';
import type { Target } from '../../lib/records';

// Schema v5's codebook: variables over codes; the upgrade of a v4 codebook; editing both; files
// that carry variables and files that do not.

const names: string[] = [];
const open = async (name = `variables-${crypto.randomUUID()}`) => {
  names.push(name);
  const db = new AnnotatorDB(name);
  await db.open();
  return db;
};
let db: AnnotatorDB;
beforeEach(async () => {
  db = await open();
});
afterEach(async () => {
  db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const PAGE = 'https://www.xperiablog.net/a/';
const target = (key: string, annotator = 'alice'): Target => ({
  page: { url: PAGE, layout: 'disqus', metadata: null, commentCount: 3 },
  comment: { key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text: `text of ${key}` },
  annotator,
});
const code = async (name: string) => (await loadCodebook(db)).find((t) => t.name === name)!;

describe('the v5 upgrade', () => {
  it('opens a real v4 database: its tags become codes of one multiple-choice variable (var_tags); annotations, settings and tags otherwise unchanged', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    names.push(name);
    // Schema v1–v4 exactly as released (storage/schema.ts), without the later versions.
    const v4 = new Dexie(name);
    v4.version(1).stores({ tags: 'id, order', pages: 'url, lastSeen', snapshots: '[pageUrl+key], pageUrl', annotations: 'id, [pageUrl+commentKey], pageUrl, annotator, updatedAt', settings: 'key' });
    v4.version(2).stores({ snapshots: '[pageUrl+key], pageUrl, textHash', annotations: 'id, &[annotator+pageUrl+commentKey], [pageUrl+commentKey], pageUrl, annotator, updatedAt, *tagIds' });
    v4.version(3).stores({ bundles: 'url, *tagIds' });
    v4.version(4).stores({ snapshots: null, annotations: null });
    const v4Tags = CLASSIC_CODEBOOK.map(({ variableId: _, ...tag }) => tag);
    const annotation = { id: 'ann_1', pageUrl: PAGE, commentKey: 'disqus:1', tagIds: ['tag_question', 'tag_spam'], note: 'n', annotator: 'alice', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const bundle = { url: PAGE, comments: [], annotations: [annotation], tagIds: annotation.tagIds, rev: 3 };
    await v4.table('tags').bulkAdd(v4Tags);
    await v4.table('bundles').add(bundle);
    await v4.table('settings').bulkAdd([{ key: SETTING_KEYS.annotator, value: 'alice' }, { key: SETTING_KEYS.codebookSeeded, value: 'yes' }]);
    expect(v4.verno).toBe(4);
    v4.close();

    const upgraded = new AnnotatorDB(name);
    const tags = await loadCodebook(upgraded);
    const variables = await loadVariables(upgraded);
    expect(upgraded.verno).toBe(6);
    expect(variables).toEqual([{ ...TAGS_VARIABLE, order: 0 }]);
    expect(tags).toEqual(v4Tags.map((t) => ({ ...t, variableId: 'var_tags' })));
    expect(codesByVariable(variables, tags).map((g) => [g.variable.id, g.variable.kind, g.codes.length])).toEqual([['var_tags', 'multiple', 8]]);
    // v6 then moves the bundle's annotations into the coder's record, revision kept.
    expect(await readCoderPage(upgraded, PAGE, 'alice')).toEqual({ url: PAGE, annotator: 'alice', annotations: [annotation], rev: 3 });
    expect(await upgraded.settings.toArray()).toEqual([{ key: SETTING_KEYS.annotator, value: 'alice' }, { key: SETTING_KEYS.codebookSeeded, value: 'yes' }]);
    upgraded.close();
  });

  it('a v4 database whose reader deleted every tag stays without codes or variables', async () => {
    const name = `v4-empty-${crypto.randomUUID()}`;
    names.push(name);
    const v4 = new Dexie(name);
    v4.version(4).stores({ tags: 'id, order', pages: 'url, lastSeen', bundles: 'url, *tagIds', settings: 'key' });
    await v4.table('settings').add({ key: SETTING_KEYS.codebookSeeded, value: 'yes' });
    v4.close();
    const upgraded = new AnnotatorDB(name);
    expect([await loadCodebook(upgraded), await loadVariables(upgraded)]).toEqual([[], []]);
    upgraded.close();
  });
});

describe('variables', () => {
  it('add, rename, kind, guidance, reorder; names unique and not empty; every write announced', async () => {
    const heard: StoreChange[] = [];
    const stop = onChange(db, (c) => heard.push(c));
    await loadVariables(db);
    const stance = await addVariable(db, { name: ' stance ', description: 'Where the commenter stands.' });
    expect(stance).toMatchObject({ name: 'stance', kind: 'multiple', order: 2 });
    await expect(addVariable(db, { name: 'TONE' })).rejects.toThrow('already a variable called "TONE"');
    await expect(addVariable(db, { name: ' ' })).rejects.toThrow('needs a name');
    await updateVariable(db, stance.id, { name: 'position', kind: 'single', include: 'i', exclude: 'e', examples: 'x' });
    await moveVariable(db, stance.id, -1);
    expect((await loadVariables(db)).map((v) => [v.name, v.kind, v.order])).toEqual([['tone', 'single', 0], ['position', 'single', 1], ['topics', 'multiple', 2]]);
    expect(await db.variables.get(stance.id)).toMatchObject({ include: 'i', exclude: 'e', examples: 'x' });
    await deleteVariable(db, stance.id);
    expect((await loadVariables(db)).map((v) => v.id)).toEqual(['var_tone', 'var_topics']);
    const marker: StoreChange = { kind: 'pages', pageUrls: ['marker'] };
    announce(db, marker);
    await vi.waitFor(() => expect(heard).toContainEqual(marker));
    stop();
    // The seeding, add, update, move, delete (the refused writes announce nothing).
    expect(heard.filter((c) => c.kind === 'codebook')).toHaveLength(5);
  });

  it('deleting a variable with codes is refused, or moves its codes (nesting kept) to the variable named, touching no annotation', async () => {
    await loadCodebook(db);
    await setTag(db, target('disqus:1'), 'tag_elections', true, ['tag_elections']);
    const before = await readEverything(db);
    await expect(deleteVariable(db, 'var_topics')).rejects.toThrow('“topics” still has 6 codes');
    const issues = await addVariable(db, { name: 'issues' });
    expect(await deleteVariable(db, 'var_topics', issues.id)).toBe(6);
    const tags = await loadCodebook(db);
    expect(tags.filter((t) => t.variableId === issues.id).map((t) => t.name)).toEqual(['politics', 'elections', 'policy', 'economy', 'health', 'other topic']);
    expect((await code('elections')).parentId).toBe('tag_politics');
    expect((await loadVariables(db)).map((v) => v.name)).toEqual(['tone', 'issues']);
    expect(await readEverything(db)).toEqual(before);
  });

  it('making a variable single choice is refused while annotations hold two of its codes, naming how many and whose', async () => {
    await loadCodebook(db);
    await setTag(db, target('disqus:1', 'alice'), 'tag_economy', true, []);
    await setTag(db, target('disqus:1', 'alice'), 'tag_health', true, []);
    await setTag(db, target('disqus:2', 'bob'), 'tag_economy', true, []);
    await setTag(db, target('disqus:2', 'bob'), 'tag_elections', true, []);
    await setTag(db, target('disqus:3', 'carol'), 'tag_economy', true, []);
    await expect(updateVariable(db, 'var_topics', { kind: 'single' })).rejects.toThrow('2 annotations (by alice, bob) would hold more than one of its codes');
    expect((await db.variables.get('var_topics'))!.kind).toBe('multiple');
    // Moving a code into a single-choice variable is refused the same way.
    await expect(updateTag(db, 'tag_health', { variableId: 'var_tone' })).resolves.toBeUndefined();
    await expect(updateTag(db, 'tag_economy', { variableId: 'var_tone' })).rejects.toThrow('1 annotation (by alice)');
    await setTag(db, target('disqus:2', 'bob'), 'tag_elections', false, []);
    await updateVariable(db, 'var_topics', { kind: 'single' });
    expect((await db.variables.get('var_topics'))!.kind).toBe('single');
  });
});

describe('code fields', () => {
  it('variable, parent (its own variable, no cycles), codable (no hotkey), guidance; a moved code takes its nested codes and leaves its parent', async () => {
    await loadCodebook(db);
    const local = await addTag(db, { name: 'local', variableId: 'var_topics', parentId: 'tag_politics', include: 'city councils', exclude: 'national', examples: 'The mayor…' });
    expect(local).toMatchObject({ variableId: 'var_topics', parentId: 'tag_politics', hotkey: '9', include: 'city councils' });
    await expect(addTag(db, { name: 'x', variableId: 'var_tone', parentId: 'tag_politics' })).rejects.toThrow('belongs to another variable');
    await expect(addTag(db, { name: 'y', variableId: 'var_nope' })).rejects.toThrow('no longer exists');
    await expect(updateTag(db, 'tag_politics', { parentId: local.id })).rejects.toThrow('cannot be its own ancestor');
    await expect(updateTag(db, 'tag_politics', { parentId: 'tag_politics' })).rejects.toThrow('cannot be its own ancestor');
    await expect(updateTag(db, 'tag_politics', { hotkey: '0' })).rejects.toThrow('only groups codes');
    await updateTag(db, 'tag_economy', { codable: false });
    expect(await code('economy')).toMatchObject({ codable: false, hotkey: null });

    const stance = await addVariable(db, { name: 'stance' });
    await updateTag(db, 'tag_politics', { variableId: stance.id });
    const tags = await loadCodebook(db);
    expect(tags.filter((t) => t.variableId === stance.id).map((t) => t.name)).toEqual(['politics', 'elections', 'policy', 'local']);
    await updateTag(db, 'tag_elections', { variableId: 'var_topics' });
    expect(await code('elections')).toMatchObject({ variableId: 'var_topics', parentId: null });
  });
});

describe('files with variables', () => {
  it('a file’s variables merge by id (ours win), its codes keep their variable and parent; a file without variables puts its new codes under var_tags', async () => {
    await loadCodebook(db);
    const stance = await addVariable(db, { name: 'stance', kind: 'single', include: 'for or against' });
    const pro = await addTag(db, { name: 'pro', variableId: stance.id });
    await addTag(db, { name: 'pro-strong', variableId: stance.id, parentId: pro.id });
    await setTag(db, target('disqus:1'), pro.id, true, []);
    const file = await exportNative(db);
    expect(file.variables!.map((v) => v.name)).toEqual(['tone', 'topics', 'stance']);

    const other = await open();
    await loadCodebook(other);
    await updateVariable(other, 'var_tone', { name: 'mood' });
    expect(await importFile(other, JSON.stringify(file))).toMatchObject({ ok: true, data: { new: 1, newTags: ['pro', 'pro-strong'] } });
    expect((await loadVariables(other)).map((v) => [v.name, v.kind])).toEqual([['mood', 'single'], ['topics', 'multiple'], ['stance', 'single']]);
    expect((await other.variables.get(stance.id))!.include).toBe('for or against');
    const theirs = await loadCodebook(other);
    expect(theirs.find((t) => t.name === 'pro-strong')).toMatchObject({ variableId: stance.id, parentId: pro.id });

    // A file from before variables: no `variables`, codes without variableId.
    const old = { ...file, variables: undefined, codebook: file.codebook.map(({ variableId: _, parentId: __, ...t }) => t) };
    const third = await open();
    await loadCodebook(third);
    expect(await importFile(third, JSON.stringify(old))).toMatchObject({ ok: true });
    expect((await loadCodebook(third)).find((t) => t.name === 'pro')!.variableId).toBe(TAGS_VARIABLE.id);
    expect((await loadVariables(third)).map((v) => v.id)).toEqual(['var_tone', 'var_topics', 'var_tags']);
  });

  it('refuses a code of a variable the file lacks, an unknown parent and a parent cycle, each with its place', async () => {
    await loadCodebook(db);
    const file = await exportNative(db);
    const withCodes = (edit: (c: typeof file.codebook) => typeof file.codebook) => JSON.stringify({ ...file, codebook: edit(file.codebook.map((t) => ({ ...t }))) });
    expect(checkExportFile(withCodes((c) => (c[0].variableId = 'var_nope', c)))).toEqual({ ok: false, error: 'codebook[0].variableId: no variable "var_nope" in variables' });
    expect(checkExportFile(withCodes((c) => (c[0].parentId = 'tag_nope', c)))).toEqual({ ok: false, error: 'codebook[0].parentId: unknown tag id "tag_nope"' });
    expect(checkExportFile(withCodes((c) => (c[3].parentId = 'tag_elections', c)))).toEqual({ ok: false, error: 'codebook[3].parentId: the tag "tag_politics" is nested under itself' });
  });

  it('a codebook file merges its variables too; a variable named like ours is marked “(imported)”; a code of an unknown variable joins var_tags', async () => {
    await loadCodebook(db);
    const stance = await addVariable(db, { name: 'stance', kind: 'single' });
    await addTag(db, { name: 'pro', variableId: stance.id });
    const lonely = await addVariable(db, { name: 'lonely' });
    const file = { ...toCodebookFile(await exportNative(db, { kind: 'all' }, new Set())), variables: await loadVariables(db) };
    const checked = checkCodebookFile(JSON.stringify(file));
    if (!checked.ok) throw new Error(checked.error);

    const other = await open();
    await loadCodebook(other);
    await addVariable(other, { name: 'Stance' });
    const entries = { ...checked.data, variables: checked.data.variables!.filter((v) => v.id !== lonely.id) };
    entries.codebook.push({ id: 'tag_orphan', name: 'orphan', colour: '#000000', hotkey: null, description: '', order: 99, variableId: lonely.id });
    expect(await applyCodebook(other, entries.codebook, entries.variables)).toEqual({ added: 2, updated: 0 });
    expect((await loadVariables(other)).map((v) => v.name)).toEqual(['tone', 'topics', 'Stance', 'stance (imported)', 'Tags']);
    const codes = await loadCodebook(other);
    expect(codes.find((t) => t.name === 'pro')!.variableId).toBe(stance.id);
    expect(codes.find((t) => t.name === 'orphan')!.variableId).toBe(TAGS_VARIABLE.id);
  });
});
