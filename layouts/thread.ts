import type { ExtractedComment } from './types';

/** A comment as a layout reads it, before it is placed in the thread. */
export type CommentFields = Omit<ExtractedComment, 'parentKey' | 'depth'>;

/** Where a layout finds each part of a comment: one selector per part, searched across the thread. */
export type Roles<R extends string> = Record<R, string>;

/** The parts found for one comment; a part is missing when the comment's own markup lacks it. */
export type Parts<R extends string> = Partial<Record<R, Element>>;

/** The nearest element in `owners`, starting at `start` and walking up to (not past) `thread`. */
function ownerOf<T>(start: Element | null, owners: Map<Element, T>, thread: Element): T | undefined {
  for (let el = start; el && el !== thread; el = el.parentElement) {
    const owner = owners.get(el);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

/**
 * Reads a thread: for every comment element, the first match of each role inside the comment's
 * own markup (not inside a reply), then `read` turns those parts into fields, and nesting gives
 * parent and depth. Matches are handed to their nearest comment, so the cost grows linearly
 * with the thread, not with the number of comments times the size of their subtrees.
 */
export function readThread<R extends string>(
  thread: Element,
  elements: Iterable<Element>,
  roles: Roles<R>,
  read: (el: Element, parts: Parts<R>) => CommentFields | null,
): ExtractedComment[] {
  const parts = new Map<Element, Parts<R>>();
  for (const el of elements) parts.set(el, {});
  // One native query for every role at once; each match is then offered to the roles its
  // nearest comment still lacks. Far cheaper than one query per role per comment.
  const names = Object.keys(roles) as R[];
  for (const match of Array.from(thread.querySelectorAll(names.map((name) => roles[name]).join(', ')))) {
    const own = ownerOf(match, parts, thread);
    if (!own) continue;
    for (const name of names) {
      if (!own[name] && match.matches(roles[name])) own[name] = match;
    }
  }

  const placed = new Map<Element, ExtractedComment>();
  const comments: ExtractedComment[] = [];
  for (const [el, found] of parts) {
    const fields = read(el, found);
    if (!fields) continue;
    const parent = ownerOf(el.parentElement, placed, thread);
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
