import { deleteAnnotation, otherCodersKeys, readEverything } from '../../storage/codings';
import { inRawTransaction } from '../../storage/raw-transaction';
import { BUCKETS, bucketOf, partOf, SPLIT_AT } from '../../storage/coding-parts';
import { readThread, saveThread } from '../../storage/threads';
import { savedThread } from '../../storage/saved-threads';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotatorName, editAnnotation, pageAnnotations, renameAnnotator, restoreRemoved, setNote, setTag } from '../../storage/annotations';
import { addTag, loadCodebook, loadVariables, moveTag, updateTag } from '../../storage/codebook';
import { deleteTag, tagUsage } from '../../storage/code-changes';
import { classicCodebook } from './classic';
import { codesByVariable, isCodable } from '../../lib/codebook';
import { AnnotatorDB, SETTING_KEYS } from '../../storage/schema';
import { normalisedTextHash } from '../../lib/text-hash';
import { normaliseUrl } from '../../lib/urls';
import { reidentify } from '../../page/reidentify';
import type { Annotation, CodingPart, CommentSnapshot, Target, ThreadPart } from '../../lib/records';

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
    const snapshot = (await readThread(db, 'https://www.xperiablog.net/a/')).find((c) => c.key === 'disqus:7');
    expect(snapshot).toMatchObject({ author: 'Ann', text: 'Hello   world', textHash: normalisedTextHash('Hello world') });
    expect(await db.pages.get('https://www.xperiablog.net/a/')).toMatchObject({ layout: 'disqus', commentCount: 135, codedCount: 1, metadata: { title: 'A' } });
  });

  it('writes the page record on a press only when what it holds changes, or its lastSeen is a minute old', async () => {
    const [a, b] = await loadCodebook(db);
    const url = 'https://www.xperiablog.net/a/';
    await setTag(db, target('disqus:1'), a.id, true, [a.id, b.id]);
    // A lastSeen of our own: a press that rewrote the record would put the time of the press there.
    const marked = new Date(Date.now() - 1_000).toISOString();
    await db.pages.update(url, { lastSeen: marked });
    await setTag(db, target('disqus:1'), b.id, true, [a.id, b.id]);
    expect(await db.pages.get(url)).toMatchObject({ codedCount: 1, lastSeen: marked });
    await setTag(db, target('disqus:2'), a.id, true, [a.id, b.id]);
    const counted = (await db.pages.get(url))!;
    expect(counted.codedCount).toBe(2);
    expect(counted.lastSeen > marked).toBe(true);
    const old = new Date(Date.now() - 61_000).toISOString();
    await db.pages.update(url, { lastSeen: old });
    await setTag(db, target('disqus:2'), b.id, true, [a.id, b.id]);
    expect((await db.pages.get(url))!.lastSeen > old).toBe(true);
    await setTag(db, { ...target('disqus:2'), page: { ...target('disqus:2').page, commentCount: 140 } }, b.id, false, [a.id, b.id]);
    expect(await db.pages.get(url)).toMatchObject({ commentCount: 140, codedCount: 2 });
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
  const coderRecord = () => db.codings.get([URL_A, 'alice', 0]);

  it('the same request applied twice changes nothing the second time (a resend after the worker stopped)', async () => {
    const [a, b] = await loadCodebook(db);
    const order = [a.id, b.id];
    const first = await setTag(db, target('k'), a.id, true, order);
    const stored = await coderRecord();
    const again = await setTag(db, target('k'), a.id, true, order);
    expect(await coderRecord()).toEqual(stored);
    expect(again).toEqual({ before: { tagIds: [a.id], note: '' }, after: first.after, rev: first.rev });
    await setNote(db, target('k'), 'hm');
    const noted = await coderRecord();
    await setNote(db, target('k'), 'hm');
    expect(await coderRecord()).toEqual(noted);
    // Taking off twice, too: the second finds it off and writes nothing.
    await setTag(db, target('k'), a.id, false, order);
    const off = await coderRecord();
    await setTag(db, target('k'), a.id, false, order);
    expect(await coderRecord()).toEqual(off);
    expect(off!.annotations).toMatchObject([{ tagIds: [], note: 'hm' }]);
  });

  it('every write counts the coder record’s revision up, so news of an annotation can be ordered', async () => {
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
  it('opens a version-1 database with the current schema: text hashes computed, rows moved into threads and coder records', async () => {
    const old = `old-${crypto.randomUUID()}`;
    const v1 = new Dexie(old);
    v1.version(1).stores({ tags: 'id, order', pages: 'url, lastSeen', snapshots: '[pageUrl+key], pageUrl', annotations: 'id, [pageUrl+commentKey], pageUrl, annotator, updatedAt', settings: 'key' });
    await v1.table('snapshots').add({ pageUrl: 'p', key: 'wp:1', author: null, publishedAt: null, permalink: null, parentKey: null, text: 'Old  text', savedAt: 'x' });
    await v1.table('annotations').add({ id: 'a1', pageUrl: 'p', commentKey: 'wp:1', tagIds: ['t1'], note: '', annotator: 'alice', createdAt: 'x', updatedAt: 'x' });
    v1.close();
    const upgraded = new AnnotatorDB(old);
    expect((await readThread(upgraded, 'p'))[0].textHash).toBe(normalisedTextHash('Old text'));
    expect((await pageAnnotations(upgraded, 'p', 'alice')).annotations).toEqual([expect.objectContaining({ id: 'a1', tagIds: ['t1'] })]);
    expect(await tagUsage(upgraded, 't1')).toEqual([{ annotator: 'alice', count: 1 }]);
    expect(upgraded.verno).toBe(6);
    expect(upgraded.tables.map((t) => t.name).sort()).toEqual(['codings', 'pages', 'settings', 'tags', 'threads', 'variables']);
    expect(await upgraded.variables.count()).toBe(0); // no tags: nothing for a variable to hold
    upgraded.close();
    await Dexie.delete(old);
  });

  it('opens a version-4 database (page bundles) with version 6: every comment and annotation kept, one record per coder, pages count their coded comments', async () => {
    const old = `v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(old);
    // Version 4's declarations as released (storage/schema.ts before version 6).
    v4.version(1).stores({ tags: 'id, order', pages: 'url, lastSeen', snapshots: '[pageUrl+key], pageUrl', annotations: 'id, [pageUrl+commentKey], pageUrl, annotator, updatedAt', settings: 'key' });
    v4.version(2).stores({ snapshots: '[pageUrl+key], pageUrl, textHash', annotations: 'id, &[annotator+pageUrl+commentKey], [pageUrl+commentKey], pageUrl, annotator, updatedAt, *tagIds' });
    v4.version(3).stores({ bundles: 'url, *tagIds' });
    v4.version(4).stores({ snapshots: null, annotations: null });
    const snap = (pageUrl: string, key: string): CommentSnapshot => ({ pageUrl, key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text: `text of ${key}`, textHash: normalisedTextHash(`text of ${key}`), savedAt: 'x' });
    const ann = (id: string, pageUrl: string, commentKey: string, annotator: string, more: Partial<Annotation> = {}): Annotation => ({ id, pageUrl, commentKey, tagIds: [], note: '', annotator, createdAt: 'x', updatedAt: 'x', ...more });
    const segment = { id: 'seg_1', tagId: 't2', quote: 'text', start: 0, end: 4, createdAt: 'x' };
    const [P1, P2, P3] = ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'];
    const bundles = [
      { url: P1, rev: 7, tagIds: ['t1', 't2'], comments: [snap(P1, 'c1'), snap(P1, 'c2'), snap(P1, 'c3')], annotations: [
        ann('a1', P1, 'c1', 'alice', { tagIds: ['t1'] }), ann('a2', P1, 'c2', 'alice', { note: 'only a note' }), ann('a3', P1, 'c3', 'alice', { segments: [segment] }),
        ann('b1', P1, 'c1', 'bob', { tagIds: ['t2'], history: [{ tagIds: ['t1'], note: '', annotator: 'bob', updatedAt: 'w' }] }),
      ] },
      { url: P2, tagIds: [], comments: [snap(P2, 'c1')], annotations: [ann('n1', P2, 'c1', 'alice', { none: true })] },
      // More annotations than one record keeps: carol's are spread over buckets.
      { url: P3, rev: 2, tagIds: ['t1'], comments: Array.from({ length: 200 }, (_, i) => snap(P3, `c${i}`)), annotations: Array.from({ length: 200 }, (_, i) => ann(`m${i}`, P3, `c${i}`, 'carol', { tagIds: ['t1'] })) },
    ];
    await v4.table('bundles').bulkAdd(bundles);
    await v4.table('pages').bulkAdd([P1, P2, P3].map((url) => ({ url, layout: 'wp', metadata: null, firstSeen: 'x', lastSeen: 'x', commentCount: 3 })));
    await v4.table('tags').add({ id: 't1', name: 'one', colour: '#000', hotkey: '1', description: '', order: 0 });
    v4.close();

    const upgraded = new AnnotatorDB(old);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const everything = await readEverything(upgraded);
    expect(everything.annotations.sort(byId)).toEqual(bundles.flatMap((b) => b.annotations).sort(byId));
    expect(everything.comments).toEqual(expect.arrayContaining(bundles.flatMap((b) => b.comments)));
    expect(everything.comments).toHaveLength(204);
    expect(await upgraded.codings.get([P1, 'alice', 0])).toMatchObject({ rev: 7, tagIds: ['t1', 't2'], annotations: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3', segments: [segment] }] });
    expect(await upgraded.codings.get([P1, 'bob', 0])).toMatchObject({ rev: 7, tagIds: ['t2'], annotations: [{ id: 'b1', history: [{ updatedAt: 'w' }] }] });
    expect(await upgraded.codings.get([P2, 'alice', 0])).toMatchObject({ annotations: [{ id: 'n1', none: true }] });
    // The tag index covers segments: alice's segment uses t2 as bob's tag does.
    expect(await tagUsage(upgraded, 't2')).toEqual([{ annotator: 'alice', count: 1 }, { annotator: 'bob', count: 1 }]);
    // c1 (tags) and c3 (a segment) are coded; c2 has a note alone. On P2, "no code applies".
    expect((await upgraded.pages.toArray()).map((p) => [p.url, p.codedCount])).toEqual([[P1, 2], [P2, 1], [P3, 200]]);
    expect(await upgraded.codings.get([P3, 'carol', 0])).toMatchObject({ split: true, rev: 2 });
    expect(await pageAnnotations(upgraded, P3, 'carol')).toMatchObject({ rev: 2, annotations: expect.arrayContaining([expect.objectContaining({ id: 'm199' })]) });
    expect(await tagUsage(upgraded, 't1')).toEqual([{ annotator: 'alice', count: 1 }, { annotator: 'carol', count: 200 }]);
    expect(await upgraded.tags.get('t1')).toMatchObject({ name: 'one' });
    expect(upgraded.tables.map((t) => t.name)).not.toContain('bundles');
    // The panel reads what it read before.
    expect(await pageAnnotations(upgraded, P1, 'alice')).toMatchObject({ rev: 7, threadKeys: ['c1', 'c2', 'c3'], snapshots: [{ key: 'c1' }, { key: 'c2' }, { key: 'c3' }] });
    upgraded.close();
    await Dexie.delete(old);
  });
});

describe('thread snapshots and split writes', () => {
  const URL_A = 'https://www.xperiablog.net/a/';
  const page = target('x').page;
  const info = (key: string, text = `text of ${key}`) => ({ key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text });
  /** The target of a press on a comment whose snapshot the page knows stored: its key only. */
  const byKey = (key: string, annotator = 'alice'): Target => ({ ...target(key), comment: { key }, annotator });
  afterEach(() => void vi.restoreAllMocks());
  /** Every call of the IndexedDB methods `names` from now on, in order, as `describe` tells it (null: not told), added to `seen`. */
  const calls = <P extends IDBObjectStore | IDBTransaction>(proto: P, names: (keyof P & string)[], describe: (name: string, self: P, row: unknown) => string | null, seen: string[] = []) => {
    for (const name of names) {
      const original = proto[name] as (...args: unknown[]) => unknown;
      vi.spyOn(proto, name as never).mockImplementation(function (this: P, ...args: unknown[]) {
        const told = describe(name, this, args[0]);
        if (told) seen.push(told);
        return original.apply(this, args);
      } as never);
    }
    return seen;
  };
  /** The records written from now on, as IndexedDB is asked to write them: a coder's coding record, or a thread's part added (its size) or rewritten. */
  const writes = () => calls(IDBObjectStore.prototype, ['put', 'add'], (method, store, row) => {
    if (store.name === 'codings') return `codings ${(row as CodingPart).annotator}`;
    if (store.name === 'threads') return method === 'add' ? `threads ${(row as ThreadPart).comments.length}` : 'threads rewritten';
    return null;
  });

  it('a press names the comment by key: only its coder’s record is written, neither the thread nor another coder’s record', async () => {
    const [a] = await loadCodebook(db);
    await saveThread(db, page, Array.from({ length: 300 }, (_, i) => info(`c${i}`)));
    await setTag(db, byKey('c1', 'bob'), a.id, true, [a.id]);
    const bob = await db.codings.get([URL_A, 'bob', 0]);
    const seen = writes();
    const change = await setTag(db, byKey('c2'), a.id, true, [a.id]);
    expect(change.after).toMatchObject({ commentKey: 'c2', tagIds: [a.id] });
    expect(seen).toEqual(['codings alice']);
    expect(await db.codings.get([URL_A, 'bob', 0])).toEqual(bob);
    expect(await db.threads.count()).toBe(1);
  });

  it('a press with the comment’s text adds its snapshot as a new part; a comment stored already keeps its first snapshot', async () => {
    const [a] = await loadCodebook(db);
    await saveThread(db, page, [info('c1', 'first words')]);
    const seen = writes();
    await setTag(db, target('c2', 'new comment'), a.id, true, [a.id]);
    await setTag(db, target('c1', 'edited later'), a.id, true, [a.id]);
    expect(seen).toEqual(['codings alice', 'threads 1', 'codings alice', 'threads 1']);
    expect((await readThread(db, URL_A)).map((c) => [c.key, c.text])).toEqual([['c1', 'first words'], ['c2', 'new comment']]);
    expect((await readEverything(db)).comments).toHaveLength(2);
  });

  it('saves a thread a part at a time, never rewriting the parts before; the page record counts comments and coded comments', async () => {
    const [a, b] = await loadCodebook(db);
    expect(await saveThread(db, { ...page, commentCount: 2 }, [info('c1'), info('c2')])).toBe(2);
    await setTag(db, byKey('c1'), a.id, true, [a.id, b.id]);
    const seen = writes();
    await saveThread(db, { ...page, commentCount: 3 }, [info('c3')]);
    expect(seen).toEqual(['threads 1']);
    expect(await db.pages.get(URL_A)).toMatchObject({ commentCount: 3, codedCount: 1 });
    expect(await pageAnnotations(db, URL_A, 'alice')).toMatchObject({ threadKeys: ['c1', 'c2', 'c3'], snapshots: [{ key: 'c1' }] });
  });

  it('the saved thread’s page shows the whole thread kept since coding began, not only the coded comments', async () => {
    const [a] = await loadCodebook(db);
    await setTag(db, target('c2', 'coded first'), a.id, true, [a.id]);
    await saveThread(db, { ...page, commentCount: 3 }, [info('c1'), info('c2'), info('c3')]);
    const saved = await savedThread(db, URL_A);
    expect(saved.comments.map((c) => c.key).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(saved.comments.find((c) => c.key === 'c2')!.text).toBe('coded first');
  });

  it(`spreads a coder’s annotations over buckets past ${SPLIT_AT}: a press then writes the head and one bucket, and every reader sees them all`, async () => {
    const [a, b] = await loadCodebook(db);
    const keys = Array.from({ length: SPLIT_AT + 20 }, (_, i) => `c${i}`);
    for (const key of keys) await setTag(db, byKey(key), a.id, true, [a.id, b.id]);
    const head = await db.codings.get([URL_A, 'alice', 0]);
    expect(head).toMatchObject({ split: true, annotations: [], rev: keys.length });
    expect(await db.codings.count()).toBeGreaterThan(BUCKETS / 2);
    const seen = writes();
    const change = await setTag(db, byKey('c7'), b.id, true, [a.id, b.id]);
    expect(change).toMatchObject({ before: { tagIds: [a.id] }, after: { tagIds: [a.id, b.id] }, rev: keys.length + 1 });
    expect(seen).toEqual(['codings alice', 'codings alice']);
    expect((await db.codings.get([URL_A, 'alice', bucketOf('c7')]))!.annotations.map((x) => x.commentKey)).toContain('c7');

    const { annotations, rev } = await pageAnnotations(db, URL_A, 'alice');
    expect(annotations.map((x) => x.commentKey).sort()).toEqual([...keys].sort());
    expect(rev).toBe(keys.length + 1);
    expect(await tagUsage(db, a.id)).toEqual([{ annotator: 'alice', count: keys.length }]);
    expect(await db.pages.get(URL_A)).toMatchObject({ codedCount: keys.length });
    await deleteAnnotation(db, annotations.find((x) => x.commentKey === 'c3')!);
    await db.settings.put({ key: SETTING_KEYS.annotator, value: 'alice' });
    expect(await renameAnnotator(db, 'Alice')).toBe(keys.length - 1);
    expect((await pageAnnotations(db, URL_A, 'Alice')).annotations).toHaveLength(keys.length - 1);
    expect(await db.codings.where('annotator').equals('alice').count()).toBe(0);
    expect((await deleteTag(db, a.id)).annotations).toHaveLength(keys.length - 1);
    expect(await tagUsage(db, b.id)).toEqual([{ annotator: 'Alice', count: 1 }]);
    expect(await db.pages.get(URL_A)).toMatchObject({ codedCount: 1 });
    expect((await db.codings.get([URL_A, 'Alice', 0]))!.rev).toBe(keys.length + 4);
  });

  it('a press reads in one round, then asks for its writes and the commit together: no round trip waits for the writes’ answers', async () => {
    const [a, b] = await loadCodebook(db);
    for (let i = 0; i < SPLIT_AT + 20; i++) await setTag(db, byKey(`c${i}`), a.id, true, [a.id, b.id]);
    const requests = calls(IDBObjectStore.prototype, ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count', 'put', 'add', 'delete'], (method, store) => `${method} ${store.name}`);
    calls(IDBTransaction.prototype, ['commit'], (method) => method, requests);
    await setTag(db, byKey('c7'), b.id, true, [a.id, b.id]);
    // The coder's head and the comment's bucket, the page's record, the page's coders; then the
    // head and the bucket written (the page's record is unchanged: c7 was coded already).
    expect(requests).toEqual(['get codings', 'get codings', 'get pages', 'getAllKeys codings', 'getAllKeys codings', 'put codings', 'put codings', 'commit']);
  });

  it('a press lists the keys of the page’s other coders only, not the coder’s own records (none when alone on the page)', async () => {
    const rows = [
      partOf(URL_A, 'alice', 0, [], 3, true), partOf(URL_A, 'alice', 3, []), partOf(URL_A, 'alice', 7, []),
      partOf(URL_A, 'aaron', 0, []), partOf(URL_A, 'aaron', 2, []), partOf(URL_A, 'alice2', 0, []), partOf(URL_A, 'zoe', 0, []),
      partOf('https://www.xperiablog.net/b/', 'bob', 0, []), partOf('https://www.xperiablog.net/', 'bob', 0, []),
    ];
    await db.codings.bulkPut(rows);
    const others = await inRawTransaction(db, ['codings'], (tx) => otherCodersKeys(tx, URL_A, 'alice'));
    expect(others).toEqual([[URL_A, 'aaron', 0], [URL_A, 'aaron', 2], [URL_A, 'alice2', 0], [URL_A, 'zoe', 0]]);
    await db.codings.where('annotator').anyOf('aaron', 'alice2', 'zoe').delete();
    expect(await inRawTransaction(db, ['codings'], (tx) => otherCodersKeys(tx, URL_A, 'alice'))).toEqual([]);
  });

  it('counts a comment another coder coded once when the annotator changed since the last press (the coders read anew)', async () => {
    const [a] = await loadCodebook(db);
    const asStored = (key: string) => {
      const { annotator: _named, ...press } = byKey(key);
      return press;
    };
    await db.settings.put({ key: SETTING_KEYS.annotator, value: 'alice' });
    await setTag(db, asStored('c1'), a.id, true, [a.id]);
    // Renamed in another context (the options page): this one's hint still names alice, who coded c1.
    await db.settings.put({ key: SETTING_KEYS.annotator, value: 'bob' });
    const change = await setTag(db, asStored('c1'), a.id, true, [a.id]);
    expect(change.after).toMatchObject({ annotator: 'bob', tagIds: [a.id] });
    expect(await db.pages.get(URL_A)).toMatchObject({ codedCount: 1 });
  });

  it('counts a comment coded once, whoever coded it, until nobody does (tags, segments or "no code applies"; a note alone is not coding)', async () => {
    const [a] = await loadCodebook(db);
    const coded = async () => (await db.pages.get(URL_A))!.codedCount;
    await setTag(db, target('c1'), a.id, true, [a.id]);
    expect(await coded()).toBe(1);
    await setTag(db, { ...target('c1'), annotator: 'bob' }, a.id, true, [a.id]);
    expect(await coded()).toBe(1);
    await setTag(db, target('c1'), a.id, false, [a.id]);
    expect(await coded()).toBe(1);
    await editAnnotation(db, { pageUrl: URL_A, commentKey: 'c1', annotator: 'bob' }, { tags: { [a.id]: false } }, [a.id]);
    expect(await coded()).toBe(0);
    await setNote(db, target('c2'), 'a note');
    expect(await coded()).toBe(0);
    await editAnnotation(db, { pageUrl: URL_A, commentKey: 'c2', annotator: 'alice' }, { none: true }, [a.id]);
    expect(await coded()).toBe(1);
    const segment = { id: 'seg_1', tagId: a.id, quote: 'text', start: 0, end: 4, createdAt: 'x' };
    const withSegment = await editAnnotation(db, { pageUrl: URL_A, commentKey: 'c3', annotator: 'alice' }, { segments: { add: [segment] } }, [a.id]);
    expect(withSegment.after).toMatchObject({ segments: [segment] });
    expect(await coded()).toBe(2);
    await deleteAnnotation(db, withSegment.after!);
    expect(await coded()).toBe(1);
    await deleteTag(db, a.id);
    expect(await coded()).toBe(1);
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
