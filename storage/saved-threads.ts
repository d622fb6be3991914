import { readBundle } from './bundles';
import type { AnnotatorDB } from './schema';
import type { CommentSnapshot } from '../lib/records';

/** A page's saved thread: its address, title and the comments kept of it, in thread order. */
export async function savedThread(db: AnnotatorDB, url: string): Promise<{ url: string; title: string | null; comments: CommentSnapshot[] }> {
  const [page, bundle] = await Promise.all([db.pages.get(url), readBundle(db, url)]);
  return { url, title: page?.metadata?.title ?? null, comments: bundle.comments };
}
