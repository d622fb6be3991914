import { announce } from './changes';
import { codedCountOf, pageKeyRange, tagIdsOf, type AnnotatorDB } from './schema';
import { readThreads } from './threads';
import { isCoded } from '../lib/edits';
import type { Annotation, CoderPage, CommentSnapshot } from '../lib/records';

/** One coder's record of a page, or an empty one if they coded nothing on it yet. */
export async function readCoderPage(db: AnnotatorDB, url: string, annotator: string): Promise<CoderPage> {
  return (await db.codings.get([url, annotator])) ?? { url, annotator, annotations: [], tagIds: [], rev: 0 };
}

/** Every coder's record of a page. */
export function readCoderPages(db: AnnotatorDB, url: string): Promise<CoderPage[]> {
  const [lower, upper] = pageKeyRange(url);
  return db.codings.where(':id').between(lower, upper, true, true).toArray();
}

/**
 * Writes a coder's record back with its tag index brought up to date and its revision counted
 * up; answers the new revision. `row` must be the one read in the same transaction. A record
 * left without annotations stays, so its revision keeps counting up.
 */
export async function writeCoderPage(db: AnnotatorDB, row: CoderPage): Promise<number> {
  const rev = row.rev + 1;
  await db.codings.put({ ...row, tagIds: tagIdsOf(row.annotations), rev });
  return rev;
}

/**
 * How much one coder's change of a comment (coded `was`, coded `now`) changes its page's coded
 * count: nothing when another coder codes it too. Reads the other coders' records only then.
 */
export async function codedDelta(db: AnnotatorDB, url: string, annotator: string, commentKey: string, was: boolean, now: boolean): Promise<number> {
  if (was === now) return 0;
  const [lower, upper] = pageKeyRange(url);
  const others = (await db.codings.where(':id').between(lower, upper, true, true).primaryKeys()).filter(([, coder]) => coder !== annotator);
  const rows = others.length ? await db.codings.bulkGet(others) : [];
  if (rows.some((row) => row?.annotations.some((a) => a.commentKey === commentKey && isCoded(a)))) return 0;
  return now ? 1 : -1;
}

/** Adds `delta` to a page's coded count (call inside a transaction over pages). */
export async function addToCodedCount(db: AnnotatorDB, url: string, delta: number): Promise<void> {
  if (delta) await db.pages.where('url').equals(url).modify((page) => void (page.codedCount = Math.max(0, (page.codedCount ?? 0) + delta)));
}

/** Counts the coded comments of the pages `urls` again from every coder's record (call inside a transaction over codings and pages). */
export async function recountCoded(db: AnnotatorDB, urls: readonly string[]): Promise<void> {
  const wanted = new Set(urls);
  if (!wanted.size) return;
  const annotations = new Map<string, Annotation[]>([...wanted].map((url) => [url, []]));
  for (const url of wanted) for (const row of await readCoderPages(db, url)) annotations.get(url)!.push(...row.annotations);
  await db.pages.where('url').anyOf([...wanted]).modify((page) => void (page.codedCount = codedCountOf(annotations.get(page.url)!)));
}

/** Every annotation and comment snapshot in the database, in one read. */
export async function readEverything(db: AnnotatorDB): Promise<{ annotations: Annotation[]; comments: CommentSnapshot[] }> {
  const [rows, threads] = await db.transaction('r', db.codings, db.threads, () => Promise.all([db.codings.toArray(), readThreads(db)]));
  return { annotations: rows.flatMap((r) => r.annotations), comments: [...threads.values()].flat() };
}

/** Removes one annotation; the comment's snapshot stays. */
export async function deleteAnnotation(db: AnnotatorDB, annotation: Pick<Annotation, 'id' | 'pageUrl' | 'annotator'>): Promise<void> {
  const removed = await db.transaction('rw', db.codings, db.pages, async () => {
    const row = await readCoderPage(db, annotation.pageUrl, annotation.annotator);
    const gone = row.annotations.find((a) => a.id === annotation.id);
    if (!gone) return null;
    const [rev] = await Promise.all([
      writeCoderPage(db, { ...row, annotations: row.annotations.filter((a) => a !== gone) }),
      codedDelta(db, row.url, row.annotator, gone.commentKey, isCoded(gone), false).then((delta) => addToCodedCount(db, row.url, delta)),
    ]);
    return { gone, rev };
  });
  if (removed) announce(db, { kind: 'annotation', pageUrl: annotation.pageUrl, commentKey: removed.gone.commentKey, annotator: removed.gone.annotator, annotation: null, rev: removed.rev });
}
