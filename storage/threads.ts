import { announce } from './changes';
import { pageKeyRange, type AnnotatorDB } from './schema';
import { normalisedTextHash } from '../lib/text-hash';
import type { CommentInfo, CommentSnapshot, PageInfo, ThreadPart } from '../lib/records';

/** A page's comment snapshots from its parts, each comment once: as its earliest part keeps it. */
function snapshotsOf(parts: readonly ThreadPart[]): CommentSnapshot[] {
  const byKey = new Map<string, CommentSnapshot>();
  for (const part of parts) for (const c of part.comments) if (!byKey.has(c.key)) byKey.set(c.key, c);
  return [...byKey.values()];
}

/** The comment snapshots of a page's thread; without the parts `leaveOut` names and any comment they hold. */
export async function readThread(db: AnnotatorDB, url: string, leaveOut: readonly number[] = []): Promise<CommentSnapshot[]> {
  const [lower, upper] = pageKeyRange(url);
  const parts = await db.threads.where(':id').between(lower, upper, true, true).toArray();
  if (!leaveOut.length) return snapshotsOf(parts);
  const left = new Set(parts.filter((p) => leaveOut.includes(p.part)).flatMap((p) => p.comments.map((c) => c.key)));
  return snapshotsOf(parts.filter((p) => !leaveOut.includes(p.part))).filter((c) => !left.has(c.key));
}

/** The comment snapshots of the pages `urls` (every page without), by page address. */
export async function readThreads(db: AnnotatorDB, urls?: readonly string[]): Promise<Map<string, CommentSnapshot[]>> {
  const parts = new Map<string, ThreadPart[]>();
  const rows = urls ? (await Promise.all(urls.map((url) => db.threads.where(':id').between(...pageKeyRange(url), true, true).toArray()))).flat() : await db.threads.toArray();
  for (const part of rows) {
    if (!parts.has(part.url)) parts.set(part.url, []);
    parts.get(part.url)!.push(part);
  }
  return new Map([...parts].map(([url, list]) => [url, snapshotsOf(list)]));
}

/** A thread's comments as snapshots, ready to be a part of it: stored after every part whose keys `stored` lists. */
export function nextThreadPart(url: string, comments: readonly (CommentInfo | Omit<CommentSnapshot, 'textHash'>)[], now: string, stored: readonly [string, number][]): ThreadPart {
  return {
    url,
    part: stored.reduce((next, [, n]) => Math.max(next, n + 1), 0),
    comments: comments.map((c) => ({
      pageUrl: url, key: c.key, author: c.author, publishedAt: c.publishedAt, permalink: c.permalink, parentKey: c.parentKey, text: c.text,
      textHash: normalisedTextHash(c.text), savedAt: 'savedAt' in c ? c.savedAt : now,
    })),
  };
}

/**
 * Adds snapshots of `comments` to a page's thread as a new part, without reading (or writing
 * again) the parts stored before: a comment stored already keeps its earlier snapshot. Call
 * inside a transaction over threads. Returns the new part's number (null: no comments, no part).
 */
export async function addToThread(db: AnnotatorDB, url: string, comments: readonly (CommentInfo | Omit<CommentSnapshot, 'textHash'>)[], now: string): Promise<number | null> {
  if (!comments.length) return null;
  const part = nextThreadPart(url, comments, now, await db.threads.where(':id').between(...pageKeyRange(url), true, true).primaryKeys());
  await db.threads.add(part);
  return part.part;
}

/**
 * Keeps snapshots of comments of a page where coding started (the whole thread, a part at a
 * time, then each comment as it arrives); answers how many it kept. The page's record learns
 * its count of comments after, when it changed: the part's transaction does not hold the page
 * records a press writes. Announces the thread (for sync: no view shows a comment before it is coded).
 */
export async function saveThread(db: AnnotatorDB, page: PageInfo, comments: readonly CommentInfo[]): Promise<number> {
  await db.transaction('rw', db.threads, () => addToThread(db, page.url, comments, new Date().toISOString()));
  const record = await db.pages.get(page.url);
  if (record && record.commentCount !== page.commentCount) await db.pages.update(page.url, { commentCount: page.commentCount });
  if (comments.length) announce(db, { kind: 'thread', pageUrl: page.url });
  return comments.length;
}
