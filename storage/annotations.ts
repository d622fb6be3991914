import { announce } from './changes';
import { newId } from './codebook';
import { addToCodedCount, annotationIn, codedDelta, coderNames, otherCodersKeys, pageCodingKeys, readCoderPage, readSlot, revOf, writeSlot } from './codings';
import { pageRecordChanged, seenPage } from './pages';
import { pageKeyRange, SETTING_KEYS, type AnnotatorDB } from './schema';
import { inRawTransaction, type RawTransaction } from './raw-transaction';
import { nextThreadPart, readThread } from './threads';
import { applyEdit, inCodebookOrder, isCoded, stateOf, type AnnotationEdit } from '../lib/edits';
import type { Annotation, AnnotationKey, AnnotationState, Change, CodingPart, CommentInfo, CommentRef, PageInfo, PageRecord, Setting, Target } from '../lib/records';

/** An annotation named by page and comment; without `annotator`, this browser's annotator. */
type Where = Omit<AnnotationKey, 'annotator'> & { annotator?: string };
/** A target as the panel sends it; without `annotator`, this browser's annotator. */
type TargetOf = Omit<Target, 'annotator'> & { annotator?: string };


const isEmpty = (state: AnnotationState | null) => !isCoded(state) && (state?.note.trim() ?? '') === '';
const segmentIds = (state: AnnotationState) => (state.segments ?? []).map((s) => s.id).join(' ');
const sameState = (a: AnnotationState | null, b: AnnotationState | null) =>
  isEmpty(a) && isEmpty(b) ? true : !!a && !!b && a.note === b.note && !!a.none === !!b.none && segmentIds(a) === segmentIds(b)
    && a.tagIds.length === b.tagIds.length && a.tagIds.every((t, i) => t === b.tagIds[i]);

/**
 * The annotator the last write named, by database: a hint that lets a write read the coder's
 * record beside the stored name, in one round trip, instead of after it (checked, never trusted).
 */
const lastAnnotator = new WeakMap<AnnotatorDB, string>();

/**
 * Changes one annotation in a single transaction: reads the coder's record of the page, applies
 * `next` to what is stored now, writes the record back (without the annotation when it ends up
 * with neither tags nor note). A change that changes nothing writes nothing. `seen`: the page
 * and comment as the content script found them; the page's record is brought up to date, and
 * when the comment comes with its text (the page does not know its snapshot stored) the
 * snapshot is kept too. Only this coder's record is rewritten: the thread's texts and the other
 * coders' annotations are not read unless the comment's coded state changes (the page's count).
 * Without an annotator named, the annotator is read in the same transaction, so a rename
 * (which moves the annotations) never falls between the name and the write.
 * What is stored afterwards is announced even when nothing was written: a request resent after
 * the service worker stopped between its commit and its announcement is heard of then.
 */
async function change(db: AnnotatorDB, where: Where, next: (current: AnnotationState | null) => AnnotationState | null, seen?: { page: PageInfo; comment: CommentRef }): Promise<Change> {
  const { pageUrl, commentKey } = where;
  const text = seen && 'text' in seen.comment ? seen.comment.text : undefined;
  let madeUp: string | null = null;
  const { annotator, result } = await inRawTransaction(db, ['codings', 'pages', 'settings', ...text === undefined ? [] : ['threads' as const]], async (tx) => {
    const now = new Date().toISOString();
    const hint = where.annotator ?? lastAnnotator.get(db);
    // The reads in parallel: one round trip to the database (two or three when the hint was wrong).
    const [guessed, record, me, codingKeys, threadKeys] = await Promise.all([
      hint === undefined ? undefined : readSlot(tx, pageUrl, hint, commentKey),
      tx.get<PageRecord>('pages', pageUrl),
      where.annotator ?? storedAnnotator(tx),
      // The page's other coders (whose codings decide the page's count): beside the hinted coder's records, not theirs.
      hint === undefined ? pageCodingKeys(tx, pageUrl) : otherCodersKeys(tx, pageUrl, hint),
      // The thread's parts, when the comment's snapshot may be kept: its part goes after them.
      text === undefined ? [] : tx.keysBetween<[string, number]>('threads', pageKeyRange(pageUrl)),
    ]);
    const annotator = typeof me === 'string' ? me : me.name;
    if (typeof me !== 'string' && me.madeUp) madeUp = me.name;
    if (!where.annotator) lastAnnotator.set(db, annotator);
    const slot = guessed?.annotator === annotator ? guessed : await readSlot(tx, pageUrl, annotator, commentKey);
    const existing = annotationIn(slot);
    const before = existing ? stateOf(existing) : null;
    const wanted = next(before);
    const done = (result: Change) => ({ annotator, result });
    if (sameState(before, wanted)) return done({ before, after: existing, rev: revOf(slot) });
    const after: Annotation | null = isEmpty(wanted) ? null : {
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
    // A wrong hint left the hinted coder out of the keys read: codedDelta reads the page's coders itself then.
    const others = hint === undefined || hint === annotator ? coderNames(codingKeys, annotator) : undefined;
    const delta = await codedDelta(tx, slot, isCoded(before), isCoded(after), others);
    const codedCount = Math.max(0, (record?.codedCount ?? 0) + delta);
    const page = seen ? seenPage(record, seen.page, now, codedCount) : record && delta ? { ...record, codedCount } : null;
    const rev = writeSlot(tx, slot, after);
    if (page && pageRecordChanged(record, page)) tx.put('pages', page);
    if (after && text !== undefined) tx.add('threads', nextThreadPart(pageUrl, [seen!.comment as CommentInfo], now, threadKeys));
    return done({ before, after, rev });
  });
  if (madeUp) announce(db, { kind: 'annotator', name: madeUp, previous: null });
  announce(db, { kind: 'annotation', pageUrl, commentKey, annotator, annotation: result.after, rev: result.rev });
  return result;
}

const keyOf = (target: TargetOf): Where => ({ pageUrl: target.page.url, commentKey: target.comment.key, annotator: target.annotator });

/**
 * Applies an edit made on a page (the panel): saves the comment's snapshot when it comes with its text. Without
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
  const result = await inRawTransaction(db, ['codings', 'pages'], async (tx): Promise<Change> => {
    const slot = await readSlot(tx, removed.pageUrl, removed.annotator, removed.commentKey);
    const current = annotationIn(slot);
    let after: Annotation;
    if (!current) after = removed;
    else {
      const lost = { tagIds: removed.tagIds, note: removed.note, annotator: removed.annotator, updatedAt: removed.updatedAt };
      const keep = current.note.trim() !== '' && current.note !== removed.note && !current.history?.some((h) => h.updatedAt === lost.updatedAt && h.note === lost.note);
      const tagIds = inCodebookOrder(new Set([...current.tagIds, ...removed.tagIds]), codebookOrder);
      const note = current.note.trim() ? current.note : removed.note;
      // Undo pressed twice (or the merge already made): nothing to write.
      if (!keep && note === current.note && tagIds.length === current.tagIds.length) return { before: current, after: current, rev: revOf(slot) };
      after = { ...current, tagIds, note, updatedAt: new Date().toISOString(), ...(keep && { history: [...current.history ?? [], lost] }) };
    }
    const rev = writeSlot(tx, slot, after);
    await addToCodedCount(tx, slot.url, await codedDelta(tx, slot, isCoded(current), isCoded(after)));
    return { before: current, after, rev };
  });
  announce(db, { kind: 'annotation', pageUrl: removed.pageUrl, commentKey: removed.commentKey, annotator: removed.annotator, annotation: result.after, rev: result.rev });
  return result;
}

/**
 * One annotator's annotations on a page, the snapshots of their comments, and the keys of every
 * comment of the page whose snapshot is kept (the page sends those comments' texts no more).
 */
export async function pageAnnotations(db: AnnotatorDB, pageUrl: string, annotator: string) {
  const [row, thread] = await db.transaction('r', db.codings, db.threads, () => Promise.all([readCoderPage(db, pageUrl, annotator), readThread(db, pageUrl)]));
  const coded = new Set(row.annotations.map((a) => a.commentKey));
  return { annotations: row.annotations, snapshots: thread.filter((c) => coded.has(c.key)), threadKeys: thread.map((c) => c.key), rev: row.rev };
}

/** A name for an annotator who has not chosen one. */
const madeUpName = () => `annotator-${crypto.randomUUID().slice(0, 4)}`;

/** The stored annotator name, made up and stored in the same transaction if there is none yet. */
async function storedAnnotator(tx: RawTransaction): Promise<{ name: string; madeUp: boolean }> {
  const row = await tx.get<Setting>('settings', SETTING_KEYS.annotator);
  if (row) return { name: row.value, madeUp: false };
  const name = madeUpName();
  tx.put('settings', { key: SETTING_KEYS.annotator, value: name });
  return { name, madeUp: true };
}

/** The annotator name as stored, null before one was made up (nothing is written: fine inside any transaction over settings). */
export const storedAnnotatorName = async (db: AnnotatorDB): Promise<string | null> => (await db.settings.get(SETTING_KEYS.annotator))?.value ?? null;

/** The annotator name this browser annotates as; made up once (in one transaction, so once only), changeable in the options. */
export async function annotatorName(db: AnnotatorDB): Promise<string> {
  const { name, madeUp } = await inRawTransaction(db, ['settings'], storedAnnotator);
  if (madeUp) announce(db, { kind: 'annotator', name, previous: null });
  return name;
}

/** The longest annotator name (the message schemas allow no more). */
export const ANNOTATOR_NAME_LIMIT = 200;

/**
 * Renames this browser's annotator: its annotations move to the new name in the same
 * transaction (each coder record's revision counted up), so open panels keep them and their
 * next press changes them rather than starting a second annotation. Refused when the new name
 * has annotations of its own (a colleague's, imported): the two coders' work would merge.
 * Answers how many annotations moved.
 */
export async function renameAnnotator(db: AnnotatorDB, wanted: string): Promise<number> {
  const name = wanted.trim();
  if (!name) throw new Error('The annotator needs a name.');
  if (name.length > ANNOTATOR_NAME_LIMIT) throw new Error(`An annotator name has at most ${ANNOTATOR_NAME_LIMIT} characters.`);
  const renamed = await db.transaction('rw', db.codings, db.settings, async () => {
    const previous = await storedAnnotatorName(db);
    if (previous === name) return null;
    const [theirs, mine] = await Promise.all([previous === null ? [] : db.codings.where('annotator').equals(previous).toArray(), db.codings.where('annotator').equals(name).toArray()]);
    if (mine.some((part) => part.annotations.length > 0)) {
      throw new Error(`There are annotations by “${name}” already (imported from a colleague?). Choose another name: your work and theirs must stay apart.`);
    }
    // The new name's records left empty on these pages (its annotations were deleted) go, but
    // their revisions count on: a panel compares the next news with them.
    const urls = new Set(theirs.map((part) => part.url));
    const emptied = mine.filter((part) => urls.has(part.url));
    const revOfMine = new Map(emptied.filter((part) => part.part === 0).map((part) => [part.url, part.rev]));
    const key = (part: CodingPart): [string, string, number] => [part.url, part.annotator, part.part];
    await db.codings.bulkDelete([...theirs, ...emptied].map(key));
    await Promise.all([
      db.codings.bulkPut(theirs.map((part) => ({
        ...part,
        annotator: name,
        annotations: part.annotations.map((a) => ({ ...a, annotator: name })),
        rev: part.part === 0 ? Math.max(part.rev, revOfMine.get(part.url) ?? 0) + 1 : part.rev,
      }))),
      db.settings.put({ key: SETTING_KEYS.annotator, value: name }),
    ]);
    return { previous, moved: theirs.reduce((sum, part) => sum + part.annotations.length, 0) };
  });
  if (!renamed) return 0;
  announce(db, { kind: 'annotator', name, previous: renamed.previous });
  return renamed.moved;
}
