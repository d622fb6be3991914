import { newId } from './codebook';
import { readBundle, writeBundle } from './bundles';
import { SETTING_KEYS, type AnnotatorDB } from './schema';
import { normalisedTextHash } from '../lib/text-hash';
import { applyEdit, inCodebookOrder, type AnnotationEdit, type AnnotationState } from '../lib/edits';
import type { Annotation, AnnotationKey, Change, CommentInfo, PageInfo, Target } from '../lib/records';


const isEmpty = (state: AnnotationState | null) => !state || (state.tagIds.length === 0 && state.note.trim() === '');
const sameState = (a: AnnotationState | null, b: AnnotationState | null) =>
  isEmpty(a) && isEmpty(b) ? true : !!a && !!b && a.note === b.note && a.tagIds.length === b.tagIds.length && a.tagIds.every((t, i) => t === b.tagIds[i]);

/**
 * Changes one annotation in a single transaction: reads the page's bundle, applies `next` to
 * what is stored now, writes the bundle back (without the annotation when it ends up with
 * neither tags nor note). A change that changes nothing writes nothing. `seen`: the page and
 * comment as the content script found them; the first time a comment is annotated its snapshot
 * is saved, and the page's metadata with it (the review page edits comments saved already).
 */
async function change(db: AnnotatorDB, where: AnnotationKey, next: (current: AnnotationState | null) => AnnotationState | null, seen?: { page: PageInfo; comment: CommentInfo }): Promise<Change> {
  const { pageUrl, commentKey, annotator } = where;
  return db.transaction('rw', [db.bundles, db.pages], async () => {
    const now = new Date().toISOString();
    // Both reads in parallel: one round trip to the database.
    const [bundle, record] = await Promise.all([readBundle(db, pageUrl), seen ? db.pages.get(pageUrl) : undefined]);
    const existing = bundle.annotations.find((a) => a.annotator === annotator && a.commentKey === commentKey);
    const before = existing ? { tagIds: existing.tagIds, note: existing.note } : null;
    const wanted = next(before);
    if (sameState(before, wanted)) return { before, after: existing ?? null, rev: bundle.rev ?? 0 };
    const others = bundle.annotations.filter((a) => a !== existing);
    if (isEmpty(wanted)) {
      const rev = await writeBundle(db, { ...bundle, annotations: others });
      return { before, after: null, rev };
    }
    const after: Annotation = {
      ...existing,
      id: existing?.id ?? newId('ann'),
      pageUrl,
      commentKey,
      tagIds: wanted!.tagIds,
      note: wanted!.note,
      annotator,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const snapshot = !seen || bundle.comments.some((c) => c.key === commentKey)
      ? []
      : [{ ...seen.comment, pageUrl, textHash: normalisedTextHash(seen.comment.text), savedAt: now }];
    const [rev] = await Promise.all([
      writeBundle(db, { ...bundle, comments: [...bundle.comments, ...snapshot], annotations: [...others, after] }),
      seen && db.pages.put({
        url: pageUrl,
        layout: seen.page.layout ?? record?.layout ?? null,
        metadata: record?.metadata ?? seen.page.metadata,
        firstSeen: record?.firstSeen ?? now,
        lastSeen: now,
        commentCount: seen.page.commentCount,
      }),
    ]);
    return { before, after, rev };
  });
}

const keyOf = (target: Target): AnnotationKey => ({ pageUrl: target.page.url, commentKey: target.comment.key, annotator: target.annotator });

/** Applies an edit made on a page (the panel): saves the comment's snapshot on first use. */
export function editFromPage(db: AnnotatorDB, target: Target, edit: AnnotationEdit, codebookOrder: readonly string[]): Promise<Change> {
  return change(db, keyOf(target), (current) => applyEdit(current, edit, codebookOrder), { page: target.page, comment: target.comment });
}

/** Puts a tag on the comment (`on`) or takes it off; tags stay in codebook order. */
export function setTag(db: AnnotatorDB, target: Target, tagId: string, on: boolean, codebookOrder: readonly string[]): Promise<Change> {
  return editFromPage(db, target, { tags: { [tagId]: on } }, codebookOrder);
}

/** Sets the comment's free-text note. */
export function setNote(db: AnnotatorDB, target: Target, note: string): Promise<Change> {
  return editFromPage(db, target, { note }, []);
}

/**
 * Applies an edit to an annotation of a comment already saved (the review page's edits). If the
 * annotation went meanwhile (removed elsewhere), a tag put on starts it again: there is only
 * ever one annotation per annotator and comment.
 */
export function editAnnotation(db: AnnotatorDB, where: AnnotationKey, edit: AnnotationEdit, codebookOrder: readonly string[]): Promise<Change> {
  return change(db, where, (current) => applyEdit(current, edit, codebookOrder));
}

/**
 * Undoes a removal: puts the removed annotation back as it was, or, if the comment was annotated
 * again meanwhile (in a tab), merges into that one instead of adding a second: the removed tags
 * come back beside the new ones, and a note written since wins while the removed version is kept
 * in the annotation's history.
 */
export function restoreRemoved(db: AnnotatorDB, removed: Annotation, codebookOrder: readonly string[]): Promise<Change> {
  return db.transaction('rw', db.bundles, async () => {
    const bundle = await readBundle(db, removed.pageUrl);
    const current = bundle.annotations.find((a) => a.annotator === removed.annotator && a.commentKey === removed.commentKey);
    const others = bundle.annotations.filter((a) => a !== current && a.id !== removed.id);
    let after: Annotation;
    if (!current) after = removed;
    else {
      const lost = { tagIds: removed.tagIds, note: removed.note, annotator: removed.annotator, updatedAt: removed.updatedAt };
      const keep = current.note.trim() !== '' && current.note !== removed.note && !current.history?.some((h) => h.updatedAt === lost.updatedAt && h.note === lost.note);
      const tagIds = inCodebookOrder(new Set([...current.tagIds, ...removed.tagIds]), codebookOrder);
      const note = current.note.trim() ? current.note : removed.note;
      // Undo pressed twice (or the merge already made): nothing to write.
      if (!keep && note === current.note && tagIds.length === current.tagIds.length) return { before: current, after: current, rev: bundle.rev ?? 0 };
      after = { ...current, tagIds, note, updatedAt: new Date().toISOString(), ...(keep && { history: [...current.history ?? [], lost] }) };
    }
    const rev = await writeBundle(db, { ...bundle, annotations: [...others, after] });
    return { before: current ?? null, after, rev };
  });
}

/** One annotator's annotations on a page, with the snapshots of their comments. */
export async function pageAnnotations(db: AnnotatorDB, pageUrl: string, annotator: string) {
  const bundle = await readBundle(db, pageUrl);
  return { annotations: bundle.annotations.filter((a) => a.annotator === annotator), snapshots: bundle.comments, rev: bundle.rev ?? 0 };
}

/** The annotator name this browser annotates as; made up once, changeable in the options. */
export async function annotatorName(db: AnnotatorDB): Promise<string> {
  const row = await db.settings.get(SETTING_KEYS.annotator);
  if (row) return row.value;
  const value = `annotator-${crypto.randomUUID().slice(0, 4)}`;
  await db.settings.put({ key: SETTING_KEYS.annotator, value });
  return value;
}
