// Kept apart from the database code: the panel (a content script) builds on the same rules to
// know what its presses still on their way will make of an annotation.

import type { Annotation, AnnotationState, Segment } from './records';

/**
 * A write stated as the change it makes, never as the whole row its sender last drew: tags put
 * on (true) or taken off (false), the note set. What it does not name stays as the database has
 * it, so concurrent edits of different tags or of tags and note all survive, and applying the
 * same edit twice changes nothing the second time (a request resent after the worker stopped).
 */
export interface AnnotationEdit {
  tags?: Record<string, boolean>;
  note?: string;
  /** "No code applies" set (true: also takes every whole-comment tag off) or cleared. */
  none?: boolean;
  /** Segments added (by id; the same id twice is one segment) and segment ids removed. */
  segments?: { add?: Segment[]; remove?: string[] };
}

/** What an annotation says, without who and when (null: no annotation). */
export function stateOf(a: Annotation | null | undefined): AnnotationState | null {
  return a ? { tagIds: a.tagIds, note: a.note, ...(a.none && { none: true }), ...(a.segments?.length && { segments: a.segments }) } : null;
}

/**
 * Whether an annotation counts as coded: a tag, a segment or "no code applies". A note alone
 * does not code a comment.
 */
export function isCoded(state: AnnotationState | null | undefined): boolean {
  return !!state && (state.tagIds.length > 0 || !!state.none || (state.segments?.length ?? 0) > 0);
}

/** Tags sorted by their place in the codebook; tags it does not know go last, in their order. */
export function inCodebookOrder(tagIds: Iterable<string>, codebookOrder: readonly string[]): string[] {
  const rank = (id: string) => (codebookOrder.includes(id) ? codebookOrder.indexOf(id) : Infinity);
  return [...tagIds].sort((a, b) => rank(a) - rank(b));
}

/** The segments an edit leads to: removals first, then additions that are not there yet. */
function editedSegments(current: readonly Segment[], edit: AnnotationEdit['segments']): Segment[] {
  if (!edit) return [...current];
  const removed = new Set(edit.remove ?? []);
  const kept = current.filter((s) => !removed.has(s.id));
  for (const segment of edit.add ?? []) if (!kept.some((s) => s.id === segment.id)) kept.push(segment);
  return kept;
}

/**
 * The state an edit leads to from `current` (null: no annotation yet). "No code applies" and
 * whole-comment tags exclude each other: setting `none` takes the tags off, putting a tag on
 * clears `none`. Segments are passages, so they live beside either.
 */
export function applyEdit(current: AnnotationState | null, edit: AnnotationEdit, codebookOrder: readonly string[]): AnnotationState {
  const tags = new Set(edit.none ? [] : current?.tagIds ?? []);
  for (const [tagId, on] of Object.entries(edit.tags ?? {})) {
    if (on) tags.add(tagId);
    else tags.delete(tagId);
  }
  const tagIds = edit.tags === undefined ? [...tags] : inCodebookOrder(tags, codebookOrder);
  const none = tagIds.length > 0 ? false : edit.none ?? current?.none ?? false;
  const segments = editedSegments(current?.segments ?? [], edit.segments);
  const state: AnnotationState = { tagIds, note: edit.note ?? current?.note ?? '' };
  if (none) state.none = true;
  if (segments.length) state.segments = segments;
  return state;
}

