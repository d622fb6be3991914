import { normalisedTextHash } from '../lib/text-hash';
import { COMMENT_TEXT_LIMIT, cut } from '../lib/bounds';
import type { Annotation, CommentSnapshot } from '../lib/records';
import type { MissingComment } from '../components/panel/model';

/**
 * Puts saved annotations back on the comments of the page: by key first; where the key is gone
 * (layouts without stable ids, a re-keyed thread) by the text the comment had when tagged.
 * Whatever matches neither is returned as missing, never dropped.
 */
export function reidentify(
  comments: readonly { key: string; text: string }[],
  annotations: readonly Annotation[],
  snapshots: readonly CommentSnapshot[],
): { byKey: Map<string, Annotation>; missing: MissingComment[] } {
  // Nothing to put back (a page not coded yet): no pass over its comments, which late batches repeat.
  if (!annotations.length) return { byKey: new Map(), missing: [] };
  const keys = new Set(comments.map((c) => c.key));
  const byKey = new Map<string, Annotation>();
  const unmatched: Annotation[] = [];
  for (const annotation of annotations) {
    if (keys.has(annotation.commentKey)) byKey.set(annotation.commentKey, annotation);
    else unmatched.push(annotation);
  }
  const snapshotOf = new Map(snapshots.map((s) => [s.key, s]));
  const missing: MissingComment[] = [];
  let byHash: Map<string, string> | undefined;
  for (const annotation of unmatched) {
    const snapshot = snapshotOf.get(annotation.commentKey);
    // Hash the page's texts only when something needs it: usually every key matches.
    // Snapshots keep texts cut to COMMENT_TEXT_LIMIT, so the page's texts are cut alike before hashing.
    byHash ??= new Map(comments.filter((c) => !byKey.has(c.key)).map((c) => [normalisedTextHash(cut(c.text, COMMENT_TEXT_LIMIT)), c.key]));
    const key = snapshot && byHash.get(snapshot.textHash);
    if (key && !byKey.has(key)) byKey.set(key, annotation);
    else missing.push({ annotation, snapshot });
  }
  return { byKey, missing };
}
