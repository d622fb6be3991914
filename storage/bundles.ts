import type { Annotation, AnnotatorDB, CommentSnapshot, PageBundle } from './schema';

/** A bundle for a page nothing was coded on yet. */
export const emptyBundle = (url: string): PageBundle => ({ url, comments: [], annotations: [], tagIds: [] });

/** The page's bundle, or an empty one if nothing on it was coded yet. */
export async function readBundle(db: AnnotatorDB, url: string): Promise<PageBundle> {
  return (await db.bundles.get(url)) ?? emptyBundle(url);
}

/** Writes a bundle back with its tag index brought up to date. */
export function writeBundle(db: AnnotatorDB, bundle: PageBundle): Promise<string> {
  return db.bundles.put(withTagIndex(bundle));
}

/** The bundle with `tagIds` computed from its annotations. */
export function withTagIndex(bundle: PageBundle): PageBundle {
  return { ...bundle, tagIds: [...new Set(bundle.annotations.flatMap((a) => a.tagIds))] };
}

/** Every annotation and comment snapshot in the database, in one read. */
export async function readEverything(db: AnnotatorDB): Promise<{ annotations: Annotation[]; comments: CommentSnapshot[] }> {
  const bundles = await db.bundles.toArray();
  return { annotations: bundles.flatMap((b) => b.annotations), comments: bundles.flatMap((b) => b.comments) };
}

/** Replaces (or adds) one annotation by id, in its page's bundle. */
export function putAnnotation(db: AnnotatorDB, annotation: Annotation): Promise<void> {
  return db.transaction('rw', db.bundles, async () => {
    const bundle = await readBundle(db, annotation.pageUrl);
    const others = bundle.annotations.filter((a) => a.id !== annotation.id);
    await writeBundle(db, { ...bundle, annotations: [...others, annotation] });
  });
}

/** Changes one annotation's tags or note (the review page's edits); false if it is gone. */
export function updateAnnotation(db: AnnotatorDB, annotation: Pick<Annotation, 'id' | 'pageUrl'>, change: Partial<Pick<Annotation, 'tagIds' | 'note'>>): Promise<boolean> {
  return db.transaction('rw', db.bundles, async () => {
    const bundle = await readBundle(db, annotation.pageUrl);
    const current = bundle.annotations.find((a) => a.id === annotation.id);
    if (!current) return false;
    const next = { ...current, ...change, updatedAt: new Date().toISOString() };
    await writeBundle(db, { ...bundle, annotations: bundle.annotations.map((a) => (a.id === current.id ? next : a)) });
    return true;
  });
}

/** Removes one annotation; the comment's snapshot stays. */
export function deleteAnnotation(db: AnnotatorDB, annotation: Pick<Annotation, 'id' | 'pageUrl'>): Promise<void> {
  return db.transaction('rw', db.bundles, async () => {
    const bundle = await readBundle(db, annotation.pageUrl);
    await writeBundle(db, { ...bundle, annotations: bundle.annotations.filter((a) => a.id !== annotation.id) });
  });
}
