import { announce } from './changes';
import type { AnnotatorDB } from './schema';
import type { Annotation, CommentSnapshot, PageBundle } from '../lib/records';

/** A bundle for a page nothing was coded on yet. */
export const emptyBundle = (url: string): PageBundle => ({ url, comments: [], annotations: [], tagIds: [] });

/** The page's bundle, or an empty one if nothing on it was coded yet. */
export async function readBundle(db: AnnotatorDB, url: string): Promise<PageBundle> {
  return (await db.bundles.get(url)) ?? emptyBundle(url);
}

/**
 * Writes a bundle back with its tag index brought up to date and its revision counted up; answers
 * the new revision. `bundle` must be the one read in the same transaction.
 */
export async function writeBundle(db: AnnotatorDB, bundle: PageBundle): Promise<number> {
  const rev = (bundle.rev ?? 0) + 1;
  await db.bundles.put(withTagIndex({ ...bundle, rev }));
  return rev;
}

/** The bundle with `tagIds` computed from its annotations (whole-comment codes and their segments' codes). */
export function withTagIndex(bundle: PageBundle): PageBundle {
  return { ...bundle, tagIds: [...new Set(bundle.annotations.flatMap((a) => [...a.tagIds, ...(a.segments ?? []).map((s) => s.tagId)]))] };
}

/** Every annotation and comment snapshot in the database, in one read. */
export async function readEverything(db: AnnotatorDB): Promise<{ annotations: Annotation[]; comments: CommentSnapshot[] }> {
  const bundles = await db.bundles.toArray();
  return { annotations: bundles.flatMap((b) => b.annotations), comments: bundles.flatMap((b) => b.comments) };
}

/** Removes one annotation; the comment's snapshot stays. */
export async function deleteAnnotation(db: AnnotatorDB, annotation: Pick<Annotation, 'id' | 'pageUrl'>): Promise<void> {
  const removed = await db.transaction('rw', db.bundles, async () => {
    const bundle = await readBundle(db, annotation.pageUrl);
    const gone = bundle.annotations.find((a) => a.id === annotation.id);
    if (!gone) return null;
    const rev = await writeBundle(db, { ...bundle, annotations: bundle.annotations.filter((a) => a !== gone) });
    return { gone, rev };
  });
  if (removed) announce(db, { kind: 'annotation', pageUrl: annotation.pageUrl, commentKey: removed.gone.commentKey, annotator: removed.gone.annotator, annotation: null, rev: removed.rev });
}
