import * as v from 'valibot';
import type { Annotation } from './records';

// What one committed write changed. Every write function of storage/ announces it
// (storage/changes.ts); every view of the extension hears it there, and the background relays
// it to the open panels. Kept here because every runtime reads it: the panel gets it relayed.

/** How many pages an import names before it says "any page" instead. */
export const MAX_NAMED_PAGES = 10_000;

/** What a committed write changed. */
export type StoreChange =
  /**
   * One annotation was written, removed or put back: `annotation` is what is stored now (null:
   * none), `rev` the revision of the coder's record of the page after the write (later news has a higher one).
   */
  | { kind: 'annotation'; pageUrl: string; commentKey: string; annotator: string; annotation: Annotation | null; rev: number }
  /** Many annotations of these pages changed at once (an import); null: of any page. */
  | { kind: 'pages'; pageUrls: string[] | null }
  /** The codebook changed: tags added, edited, reordered or deleted (a deleted tag also leaves the annotations). */
  | { kind: 'codebook' }
  /** This browser annotates as `name` now; `previous` (null: none yet) had its annotations moved to it. */
  | { kind: 'annotator'; name: string; previous: string | null }
  /** The team project was joined or left, or its sync moved on (status, changes waiting). */
  | { kind: 'project' }
  /** Comments were added to the snapshot of a page's thread (coding started there, comments arrived, a member's thread merged): sync sends it. */
  | { kind: 'thread'; pageUrl: string };

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const tagIds = v.pipe(v.array(text(100)), v.maxLength(1_000));

const SegmentSchema = v.object({
  id: text(200), tagId: text(100), quote: text(100_000),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)), createdAt: text(40),
});
const segments = v.optional(v.pipe(v.array(SegmentSchema), v.maxLength(10_000)));
const none = v.optional(v.boolean());

const AnnotationSchema = v.object({
  id: text(200),
  pageUrl: text(4_000),
  commentKey: text(300),
  tagIds,
  note: text(100_000),
  none,
  segments,
  annotator: name,
  createdAt: text(40),
  updatedAt: text(40),
  history: v.optional(v.pipe(v.array(v.object({ tagIds, note: text(100_000), none, segments, annotator: name, updatedAt: text(40) })), v.maxLength(1_000))),
});

const StoreChangeSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('annotation'), pageUrl: text(4_000), commentKey: text(300), annotator: name,
    annotation: v.nullable(AnnotationSchema), rev: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.strictObject({ kind: v.literal('pages'), pageUrls: v.nullable(v.pipe(v.array(text(4_000)), v.maxLength(MAX_NAMED_PAGES))) }),
  v.strictObject({ kind: v.literal('codebook') }),
  v.strictObject({ kind: v.literal('annotator'), name, previous: v.nullable(name) }),
  v.strictObject({ kind: v.literal('project') }),
  v.strictObject({ kind: v.literal('thread'), pageUrl: text(4_000) }),
]) satisfies v.GenericSchema<unknown, StoreChange>;

/**
 * Checks an announcement received from another context (it crosses a channel any extension
 * context, of this version or another one still open, may post on); null if it is not one.
 */
export function parseStoreChange(message: unknown): StoreChange | null {
  const result = v.safeParse(StoreChangeSchema, message);
  return result.success ? result.output : null;
}
