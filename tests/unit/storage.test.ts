import { readBundle, readEverything } from '../../storage/bundles';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotatorName, editAnnotation, pageAnnotations, restoreRemoved, setNote, setTag } from '../../storage/annotations';
import { deleteAnnotation } from '../../storage/bundles';
import { addTag, loadCodebook, loadVariables, moveTag, updateTag } from '../../storage/codebook';
import { deleteTag, tagUsage } from '../../storage/code-changes';
import { classicCodebook } from './classic';
import { codesByVariable, isCodable } from '../../lib/codebook';
import { AnnotatorDB } from '../../storage/schema';
import { normalisedTextHash } from '../../lib/text-hash';
import { normaliseUrl } from '../../lib/urls';
import { reidentify } from '../../page/reidentify';
import type { Annotation, CommentSnapshot, Target } from '../../lib/records';

let db: AnnotatorDB;
let name: string;
beforeEach(async () => {
  name = `test-${crypto.randomUUID()}`;
  db = new AnnotatorDB(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const target = (key: string, text = `text of ${key}`): Target => ({
  page: { url: 'https://www.xperiablog.net/a/', layout: 'disqus', metadata: { url: 'https://www.xperiablog.net/a/', title: 'A', byline: null, siteName: 'Xperia Blog', publishedTime: null, excerpt: null }, commentCount: 135 },
  comment: { key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text },
  annotator: 'alice',
});

describe('codebook', () => {
  it('seeds the example codebook once: two variables with guidance, a group code over nested codes, fixed ids, hotkeys 1–8', async () => {
    const tags = await loadCodebook(db);
    const variables = await loadVariables(db);
    expect(variables.map((v) => [v.id, v.name, v.kind])).toEqual([['var_tone', 'tone', 'single'], ['var_topics', 'topics', 'multiple']]);
    for (const entry of [...variables, ...tags.filter(isCodable)]) {
      expect(entry.description && entry.include && entry.exclude && entry.examples, entry.name).toBeTruthy();
    }
    expect(codesByVariable(variables, tags).map((g) => [g.variable.name, g.codes.map((c) => c.name)])).toEqual([
      ['tone', ['positive', 'neutral', 'negative']],
      ['topics', ['politics', 'elections', 'policy', 'economy', 'health', 'other topic']],
    ]);
    const politics = tags.find((t) => t.name === 'politics')!;
    expect(politics).toMatchObject({ id: 'tag_politics', codable: false, hotkey: null });
    expect(tags.filter((t) => t.parentId === politics.id).map((t) => t.name)).toEqual(['elections', 'policy']);
    expect(tags.filter(isCodable).map((t) => t.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    await db.tags.delete(tags[0].id);
    await db.variables.delete('var_topics');
    expect(await loadCodebook(db)).toHaveLength(tags.length - 1); // deleted entries do not come back
    expect((await loadVariables(db)).map((v) => v.id)).toEqual(['var_tone']);
  });

  it('adds with the next free hotkey, refuses duplicate or empty names, renames, re-keys, reorders', async () => {
    const tags = await classicCodebook(db);
    const added = await addTag(db, { name: 'sarcasm', colour: '#ff0000' });
    expect(added.hotkey).toBe('9');
    await expect(addTag(db, { name: 'Spam' })).rejects.toThrow('already a code called "Spam"');
    await expect(addTag(db, { name: '  ' })).rejects.toThrow('needs a name');
    await updateTag(db, added.id, { name: 'irony', hotkey: '1' });
    const after = await loadCodebook(db);
    expect(after.find((t) => t.id === added.id)).toMatchObject({ name: 'irony', hotkey: '1' });
    expect(after.find((t) => t.id === tags[0].id)!.hotkey).toBeNull(); // the key moved
    await moveTag(db, added.id, -1);
    expect((await loadCodebook(db)).map((t) => t.name).slice(-2)).toEqual(['irony', 'spam']);
  });

  it('deleting a tag in use says how many annotations it touches and takes it off them', async () => {
    const [a, b] = await loadCodebook(db);
    const order = [a.id, b.id];
    await setTag(db, target('disqus:1'), a.id, true, order);
    await setTag(db, target('disqus:2'), a.id, true, order);
    await setTag(db, target('disqus:2'), b.id, true, order);
    expect(await tagUsage(db, a.id)).toEqual([{ annotator: 'alice', count: 2 }]);
    await annotatorName(db); // made up: not alice
    expect(await deleteTag(db, a.id, { others: true })).toMatchObject({ removed: true, kept: [], annotations: [{}, {}] });
    expect(await tagUsage(db, a.id)).toEqual([]);
    const { annotations } = await pageAnnotations(db, target('x').page.url, 'alice');
    const byKey = Object.fromEntries(annotations.map((x) => [x.commentKey, x.tagIds]));
    expect(byKey).toEqual({ 'disqus:1': [], 'disqus:2': [b.id] });
    expect(await db.tags.get(a.id)).toBeUndefined();
  });
});

describe('annotations', () => {
  it('tagging saves the annotation, the comment snapshot and the page metadata on first use', async () => {
    const [a, b] = await loadCodebook(db);
    const change = await setTag(db, target('disqus:7', 'Hello   world'), b.id, true, [a.id, b.id]);
    expect(change.before).toBeNull();
    expect(change.after).toMatchObject({ commentKey: 'disqus:7', tagIds: [b.id], note: '', annotator: 'alice' });
    const snapshot = (await readBundle(db, 'https://www.xperiablog.net/a/')).comments.find((c) => c.key === 'disqus:7');
    expect(snapshot).toMatchObject({ author: 'Ann', text: 'Hello   world', textHash: normalisedTextHash('Hello world') });
    expect(await db.pages.get('https://www.xperiablog.net/a/')).toMatchObject({ layout: 'disqus', commentCount: 135, metadata: { title: 'A' } });
  });

  it('keeps tags in codebook order, takes them off, and removes an annotation left empty', async () => {
    const [a, b] = await loadCodebook(db);
    await setTag(db, target('k'), b.id, true, [a.id, b.id]);
    const both = await setTag(db, target('k'), a.id, true, [a.id, b.id]);
    expect(both.after!.tagIds).toEqual([a.id, b.id]);
    await setTag(db, target('k'), a.id, false, [a.id, b.id]);
    const last = await setTag(db, target('k'), b.id, false, [a.id, b.id]);
    expect(last).toMatchObject({ before: { tagIds: [b.id], note: '' }, after: null });
    expect((await readEverything(db)).annotations).toEqual([]);
    expect((await readEverything(db)).comments).toHaveLength(1); // the snapshot stays: nothing the user saw is lost
  });

  it('a note alone keeps the annotation; taking the last tag off keeps the note', async () => {
    const [a] = await loadCodebook(db);
    const noted = await setNote(db, target('k'), 'sarcastic?');
    expect(noted.after).toMatchObject({ tagIds: [], note: 'sarcastic?' });
    await setTag(db, target('k'), a.id, true, [a.id]);
    await setTag(db, target('k'), a.id, false, [a.id]);
    expect(((await readEverything(db)).annotations)[0]).toMatchObject({ tagIds: [], note: 'sarcastic?' });
    await setNote(db, target('k'), '');
    expect((await readEverything(db)).annotations).toEqual([]);
  });

  it('keeps each annotator’s annotation of a comment apart', async () => {
    const [a] = await loadCodebook(db);
    await setTag(db, target('k'), a.id, true, [a.id]);
    await setTag(db, { ...target('k'), annotator: 'bob' }, a.id, true, [a.id]);
    expect((await readEverything(db)).annotations).toHaveLength(2);
    expect((await pageAnnotations(db, target('k').page.url, 'bob')).annotations).toHaveLength(1);
  });

  it('makes up an annotator name once', async () => {
    const first = await annotatorName(db);
    expect(first).toMatch(/^annotator-[0-9a-f]{4}$/);
    expect(await annotatorName(db)).toBe(first);
  });
});

describe('the write path', () => {
  const URL_A = 'https://www.xperiablog.net/a/';
  const bundleRecord = () => db.bundles.get(URL_A);

  it('the same request applied twice changes nothing the second time (a resend after the worker stopped)', async () => {
    const [a, b] = await loadCodebook(db);
    const order = [a.id, b.id];
    const first = await setTag(db, target('k'), a.id, true, order);
    const stored = await bundleRecord();
    const again = await setTag(db, target('k'), a.id, true, order);
    expect(await bundleRecord()).toEqual(stored);
    expect(again).toEqual({ before: { tagIds: [a.id], note: '' }, after: first.after, rev: first.rev });
    await setNote(db, target('k'), 'hm');
    const noted = await bundleRecord();
    await setNote(db, target('k'), 'hm');
    expect(await bundleRecord()).toEqual(noted);
    // Taking off twice, too: the second finds it off and writes nothing.
    await setTag(db, target('k'), a.id, false, order);
    const off = await bundleRecord();
    await setTag(db, target('k'), a.id, false, order);
    expect(await bundleRecord()).toEqual(off);
    expect(off!.annotations).toMatchObject([{ tagIds: [], note: 'hm' }]);
  });

  it('every write counts the bundle revision up, so news of an annotation can be ordered', async () => {
    const [a] = await loadCodebook(db);
    const one = await setTag(db, target('k'), a.id, true, [a.id]);
    const two = await setNote(db, target('j'), 'x');
    const three = await editAnnotation(db, { pageUrl: URL_A, commentKey: 'k', annotator: 'alice' }, { tags: { [a.id]: false } }, [a.id]);
    expect([one.rev, two.rev, three.rev]).toEqual([one.rev, one.rev + 1, one.rev + 2]);
    expect((await pageAnnotations(db, URL_A, 'alice')).rev).toBe(three.rev);
  });

  it('change-based writes merge concurrent edits of different tags and of the note', async () => {
    const tags = await loadCodebook(db);
    const order = tags.map((t) => t.id);
    const [a, b, c] = order;
    await setTag(db, target('k'), a, true, order);
    const where = { pageUrl: URL_A, commentKey: 'k', annotator: 'alice' };
    // A panel, a second tab and the review page, all at once on the same annotation.
    await Promise.all([
      setTag(db, target('k'), b, true, order),
      setTag(db, target('k'), a, false, order),
      editAnnotation(db, where, { tags: { [c]: true } }, order),
      editAnnotation(db, where, { note: 'from review' }, order),
      setNote(db, target('j'), 'another comment'),
    ]);
    const { annotations } = await pageAnnotations(db, URL_A, 'alice');
    expect(annotations.find((x) => x.commentKey === 'k')).toMatchObject({ tagIds: [b, c], note: 'from review' });
    expect(annotations.find((x) => x.commentKey === 'j')).toMatchObject({ tagIds: [], note: 'another comment' });
  });

  it('a review-page edit of an annotation removed meanwhile starts one again, never a second', async () => {
    const [a, b] = await loadCodebook(db);
    const drawn = (await setTag(db, target('k'), a.id, true, [a.id, b.id])).after!;
    await deleteAnnotation(db, drawn);
    await editAnnotation(db, drawn, { tags: { [b.id]: true } }, [a.id, b.id]);
    await editAnnotation(db, drawn, { tags: { [b.id]: true } }, [a.id, b.id]);
    expect((await readEverything(db)).annotations).toMatchObject([{ commentKey: 'k', tagIds: [b.id] }]);
  });

  it('undo of a removal after the comment was tagged again merges into that annotation instead of duplicating it', async () => {
    const [a, b, c] = await loadCodebook(db);
    const order = [a.id, b.id, c.id];
    await setTag(db, target('k'), a.id, true, order);
    const removed = (await setNote(db, target('k'), 'first look')).after!;
    await deleteAnnotation(db, removed);
    // The comment is tagged again in a tab, with a note of its own: a new annotation (new id).
    await setTag(db, target('k'), c.id, true, order);
    const recreated = (await setNote(db, target('k'), 'second look')).after!;
    expect(recreated.id).not.toBe(removed.id);
    await restoreRemoved(db, removed, order);
    await restoreRemoved(db, removed, order); // a double click on Undo adds nothing either
    const annotations = (await readEverything(db)).annotations;
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ id: recreated.id, tagIds: [a.id, c.id], note: 'second look' });
    expect(annotations[0].history).toEqual([{ tagIds: [a.id], note: 'first look', annotator: 'alice', updatedAt: removed.updatedAt }]);
  });

  it('undo of a removal with nothing since puts the annotation back as it was', async () => {
    const [a] = await loadCodebook(db);
    const removed = (await setTag(db, target('k'), a.id, true, [a.id])).after!;
    await deleteAnnotation(db, removed);
    await restoreRemoved(db, removed, [a.id]);
    expect((await readEverything(db)).annotations).toEqual([removed]);
  });
});

describe('schema upgrade', () => {
  it('opens a version-1 database with the current schema: text hashes computed, rows moved into page bundles', async () => {
    const old = `old-${crypto.randomUUID()}`;
    const v1 = new Dexie(old);
    v1.version(1).stores({ tags: 'id, order', pages: 'url, lastSeen', snapshots: '[pageUrl+key], pageUrl', annotations: 'id, [pageUrl+commentKey], pageUrl, annotator, updatedAt', settings: 'key' });
    await v1.table('snapshots').add({ pageUrl: 'p', key: 'wp:1', author: null, publishedAt: null, permalink: null, parentKey: null, text: 'Old  text', savedAt: 'x' });
    await v1.table('annotations').add({ id: 'a1', pageUrl: 'p', commentKey: 'wp:1', tagIds: ['t1'], note: '', annotator: 'alice', createdAt: 'x', updatedAt: 'x' });
    v1.close();
    const upgraded = new AnnotatorDB(old);
    const bundle = await readBundle(upgraded, 'p');
    expect(bundle.comments[0].textHash).toBe(normalisedTextHash('Old text'));
    expect(bundle.annotations).toEqual([expect.objectContaining({ id: 'a1', tagIds: ['t1'] })]);
    expect(await tagUsage(upgraded, 't1')).toEqual([{ annotator: 'alice', count: 1 }]);
    expect(upgraded.verno).toBe(5);
    expect(upgraded.tables.map((t) => t.name).sort()).toEqual(['bundles', 'pages', 'settings', 'tags', 'variables']);
    expect(await upgraded.variables.count()).toBe(0); // no tags: nothing for a variable to hold
    upgraded.close();
    await Dexie.delete(old);
  });
});

describe('normaliseUrl', () => {
  it.each([
    ['https://www.xperiablog.net/a/?utm_source=x&utm_medium=y#comment-5', null, 'https://www.xperiablog.net/a/'],
    ['https://phandroid.com/p/?fbclid=1&page=2', null, 'https://phandroid.com/p/?page=2'],
    ['https://Phandroid.com:443/p/?b=2&a=1', null, 'https://phandroid.com/p/?a=1&b=2'],
    ['https://m.example.org/p/?amp=1', 'https://example.org/p/', 'https://example.org/p/'],
    ['https://example.org/p/', '/relative/', 'https://example.org/relative/'],
  ])('%s (canonical %s) → %s', (url, canonical, expected) => {
    expect(normaliseUrl(url, canonical)).toBe(expected);
  });
});

describe('reidentify', () => {
  const ann = (key: string): Annotation => ({ id: key, pageUrl: 'p', commentKey: key, tagIds: ['t'], note: '', annotator: 'a', createdAt: '', updatedAt: '' });
  const snap = (key: string, text: string): CommentSnapshot => ({ pageUrl: 'p', key, author: null, publishedAt: null, permalink: null, parentKey: null, text, textHash: normalisedTextHash(text), savedAt: '' });

  it('matches by key, then by text where the key is gone, and lists the rest as missing', () => {
    const comments = [{ key: 'wp:1', text: 'one' }, { key: 'disqus-wp:pingback-bbbb', text: 'Pingback:  moved' }];
    const annotations = [ann('wp:1'), ann('disqus-wp:pingback-aaaa'), ann('wp:9')];
    const snapshots = [snap('wp:1', 'one'), snap('disqus-wp:pingback-aaaa', 'Pingback: moved'), snap('wp:9', 'deleted by the site')];
    const { byKey, missing } = reidentify(comments, annotations, snapshots);
    expect([...byKey.keys()]).toEqual(['wp:1', 'disqus-wp:pingback-bbbb']);
    expect(missing.map((m) => [m.annotation.commentKey, m.snapshot?.text])).toEqual([['wp:9', 'deleted by the site']]);
  });
});
