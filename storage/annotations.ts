import type { PageMetadata } from '../lib/page-metadata';
import type { LayoutName } from '../layouts/registry';
import { newId } from './codebook';
import { readBundle, writeBundle } from './bundles';
import type { Annotation, AnnotatorDB, CommentSnapshot } from './schema';
import { normalisedTextHash } from './text-hash';

/** The page an annotation is made on, as the content script knows it. */
export interface PageInfo {
  url: string;
  layout: LayoutName | null;
  metadata: PageMetadata | null;
  commentCount: number;
}

/** The comment an annotation is about, as found on the page. */
export type CommentInfo = Pick<CommentSnapshot, 'key' | 'author' | 'publishedAt' | 'permalink' | 'parentKey' | 'text'>;

/** What an annotation says: its tags and note. null = no annotation. */
export interface AnnotationState {
  tagIds: string[];
  note: string;
}

/** Before and after one change, for undo and redo. */
export interface Change {
  before: AnnotationState | null;
  after: Annotation | null;
}

/** Who is annotating, and on which comment of which page. */
export interface Target {
  page: PageInfo;
  comment: CommentInfo;
  annotator: string;
}

const isEmpty = (state: AnnotationState | null) => !state || (state.tagIds.length === 0 && state.note.trim() === '');

/**
 * Changes one annotation in a single transaction: reads the page's bundle, applies `next`,
 * writes the bundle back (without the annotation when it ends up with neither tags nor note).
 * The first time a comment is annotated its snapshot is saved, and the page's metadata with it.
 */
async function change(db: AnnotatorDB, target: Target, next: (current: AnnotationState | null) => AnnotationState | null): Promise<Change> {
  const { page, comment, annotator } = target;
  return db.transaction('rw', [db.bundles, db.pages], async () => {
    const now = new Date().toISOString();
    // Both reads in parallel: one round trip to the database.
    const [bundle, record] = await Promise.all([readBundle(db, page.url), db.pages.get(page.url)]);
    const existing = bundle.annotations.find((a) => a.annotator === annotator && a.commentKey === comment.key);
    const before = existing ? { tagIds: existing.tagIds, note: existing.note } : null;
    const wanted = next(before);
    const others = bundle.annotations.filter((a) => a !== existing);
    if (isEmpty(wanted)) {
      if (existing) await writeBundle(db, { ...bundle, annotations: others });
      return { before, after: null };
    }
    const after: Annotation = {
      ...existing,
      id: existing?.id ?? newId('ann'),
      pageUrl: page.url,
      commentKey: comment.key,
      tagIds: wanted!.tagIds,
      note: wanted!.note,
      annotator,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const snapshot = bundle.comments.some((c) => c.key === comment.key)
      ? []
      : [{ ...comment, pageUrl: page.url, textHash: normalisedTextHash(comment.text), savedAt: now }];
    await Promise.all([
      writeBundle(db, { ...bundle, comments: [...bundle.comments, ...snapshot], annotations: [...others, after] }),
      db.pages.put({
        url: page.url,
        layout: page.layout ?? record?.layout ?? null,
        metadata: record?.metadata ?? page.metadata,
        firstSeen: record?.firstSeen ?? now,
        lastSeen: now,
        commentCount: page.commentCount,
      }),
    ]);
    return { before, after };
  });
}

/** Puts a tag on the comment, or takes it off if it is there; tags stay in codebook order. */
export function toggleTag(db: AnnotatorDB, target: Target, tagId: string, codebookOrder: string[]): Promise<Change> {
  return change(db, target, (current) => {
    const tags = new Set(current?.tagIds ?? []);
    if (tags.has(tagId)) tags.delete(tagId);
    else tags.add(tagId);
    const rank = (id: string) => (codebookOrder.includes(id) ? codebookOrder.indexOf(id) : Infinity);
    return { tagIds: [...tags].sort((a, b) => rank(a) - rank(b)), note: current?.note ?? '' };
  });
}

/** Sets the comment's free-text note. */
export function setNote(db: AnnotatorDB, target: Target, note: string): Promise<Change> {
  return change(db, target, (current) => ({ tagIds: current?.tagIds ?? [], note }));
}

/** Puts an annotation back the way it was (undo, redo). */
export function restoreAnnotation(db: AnnotatorDB, target: Target, state: AnnotationState | null): Promise<Change> {
  return change(db, target, () => state);
}

/** One annotator's annotations on a page, with the snapshots of their comments. */
export async function pageAnnotations(db: AnnotatorDB, pageUrl: string, annotator: string) {
  const bundle = await readBundle(db, pageUrl);
  return { annotations: bundle.annotations.filter((a) => a.annotator === annotator), snapshots: bundle.comments };
}

/** The annotator name this browser annotates as; made up once, changeable in the options. */
export async function annotatorName(db: AnnotatorDB): Promise<string> {
  const row = await db.settings.get('annotator');
  if (row) return row.value;
  const value = `annotator-${crypto.randomUUID().slice(0, 4)}`;
  await db.settings.put({ key: 'annotator', value });
  return value;
}
