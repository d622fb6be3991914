import type { ExtractedComment } from './types';

/** A comment as a layout reads it, before it is placed in the thread. */
export type CommentFields = Omit<ExtractedComment, 'parentKey' | 'depth'>;

/**
 * Places comment elements (in document order) into their thread: the parent is the nearest
 * enclosing comment element, so nesting in the markup is the only source of structure.
 * Rows `read` returns null for (deleted placeholders, say) are left out.
 */
export function linkThread(
  elements: Iterable<Element>,
  thread: Element,
  read: (el: Element) => CommentFields | null,
): ExtractedComment[] {
  const placed = new Map<Element, ExtractedComment>();
  const comments: ExtractedComment[] = [];
  for (const el of elements) {
    const fields = read(el);
    if (!fields) continue;
    let parent: ExtractedComment | undefined;
    for (let up = el.parentElement; up && up !== thread; up = up.parentElement) {
      parent = placed.get(up);
      if (parent) break;
    }
    const comment: ExtractedComment = {
      key: fields.key,
      parentKey: parent?.key ?? null,
      depth: parent ? parent.depth + 1 : 0,
      kind: fields.kind,
      author: fields.author,
      publishedAt: fields.publishedAt,
      permalink: fields.permalink,
      text: fields.text,
    };
    placed.set(el, comment);
    comments.push(comment);
  }
  return comments;
}

/**
 * The first element matching `selector` inside the comment's own parts: its child elements
 * other than the containers of its replies. Searching only there keeps a parent from picking
 * up a reply's author or text, and keeps extraction linear in the size of the thread.
 */
export function ownQuery(comment: Element, selector: string, isReplies: (el: Element) => boolean): Element | null {
  for (const part of Array.from(comment.children)) {
    if (isReplies(part)) continue;
    if (part.matches(selector)) return part;
    const found = part.querySelector(selector);
    if (found) return found;
  }
  return null;
}
