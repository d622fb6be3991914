import Dexie, { type IndexableType } from 'dexie';
import { announce } from './changes';
import { bucketOf, codedCountOf, partOf, partsOf, tagIdsOf } from './coding-parts';
import { pageKeyRange, type AnnotatorDB } from './schema';
import { inRawTransaction, type RawTransaction } from './raw-transaction';
import { readThreads } from './threads';
import { isCoded } from '../lib/edits';
import type { Annotation, CoderPage, CodingPart, CommentSnapshot, PageRecord } from '../lib/records';

/** A coding record's key: page, coder, part. */
type CodingKey = [string, string, number];

// A coder's annotations of a page, read and written through its records (storage/coding-parts.ts).

/** The key range of a coder's records of a page. */
const coderRange = (url: string, annotator: string): [IndexableType, IndexableType] =>
  [[url, annotator, Dexie.minKey], [url, annotator, Dexie.maxKey]];

/** The coders' annotations of a page from its records, a CoderPage per coder (at the head's revision). */
function joined(parts: readonly CodingPart[]): CoderPage[] {
  const coders = new Map<string, CoderPage>();
  for (const part of parts) {
    const coder = coders.get(part.annotator) ?? { url: part.url, annotator: part.annotator, annotations: [], rev: 0 };
    coders.set(part.annotator, { ...coder, annotations: [...coder.annotations, ...part.annotations], rev: part.part === 0 ? part.rev : coder.rev });
  }
  return [...coders.values()];
}

/** One coder's annotations of a page (none yet: an empty one at revision 0). */
export async function readCoderPage(db: AnnotatorDB, url: string, annotator: string): Promise<CoderPage> {
  const parts = await db.codings.where(':id').between(...coderRange(url, annotator), true, true).toArray();
  return joined(parts)[0] ?? { url, annotator, annotations: [], rev: 0 };
}

/** Every coder's annotations of a page. */
export async function readCoderPages(db: AnnotatorDB, url: string): Promise<CoderPage[]> {
  return joined(await db.codings.where(':id').between(...pageKeyRange(url), true, true).toArray());
}

/**
 * Stores a coder's annotations of a page anew at revision `page.rev` (`existed`: it had records,
 * which go first). For writes of many annotations at once; a press writes its slot.
 */
export async function replaceCoderPage(db: AnnotatorDB, page: CoderPage, existed: boolean): Promise<void> {
  if (existed) await db.codings.where(':id').between(...coderRange(page.url, page.annotator), true, true).delete();
  await db.codings.bulkPut(partsOf(page.url, page.annotator, page.annotations, page.rev));
}

/** Where one coder's annotation of one comment is kept: the coder's head and the comment's bucket. */
export interface CodingSlot {
  url: string;
  annotator: string;
  commentKey: string;
  head: CodingPart | undefined;
  bucket: CodingPart | undefined;
}

/** Reads a comment's slot: the head and the bucket in one round trip (the bucket matters only once the head is split). */
export async function readSlot(tx: RawTransaction, url: string, annotator: string, commentKey: string): Promise<CodingSlot> {
  const [head, bucket] = await Promise.all([tx.get<CodingPart>('codings', [url, annotator, 0]), tx.get<CodingPart>('codings', [url, annotator, bucketOf(commentKey)])]);
  return { url, annotator, commentKey, head, bucket };
}

/** The slot's annotation, or null. */
export function annotationIn(slot: CodingSlot): Annotation | null {
  const holder = slot.head?.split ? slot.bucket : slot.head;
  return holder?.annotations.find((a) => a.commentKey === slot.commentKey) ?? null;
}

/** The coder's revision of the page, as its slot was read. */
export const revOf = (slot: CodingSlot): number => slot.head?.rev ?? 0;

/**
 * Writes a comment's annotation (null: none) into its slot read in the same transaction, with
 * the coder's revision counted up; answers the new revision (the writes are issued, not done).
 * Writes the head and, once split, the comment's bucket; the head splits when it grows past SPLIT_AT.
 */
export function writeSlot(tx: RawTransaction, slot: CodingSlot, after: Annotation | null): number {
  const { url, annotator, commentKey, head, bucket } = slot;
  const rev = revOf(slot) + 1;
  const withAfter = (part: CodingPart | undefined) => [...(part?.annotations ?? []).filter((a) => a.commentKey !== commentKey), ...after ? [after] : []];
  const rows = head?.split ? [{ ...head, rev }, partOf(url, annotator, bucketOf(commentKey), withAfter(bucket))] : partsOf(url, annotator, withAfter(head), rev);
  for (const row of rows) tx.put('codings', row);
  return rev;
}

/** The other coders of a page, from the page's coding records' keys. */
export const coderNames = (keys: readonly CodingKey[], annotator: string): string[] =>
  keys.filter(([, coder, part]) => part === 0 && coder !== annotator).map(([, coder]) => coder);

/** The keys of every coding record of a page. */
export const pageCodingKeys = (tx: RawTransaction, url: string): Promise<CodingKey[]> => tx.keysBetween<CodingKey>('codings', pageKeyRange(url));

/**
 * The keys of the coding records of a page's coders other than `annotator`: the two key ranges
 * on either side of theirs. What a press reads to know the page's other coders: a coder alone
 * on a page reads no key at all, where the whole page's keys were the coder's own 65 records
 * once split (20 KB of keys: in a trace of the saves bench, 0.4 ms to list in IndexedDB and as much
 * to read in the service worker, every press).
 */
export async function otherCodersKeys(tx: RawTransaction, url: string, annotator: string): Promise<CodingKey[]> {
  const [first, last] = pageKeyRange(url);
  const [own, ownLast] = coderRange(url, annotator);
  const [before, after] = await Promise.all([
    tx.keysBetween<CodingKey>('codings', [first, own]),
    tx.keysBetween<CodingKey>('codings', [ownLast, last]),
  ]);
  return [...before, ...after];
}

/**
 * How much one coder's change of a comment (coded `was`, coded `now`) changes its page's coded
 * count: nothing when another coder codes it too. Reads the other coders' slots only then
 * (`others`: the page's other coders, when read already).
 */
export async function codedDelta(tx: RawTransaction, slot: Pick<CodingSlot, 'url' | 'annotator' | 'commentKey'>, was: boolean, now: boolean, others?: string[]): Promise<number> {
  if (was === now) return 0;
  const coders = others ?? coderNames(await pageCodingKeys(tx, slot.url), slot.annotator);
  const theirs = await Promise.all(coders.map((coder) => readSlot(tx, slot.url, coder, slot.commentKey)));
  if (theirs.some((s) => isCoded(annotationIn(s)))) return 0;
  return now ? 1 : -1;
}

/** Adds `delta` to a page's coded count (a page without a record has none to count in). */
export async function addToCodedCount(tx: RawTransaction, url: string, delta: number): Promise<void> {
  if (!delta) return;
  const page = await tx.get<PageRecord>('pages', url);
  if (page) tx.put('pages', { ...page, codedCount: Math.max(0, (page.codedCount ?? 0) + delta) });
}

/** Counts the coded comments of the pages `urls` again from every coder's annotations (call inside a transaction over codings and pages). */
export async function recountCoded(db: AnnotatorDB, urls: readonly string[]): Promise<void> {
  const wanted = [...new Set(urls)];
  if (!wanted.length) return;
  const annotations = new Map(await Promise.all(wanted.map(async (url) => [url, (await readCoderPages(db, url)).flatMap((c) => c.annotations)] as const)));
  await db.pages.where('url').anyOf(wanted).modify((page) => void (page.codedCount = codedCountOf(annotations.get(page.url)!)));
}

/** Every coding record of the pages `urls` (call inside a transaction over codings, or not). */
export async function readPageParts(db: AnnotatorDB, urls: readonly string[]): Promise<CodingPart[]> {
  return (await Promise.all([...new Set(urls)].map((url) => db.codings.where(':id').between(...pageKeyRange(url), true, true).toArray()))).flat();
}

/**
 * Writes back coding records whose annotations were changed in place (same comments, so each
 * stays in its part), read in the same transaction: their tag index anew, each coder's revision
 * of each page counted up once (in its head) and the pages' coded counts recounted. Call inside
 * a transaction over codings and pages.
 */
export async function rewriteParts(db: AnnotatorDB, parts: readonly CodingPart[]): Promise<void> {
  if (!parts.length) return;
  const keyOf = (p: Pick<CodingPart, 'url' | 'annotator' | 'part'>) => JSON.stringify([p.url, p.annotator, p.part]);
  const changed = new Map(parts.map((part) => [keyOf(part), { ...part, tagIds: tagIdsOf(part.annotations) }]));
  const heads = [...new Map(parts.map((p) => [keyOf({ ...p, part: 0 }), [p.url, p.annotator, 0] as [string, string, number]])).values()];
  for (const head of await db.codings.bulkGet(heads)) {
    if (!head) continue;
    const current = changed.get(keyOf(head)) ?? head;
    changed.set(keyOf(head), { ...current, rev: current.rev + 1 });
  }
  await db.codings.bulkPut([...changed.values()]);
  await recountCoded(db, parts.map((part) => part.url));
}

/** Every annotation and comment snapshot in the database, in one read. */
export async function readEverything(db: AnnotatorDB): Promise<{ annotations: Annotation[]; comments: CommentSnapshot[] }> {
  const [parts, threads] = await db.transaction('r', db.codings, db.threads, () => Promise.all([db.codings.toArray(), readThreads(db)]));
  return { annotations: parts.flatMap((p) => p.annotations), comments: [...threads.values()].flat() };
}

/** Removes one annotation; the comment's snapshot stays. */
export async function deleteAnnotation(db: AnnotatorDB, annotation: Pick<Annotation, 'id' | 'pageUrl' | 'annotator' | 'commentKey'>): Promise<void> {
  const removed = await inRawTransaction(db, ['codings', 'pages'], async (tx) => {
    const slot = await readSlot(tx, annotation.pageUrl, annotation.annotator, annotation.commentKey);
    const gone = annotationIn(slot);
    if (gone?.id !== annotation.id) return null;
    const rev = writeSlot(tx, slot, null);
    await addToCodedCount(tx, slot.url, await codedDelta(tx, slot, isCoded(gone), false));
    return { gone, rev };
  });
  if (removed) announce(db, { kind: 'annotation', pageUrl: annotation.pageUrl, commentKey: removed.gone.commentKey, annotator: removed.gone.annotator, annotation: null, rev: removed.rev });
}
