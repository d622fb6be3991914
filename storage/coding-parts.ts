import { isCoded } from '../lib/edits';
import type { Annotation, CodingPart } from '../lib/records';

// How one coder's annotations of a page are laid out in records (CodingPart). Pure functions:
// the schema's upgrade and the storage functions share them.

/**
 * A coder's annotations of a page stay in one record up to this many; past it they are spread
 * over BUCKETS records by comment key. Chromium writes a value over 64 KB to a file of its own
 * (about 300 bytes an annotation: 200 fit), and a press on a page with 5,000 tags spent 18 ms
 * reading and writing one record of them. Small, since every press reads and writes the record
 * it falls in: at 128 a page's presses from the 33rd to the 128th each carried up to 38 KB more
 * (200 presses: p95 14.8 → 11.4 ms, medians 6.4 → 5.9, four runs each). A head stored bigger
 * by an earlier version is split by its next write.
 */
export const SPLIT_AT = 32;
/** The buckets a split coder's annotations are spread over: 5,000 annotations make about 80 a bucket. */
export const BUCKETS = 64;

/** The part (1 … BUCKETS) a comment's annotation is kept in once its coder's record is split (FNV-1a of the key). */
export function bucketOf(commentKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < commentKey.length; i++) hash = Math.imul(hash ^ commentKey.charCodeAt(i), 0x01000193);
  return 1 + ((hash >>> 0) % BUCKETS);
}

/** The codes an annotation list uses, on whole comments and on segments (a record's tag index: code changes find a code's uses by it). */
export const tagIdsOf = (annotations: readonly Annotation[]): string[] =>
  [...new Set(annotations.flatMap((a) => [...a.tagIds, ...(a.segments ?? []).map((s) => s.tagId)]))];

/** How many comments of a page the annotations (of every coder of the page) code. */
export const codedCountOf = (annotations: readonly Annotation[]): number => new Set(annotations.filter(isCoded).map((a) => a.commentKey)).size;

/** Annotations by their annotator. */
export function byCoder(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const coders = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (!coders.has(a.annotator)) coders.set(a.annotator, []);
    coders.get(a.annotator)!.push(a);
  }
  return coders;
}

/** A record of a coder's annotations of a page: part 0 is the head (it holds the revision). */
export const partOf = (url: string, annotator: string, part: number, annotations: Annotation[], rev = 0, split?: true): CodingPart =>
  ({ url, annotator, part, annotations, tagIds: tagIdsOf(annotations), rev, ...split && { split } });

/**
 * The records a coder's annotations of a page are kept in, at revision `rev`: the head alone, or
 * past SPLIT_AT an empty head marked split and the buckets that hold annotations.
 */
export function partsOf(url: string, annotator: string, annotations: Annotation[], rev: number): CodingPart[] {
  if (annotations.length <= SPLIT_AT) return [partOf(url, annotator, 0, annotations, rev)];
  const buckets = new Map<number, Annotation[]>();
  for (const a of annotations) {
    const bucket = bucketOf(a.commentKey);
    if (!buckets.has(bucket)) buckets.set(bucket, []);
    buckets.get(bucket)!.push(a);
  }
  return [partOf(url, annotator, 0, [], rev, true), ...[...buckets].map(([part, list]) => partOf(url, annotator, part, list))];
}
