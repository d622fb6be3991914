import type { CommentLayout, ExtractedComment } from './types';

/** A thread's comments as last read: in thread order, and by key. */
export interface KnownComments {
  comments: readonly ExtractedComment[];
  byKey: ReadonlyMap<string, ExtractedComment>;
}

/** Indexes a whole read's comments by key. */
export function knownComments(comments: readonly ExtractedComment[]): KnownComments {
  return { comments, byKey: new Map(comments.map((c) => [c.key, c])) };
}

/**
 * `known` with `added` after its comments. The index is extended in place (a batch costs its own
 * size, not the thread's): `known` itself is not to be used again.
 */
export function withAdded(known: KnownComments, added: readonly ExtractedComment[]): KnownComments {
  const byKey = known.byKey as Map<string, ExtractedComment>;
  for (const comment of added) byKey.set(comment.key, comment);
  return { comments: known.comments.concat(added), byKey };
}

/**
 * The comments `nodes` (inserted into `thread` since it was read as `known`) add, read from
 * those nodes only: what a whole read of the thread now finds after the known comments. Null when
 * only a whole read can tell: the layout cannot read added subtrees, a node is not after the last
 * comment read (a reply in the middle, a reordering), text was added to an element of the thread,
 * an added comment is not new. Removed nodes are the caller's to notice (they need a whole read).
 */
export function readAdded(layout: CommentLayout, thread: Element, nodes: readonly Node[], known: KnownComments, pageUrl: string): ExtractedComment[] | null {
  const last = known.comments.at(-1);
  if (!layout.extractAdded || !last) return null;
  const lastElement = layout.locate(thread.ownerDocument, last.key);
  if (!lastElement || !thread.contains(lastElement)) return null;
  const roots: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType === node.COMMENT_NODE || (node.nodeType === node.TEXT_NODE && !node.nodeValue?.trim())) continue;
    if (node.nodeType !== node.ELEMENT_NODE || !thread.contains(node)) return null;
    if (!(lastElement.compareDocumentPosition(node) & node.DOCUMENT_POSITION_FOLLOWING)) return null;
    roots.push(node as Element);
  }
  roots.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & a.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  // In document order, a node inside an earlier one (or the same node twice) is inside the last kept.
  const outermost: Element[] = [];
  for (const root of roots) if (!outermost.at(-1)?.contains(root)) outermost.push(root);
  if (!outermost.length) return [];
  const added = layout.extractAdded(thread, { roots: outermost, open: openComments(last, known), known: (key) => known.byKey.has(key) }, pageUrl);
  if (!added) return null;
  const keys = new Set<string>();
  for (const comment of added) {
    if (known.byKey.has(comment.key) || keys.has(comment.key)) return null;
    keys.add(comment.key);
  }
  return added;
}

/** The last comment read and the comments around it, nearest first: the ones a later subtree can be inside. */
function openComments(last: ExtractedComment, known: KnownComments): ExtractedComment[] {
  const open: ExtractedComment[] = [];
  for (let c: ExtractedComment | undefined = last; c && !open.includes(c); c = c.parentKey ? known.byKey.get(c.parentKey) : undefined) open.push(c);
  return open;
}
