import { announce } from './changes';
import { newId } from './codebook';
import { readBundle, withTagIndex, writeBundle } from './bundles';
import { SETTING_KEYS, type AnnotatorDB } from './schema';
import { normalisedTextHash } from '../lib/text-hash';
import { applyEdit, inCodebookOrder, isCoded, type AnnotationEdit } from '../lib/edits';
import type { Annotation, AnnotationKey, AnnotationState, Change, CommentInfo, PageInfo, Target } from '../lib/records';

/** An annotation named by page and comment; without `annotator`, this browser's annotator. */
type Where = Omit<AnnotationKey, 'annotator'> & { annotator?: string };
/** A target as the panel sends it; without `annotator`, this browser's annotator. */
type TargetOf = Omit<Target, 'annotator'> & { annotator?: string };


const isEmpty = (state: AnnotationState | null) => !isCoded(state) && (state?.note.trim() ?? '') === '';
/** What an annotation says, without who and when. */
const stateOf = (a: Annotation): AnnotationState => ({ tagIds: a.tagIds, note: a.note, ...(a.none && { none: true }), ...(a.segments?.length && { segments: a.segments }) });
const segmentIds = (state: AnnotationState) => (state.segments ?? []).map((s) => s.id).join(' ');
const sameState = (a: AnnotationState | null, b: AnnotationState | null) =>
  isEmpty(a) && isEmpty(b) ? true : !!a && !!b && a.note === b.note && !!a.none === !!b.none && segmentIds(a) === segmentIds(b)
    && a.tagIds.length === b.tagIds.length && a.tagIds.every((t, i) => t === b.tagIds[i]);

/**
 * Changes one annotation in a single transaction: reads the page's bundle, applies `next` to
 * what is stored now, writes the bundle back (without the annotation when it ends up with
 * neither tags nor note). A change that changes nothing writes nothing. `seen`: the page and
 * comment as the content script found them; the first time a comment is annotated its snapshot
 * is saved, and the page's metadata with it (the review page edits comments saved already).
 * Without an annotator named, the annotator is read in the same transaction, so a rename
 * (which moves the annotations) never falls between the name and the write.
 * What is stored afterwards is announced even when nothing was written: a request resent after
 * the service worker stopped between its commit and its announcement is heard of then.
 */
async function change(db: AnnotatorDB, where: Where, next: (current: AnnotationState | null) => AnnotationState | null, seen?: { page: PageInfo; comment: CommentInfo }): Promise<Change> {
  const { pageUrl, commentKey } = where;
  let madeUp: string | null = null;
  const { annotator, result } = await db.transaction('rw', [db.bundles, db.pages, db.settings], async () => {
    const now = new Date().toISOString();
    // The reads in parallel: one round trip to the database.
    const [bundle, record, me] = await Promise.all([readBundle(db, pageUrl), seen ? db.pages.get(pageUrl) : undefined, where.annotator ?? storedAnnotator(db)]);
    const annotator = typeof me === 'string' ? me : me.name;
    if (typeof me !== 'string' && me.madeUp) madeUp = me.name;
    const existing = bundle.annotations.find((a) => a.annotator === annotator && a.commentKey === commentKey);
    const before = existing ? stateOf(existing) : null;
    const wanted = next(before);
    const done = (result: Change) => ({ annotator, result });
    if (sameState(before, wanted)) return done({ before, after: existing ?? null, rev: bundle.rev ?? 0 });
    const others = bundle.annotations.filter((a) => a !== existing);
    if (isEmpty(wanted)) {
      const rev = await writeBundle(db, { ...bundle, annotations: others });
      return done({ before, after: null, rev });
    }
    const after: Annotation = {
      ...existing,
      id: existing?.id ?? newId('ann'),
      pageUrl,
      commentKey,
      tagIds: wanted!.tagIds,
      note: wanted!.note,
      none: wanted!.none,
      segments: wanted!.segments,
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
    return done({ before, after, rev });
  });
  if (madeUp) announce(db, { kind: 'annotator', name: madeUp, previous: null });
  announce(db, { kind: 'annotation', pageUrl, commentKey, annotator, annotation: result.after, rev: result.rev });
  return result;
}

const keyOf = (target: TargetOf): Where => ({ pageUrl: target.page.url, commentKey: target.comment.key, annotator: target.annotator });

/**
 * Applies an edit made on a page (the panel): saves the comment's snapshot on first use. Without
 * `target.annotator`, as this browser's annotator.
 */
export function editFromPage(db: AnnotatorDB, target: TargetOf, edit: AnnotationEdit, codebookOrder: readonly string[]): Promise<Change> {
  return change(db, keyOf(target), (current) => applyEdit(current, edit, codebookOrder), { page: target.page, comment: target.comment });
}

/** Puts a tag on the comment (`on`) or takes it off; tags stay in codebook order. */
export function setTag(db: AnnotatorDB, target: TargetOf, tagId: string, on: boolean, codebookOrder: readonly string[]): Promise<Change> {
  return editFromPage(db, target, { tags: { [tagId]: on } }, codebookOrder);
}

/** Sets the comment's free-text note. */
export function setNote(db: AnnotatorDB, target: TargetOf, note: string): Promise<Change> {
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
export async function restoreRemoved(db: AnnotatorDB, removed: Annotation, codebookOrder: readonly string[]): Promise<Change> {
  const result = await db.transaction('rw', db.bundles, async (): Promise<Change> => {
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
  announce(db, { kind: 'annotation', pageUrl: removed.pageUrl, commentKey: removed.commentKey, annotator: removed.annotator, annotation: result.after, rev: result.rev });
  return result;
}

/** One annotator's annotations on a page, with the snapshots of their comments. */
export async function pageAnnotations(db: AnnotatorDB, pageUrl: string, annotator: string) {
  const bundle = await readBundle(db, pageUrl);
  return { annotations: bundle.annotations.filter((a) => a.annotator === annotator), snapshots: bundle.comments, rev: bundle.rev ?? 0 };
}

/** The stored annotator name, made up and stored if there is none yet (call inside a transaction over settings). */
async function storedAnnotator(db: AnnotatorDB): Promise<{ name: string; madeUp: boolean }> {
  const row = await db.settings.get(SETTING_KEYS.annotator);
  if (row) return { name: row.value, madeUp: false };
  const name = `annotator-${crypto.randomUUID().slice(0, 4)}`;
  await db.settings.put({ key: SETTING_KEYS.annotator, value: name });
  return { name, madeUp: true };
}

/** The annotator name this browser annotates as; made up once (in one transaction, so once only), changeable in the options. */
export async function annotatorName(db: AnnotatorDB): Promise<string> {
  const { name, madeUp } = await db.transaction('rw', db.settings, () => storedAnnotator(db));
  if (madeUp) announce(db, { kind: 'annotator', name, previous: null });
  return name;
}

/** The longest annotator name (the message schemas allow no more). */
export const ANNOTATOR_NAME_LIMIT = 200;

/**
 * Renames this browser's annotator: its annotations move to the new name in the same
 * transaction (each page bundle's revision counted up), so open panels keep them and their
 * next press changes them rather than starting a second annotation. Refused when the new name
 * has annotations of its own (a colleague's, imported): the two coders' work would merge.
 * Answers how many annotations moved.
 */
export async function renameAnnotator(db: AnnotatorDB, wanted: string): Promise<number> {
  const name = wanted.trim();
  if (!name) throw new Error('The annotator needs a name.');
  if (name.length > ANNOTATOR_NAME_LIMIT) throw new Error(`An annotator name has at most ${ANNOTATOR_NAME_LIMIT} characters.`);
  const renamed = await db.transaction('rw', db.bundles, db.settings, async () => {
    const previous = (await db.settings.get(SETTING_KEYS.annotator))?.value ?? null;
    if (previous === name) return null;
    const bundles = await db.bundles.toArray();
    if (bundles.some((b) => b.annotations.some((a) => a.annotator === name))) {
      throw new Error(`There are annotations by “${name}” already (imported from a colleague?). Choose another name: your work and theirs must stay apart.`);
    }
    const theirs = bundles.filter((b) => b.annotations.some((a) => a.annotator === previous));
    await Promise.all([
      db.bundles.bulkPut(theirs.map((b) => withTagIndex({
        ...b,
        rev: (b.rev ?? 0) + 1,
        annotations: b.annotations.map((a) => (a.annotator === previous ? { ...a, annotator: name } : a)),
      }))),
      db.settings.put({ key: SETTING_KEYS.annotator, value: name }),
    ]);
    return { previous, moved: theirs.reduce((sum, b) => sum + b.annotations.filter((a) => a.annotator === previous).length, 0) };
  });
  if (!renamed) return 0;
  announce(db, { kind: 'annotator', name, previous: renamed.previous });
  return renamed.moved;
}
