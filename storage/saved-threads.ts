import type { AnnotatorDB } from './schema';
import { readThread } from './threads';
import type { CommentSnapshot } from '../lib/records';

/** A page's saved thread: its address, title and every comment kept of it since coding began, in thread order. */
export async function savedThread(db: AnnotatorDB, url: string): Promise<{ url: string; title: string | null; comments: CommentSnapshot[] }> {
  const [page, comments] = await Promise.all([db.pages.get(url), readThread(db, url)]);
  return { url, title: page?.metadata?.title ?? null, comments };
}
