import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseStoreChange, type StoreChange } from '../../lib/changes';
import { announce, followChanges, onChange } from '../../storage/changes';
import { annotatorName, editAnnotation, renameAnnotator, restoreRemoved, setNote, setTag } from '../../storage/annotations';
import { deleteAnnotation, readEverything } from '../../storage/codings';
import { addTag, loadCodebook, moveTag, updateTag } from '../../storage/codebook';
import { deleteTag } from '../../storage/code-changes';
import { applyCodebook, applyImport } from '../../storage/import';
import { exportNative } from '../../storage/export';
import { AnnotatorDB } from '../../storage/schema';
import type { Target } from '../../lib/records';

// The one change signal: every write function announces what it changed once committed, every
// context hears it the same way (storage/changes.ts), checked on arrival (lib/changes.ts).

let db: AnnotatorDB;
let name: string;
let heard: StoreChange[];
let stopListening: () => void;
beforeEach(() => {
  name = `changes-${crypto.randomUUID()}`;
  db = new AnnotatorDB(name);
  heard = [];
  stopListening = onChange(db, (change) => heard.push(change));
});
afterEach(async () => {
  stopListening();
  db.close();
  await Dexie.delete(name);
});

const PAGE = 'https://www.xperiablog.net/a/';
const target = (key: string, annotator?: string): Omit<Target, 'annotator'> & { annotator?: string } => ({
  page: { url: PAGE, layout: 'disqus', metadata: null, commentCount: 3 },
  comment: { key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text: `text of ${key}` },
  ...(annotator && { annotator }),
});

const isMarker = (change: StoreChange) => change.kind === 'pages' && !!change.pageUrls?.[0]?.startsWith('marker-');

/**
 * Every change `listened` heard since the last call, up to now: a marker announced last arrives
 * last (one sending channel per context keeps its order), so whatever came before it is all
 * that was announced so far. Markers are left out.
 */
async function announcedSoFar(listened = heard, on: { name: string } = db): Promise<StoreChange[]> {
  const marker: StoreChange = { kind: 'pages', pageUrls: [`marker-${crypto.randomUUID()}`] };
  announce(on, marker);
  await vi.waitFor(() => expect(listened).toContainEqual(marker));
  return listened.splice(0).filter((c) => !isMarker(c));
}

describe('the announcer', () => {
  it('reaches every listener of the database, in this context and another connection, and none of another database', async () => {
    const other = new AnnotatorDB(name);
    const elsewhere: StoreChange[] = [];
    const stopOther = onChange(other, (c) => elsewhere.push(c));
    const strangerName = `changes-${crypto.randomUUID()}`;
    const stranger: StoreChange[] = [];
    const stopStranger = onChange({ name: strangerName }, (c) => stranger.push(c));

    announce(db, { kind: 'codebook' });
    expect(await announcedSoFar()).toEqual([{ kind: 'codebook' }]);
    expect(await announcedSoFar(elsewhere)).toEqual([{ kind: 'codebook' }]);
    expect(await announcedSoFar(stranger, { name: strangerName })).toEqual([]);
    stopOther();
    stopStranger();
    other.close();
  });

  it('lets nothing through that is not a change: another version’s message, a wrong shape, an extra field', async () => {
    const raw = new BroadcastChannel(`comment-annotator-changes:${name}`);
    for (const junk of [
      'codebook',
      { kind: 'bogus' },
      { kind: 'codebook', extra: 1 },
      { kind: 'annotation', pageUrl: PAGE, commentKey: 'k:1', annotator: 'me', annotation: null },
      { kind: 'annotation', pageUrl: PAGE, commentKey: 'k:1', annotator: 'me', annotation: { id: 'x' }, rev: 1 },
      { kind: 'annotator', name: '', previous: null },
      { kind: 'pages', pageUrls: Array.from({ length: 10_001 }, (_, i) => `u${i}`) },
    ]) raw.postMessage(junk);
    // The same channel carries a real change: the junk was sent where listeners hear.
    raw.postMessage({ kind: 'annotator', name: 'Alice', previous: 'annotator-1a2b' });
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(await announcedSoFar()).toEqual([{ kind: 'annotator', name: 'Alice', previous: 'annotator-1a2b' }]);
    raw.close();
  });

  it('checks annotations as stored ones look, and keeps every field of them', () => {
    const annotation = { id: 'ann_1', pageUrl: PAGE, commentKey: 'k:1', tagIds: ['t'], note: 'n', annotator: 'me', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', history: [{ tagIds: [], note: 'old', annotator: 'bob', updatedAt: '2025-12-31T00:00:00.000Z' }] };
    const change = { kind: 'annotation', pageUrl: PAGE, commentKey: 'k:1', annotator: 'me', annotation, rev: 4 };
    expect(parseStoreChange(change)).toEqual(change);
    // Issue 13's fields too: a relayed annotation that lost its segments emptied the panel's list.
    const coded = { ...annotation, none: false, segments: [{ id: 'seg_1', tagId: 't', quote: 'q', start: 0, end: 1, createdAt: '2026-01-01T00:00:00.000Z' }], history: [{ ...annotation.history[0], none: true }] };
    expect(parseStoreChange({ ...change, annotation: coded })).toEqual({ ...change, annotation: coded });
    expect(parseStoreChange({ ...change, rev: -1 })).toBeNull();
    expect(parseStoreChange({ ...change, annotation: { ...annotation, tagIds: 't' } })).toBeNull();
    expect(parseStoreChange({ kind: 'pages', pageUrls: null })).toEqual({ kind: 'pages', pageUrls: null });
    // "No code applies" travels with the news too.
    const none = { ...annotation, tagIds: [], none: true };
    expect(parseStoreChange({ ...change, annotation: none })).toEqual({ ...change, annotation: none });
  });
});

describe('every write announces what it changed, once committed', () => {
  it('annotations: tag, note, review edit, removal and its undo, each with the revision of the coder’s record of the page', async () => {
    const [a, b] = await loadCodebook(db);
    expect(await announcedSoFar()).toEqual([{ kind: 'codebook' }]); // the defaults, seeded once
    await loadCodebook(db);
    expect(await announcedSoFar()).toEqual([]);

    const tagged = await setTag(db, target('k:1', 'alice'), a.id, true, [a.id, b.id]);
    const noted = await setNote(db, target('k:1', 'alice'), 'hm');
    const where = { pageUrl: PAGE, commentKey: 'k:1', annotator: 'alice' };
    const edited = await editAnnotation(db, where, { tags: { [b.id]: true } }, [a.id, b.id]);
    await deleteAnnotation(db, edited.after!);
    const restored = await restoreRemoved(db, edited.after!, [a.id, b.id]);
    const news = (annotation: unknown, rev: number) => ({ kind: 'annotation', ...where, annotation, rev });
    expect(await announcedSoFar()).toEqual([
      news(tagged.after, 1), news(noted.after, 2), news(edited.after, 3), news(null, 4), news(restored.after, 5),
    ]);
    expect(restored.after).toEqual(edited.after);
    // Each announcement tells what the database holds after it.
    expect((await readEverything(db)).annotations).toEqual([restored.after]);
  });

  it('a press as this browser’s annotator: the name made up once (announced), read in the write’s own transaction', async () => {
    const [a] = await loadCodebook(db);
    await announcedSoFar();
    const first = await setTag(db, target('k:1'), a.id, true, [a.id]);
    const me = first.after!.annotator;
    expect(me).toMatch(/^annotator-/);
    expect(await annotatorName(db)).toBe(me);
    expect(await announcedSoFar()).toEqual([
      { kind: 'annotator', name: me, previous: null },
      { kind: 'annotation', pageUrl: PAGE, commentKey: 'k:1', annotator: me, annotation: first.after, rev: 1 },
    ]);
    // Asked again (a resent press) nothing is written, and the stored state is told again.
    expect(await setTag(db, target('k:1'), a.id, true, [a.id])).toEqual({ before: { tagIds: [a.id], note: '' }, after: first.after, rev: 1 });
    expect(await announcedSoFar()).toEqual([{ kind: 'annotation', pageUrl: PAGE, commentKey: 'k:1', annotator: me, annotation: first.after, rev: 1 }]);
  });

  it('the codebook: add, edit, move, delete, a shared codebook; an import names its pages', async () => {
    const [a] = await loadCodebook(db);
    await setTag(db, target('k:1', 'alice'), a.id, true, [a.id]);
    const file = await exportNative(db);
    await announcedSoFar();
    const added = await addTag(db, { name: 'sarcasm' });
    await updateTag(db, added.id, { colour: '#123456' });
    await moveTag(db, added.id, -1);
    await deleteTag(db, added.id);
    expect(await announcedSoFar()).toEqual(Array.from({ length: 4 }, () => ({ kind: 'codebook' })));
    expect(await applyCodebook(db, file.codebook)).toEqual({ added: 0, updated: 0 });
    expect(await announcedSoFar()).toEqual([]); // nothing changed
    await applyCodebook(db, [{ ...added, name: 'irony' }]);
    expect(await announcedSoFar()).toEqual([{ kind: 'codebook' }]);

    await applyImport(db, { ...file, annotations: file.annotations.map((x) => ({ ...x, id: 'ann_bob', annotator: 'bob' })) });
    expect(await announcedSoFar()).toEqual([{ kind: 'pages', pageUrls: [PAGE] }]);
    await applyImport(db, { ...file, codebook: [...file.codebook, { ...added, id: 'tag_new', name: 'new', order: 50, hotkey: null }] });
    expect(await announcedSoFar()).toEqual([{ kind: 'pages', pageUrls: [PAGE] }, { kind: 'codebook' }]);
  });
});

describe('renaming the annotator', () => {
  it('moves the annotations to the new name, counts their pages’ revisions up, and announces it', async () => {
    const [a] = await loadCodebook(db);
    const me = await annotatorName(db);
    const mine = (await setTag(db, target('k:1'), a.id, true, [a.id])).after!;
    await setTag(db, { ...target('k:1', 'bob'), page: { ...target('k:1').page, url: PAGE } }, a.id, true, [a.id]);
    const other = 'https://www.xperiablog.net/b/';
    await setTag(db, { ...target('k:2'), page: { ...target('k:2').page, url: other } }, a.id, true, [a.id]);
    await announcedSoFar();

    expect(await renameAnnotator(db, '  Alice ')).toBe(2);
    expect(await announcedSoFar()).toEqual([{ kind: 'annotator', name: 'Alice', previous: me }]);
    expect(await annotatorName(db)).toBe('Alice');
    const { annotations } = await readEverything(db);
    expect(annotations.map((x) => [x.commentKey, x.annotator]).sort()).toEqual([['k:1', 'Alice'], ['k:1', 'bob'], ['k:2', 'Alice']]);
    expect(annotations.find((x) => x.annotator === 'Alice' && x.commentKey === 'k:1')).toEqual({ ...mine, annotator: 'Alice' });
    expect((await db.codings.get([PAGE, 'Alice', 0]))!.rev).toBe(2);
    // The next press changes the same annotation: none is made under either name.
    const next = await setTag(db, target('k:1'), a.id, false, [a.id]);
    expect(next).toMatchObject({ before: { tagIds: [a.id] }, after: null });
  });

  it('refuses an empty name, and a name with annotations of its own (they would merge), changing nothing', async () => {
    const [a] = await loadCodebook(db);
    const me = await annotatorName(db);
    await setTag(db, target('k:1', 'bob'), a.id, true, [a.id]);
    await setTag(db, target('k:2'), a.id, true, [a.id]);
    const before = await db.codings.toArray();
    await announcedSoFar();
    await expect(renameAnnotator(db, '   ')).rejects.toThrow('needs a name');
    await expect(renameAnnotator(db, 'bob')).rejects.toThrow('annotations by “bob” already');
    await expect(renameAnnotator(db, 'x'.repeat(201))).rejects.toThrow('at most 200');
    expect(await renameAnnotator(db, me)).toBe(0);
    expect(await db.codings.toArray()).toEqual(before);
    expect(await annotatorName(db)).toBe(me);
    expect(await announcedSoFar()).toEqual([]);
  });
});

describe('followChanges', () => {
  it('reads once more after a burst of changes during a read, not once per change; skips changes it is not about', async () => {
    let reads = 0;
    let open!: () => void;
    const firstRead = new Promise<void>((resolve) => { open = resolve; });
    const values: number[] = [];
    const stop = followChanges(db, async () => {
      const n = ++reads;
      if (n === 1) await firstRead;
      return n;
    }, (n) => values.push(n), (change) => change.kind === 'codebook');
    for (let i = 0; i < 20; i++) announce(db, { kind: 'codebook' });
    await vi.waitFor(() => expect(heard).toHaveLength(20));
    expect(reads).toBe(1);
    open();
    await vi.waitFor(() => expect(values).toEqual([1, 2]));
    // A change it is not about reads nothing; the next one it is about reads once.
    announce(db, { kind: 'annotator', name: 'Alice', previous: null });
    announce(db, { kind: 'codebook' });
    await vi.waitFor(() => expect(values).toEqual([1, 2, 3]));
    await announcedSoFar();
    expect(reads).toBe(3);
    stop();
    announce(db, { kind: 'codebook' });
    await announcedSoFar();
    expect(reads).toBe(3);
  });
});
