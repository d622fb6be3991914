// Kept apart from the database code: the panel (a content script) builds on the same rules to
// know what its presses still on their way will make of an annotation.

/** What an annotation says: its tags and note. null = no annotation. */
export interface AnnotationState {
  tagIds: string[];
  note: string;
}

/**
 * A write stated as the change it makes, never as the whole row its sender last drew: tags put
 * on (true) or taken off (false), the note set. What it does not name stays as the database has
 * it, so concurrent edits of different tags or of tags and note all survive, and applying the
 * same edit twice changes nothing the second time (a request resent after the worker stopped).
 */
export interface AnnotationEdit {
  tags?: Record<string, boolean>;
  note?: string;
}

/** Tags sorted by their place in the codebook; tags it does not know go last, in their order. */
export function inCodebookOrder(tagIds: Iterable<string>, codebookOrder: readonly string[]): string[] {
  const rank = (id: string) => (codebookOrder.includes(id) ? codebookOrder.indexOf(id) : Infinity);
  return [...tagIds].sort((a, b) => rank(a) - rank(b));
}

/** The state an edit leads to from `current` (null: no annotation yet). */
export function applyEdit(current: AnnotationState | null, edit: AnnotationEdit, codebookOrder: readonly string[]): AnnotationState {
  const tags = new Set(current?.tagIds ?? []);
  for (const [tagId, on] of Object.entries(edit.tags ?? {})) {
    if (on) tags.add(tagId);
    else tags.delete(tagId);
  }
  const tagIds = edit.tags === undefined ? [...tags] : inCodebookOrder(tags, codebookOrder);
  return { tagIds, note: edit.note ?? current?.note ?? '' };
}

