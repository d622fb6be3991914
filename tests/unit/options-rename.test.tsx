import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../components/options/OptionsApp';
import { annotatorName, renameAnnotator, setTag } from '../../storage/annotations';
import { readEverything } from '../../storage/codings';
import { AnnotatorDB } from '../../storage/schema';
import { fakeGrants } from './fake-grants';

// The options page shows what is stored, as storage announces it, and renames through storage.

let db: AnnotatorDB;
let name: string;
let root: HTMLElement;
beforeEach(() => {
  fakeGrants();
  name = `options-${crypto.randomUUID()}`;
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

const field = () => root.querySelector<HTMLInputElement>('[data-testid="annotator-name"]')!;
const PAGE = { url: 'https://phandroid.com/a/', layout: 'wp' as const, metadata: null, commentCount: 2 };
const comment = (key: string) => ({ key, author: null, publishedAt: null, permalink: null, parentKey: null, text: `text of ${key}` });
const typeName = (value: string) => {
  field().value = value;
  field().dispatchEvent(new Event('change', { bubbles: true }));
};

describe('the options page’s annotator name', () => {
  it('says so when the settings cannot be read, instead of failing unseen', async () => {
    db.close();
    vi.spyOn(db, 'open').mockRejectedValue(new Error('the disk is gone'));
    // The page's other sections log their own failed reads; not what this test is about.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<OptionsApp db={db} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="annotator-error"]')?.textContent).toContain('The settings could not be read'));
  });

  it('renames (the annotations move), follows a rename made elsewhere, and refuses a name with annotations, showing the stored one again', async () => {
    render(<OptionsApp db={db} />, root);
    const me = await annotatorName(db);
    await vi.waitFor(() => expect(field().value).toBe(me));
    await setTag(db, { page: PAGE, comment: comment('wp:1') }, 'tag_on-topic', true, []);

    typeName('Alice');
    await vi.waitFor(async () => expect(await annotatorName(db)).toBe('Alice'));
    expect((await readEverything(db)).annotations.map((a) => a.annotator)).toEqual(['Alice']);

    // Another connection (another options tab) renames: this page shows it.
    const other = new AnnotatorDB(name);
    await renameAnnotator(other, 'Alice B.');
    other.close();
    await vi.waitFor(() => expect(field().value).toBe('Alice B.'));

    await setTag(db, { page: PAGE, comment: comment('wp:2'), annotator: 'bob' }, 'tag_on-topic', true, []);
    typeName('bob');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="annotator-error"]')?.textContent).toContain('annotations by “bob” already'));
    expect(field().value).toBe('Alice B.');
    expect(await annotatorName(db)).toBe('Alice B.');
  });
});
