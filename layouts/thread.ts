import type { ExtractedComment } from './types';

/** A comment as a layout reads it, before it is placed in the thread. */
export type CommentFields = Omit<ExtractedComment, 'parentKey' | 'depth'>;

/**
 * Where a layout finds each part of a comment: per part, simple selectors in order of
 * preference. A later selector is only queried for comments the earlier ones left without
 * that part, so a thread that matches the first choice pays for one query per part.
 */
export type Roles<R extends string> = Record<R, readonly string[]>;

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
 * parent and depth. Matches come from queries over the whole thread and are handed to their
 * nearest comment, so the cost grows with the thread, not with comments × subtree size.
 */
export function readThread<R extends string>(
  thread: Element,
  elements: readonly Element[],
  roles: Roles<R>,
  read: (el: Element, parts: Parts<R>) => CommentFields | null,
): ExtractedComment[] {
  const parts = new Map<Element, Parts<R>>();
  for (const el of elements) parts.set(el, {});
  for (const role of Object.keys(roles) as R[]) {
    let missing = elements.length;
    for (const selector of roles[role]) {
      if (missing === 0) break;
      const matches = select(thread, selector);
      for (let i = 0; i < matches.length; i++) {
        const own = ownerOf(matches[i], parts, thread);
        if (own && !own[role]) {
          own[role] = matches[i];
          missing--;
        }
      }
    }
  }

  const placed = new Map<Element, ExtractedComment>();
  const comments: ExtractedComment[] = [];
  for (const el of elements) {
    const fields = read(el, parts.get(el)!);
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

const CLASS_ONLY = /^\.[\w-]+$/;

/**
 * The elements under `root` matching a simple selector, in document order. A lone class goes
 * through getElementsByClassName, which browsers answer several times faster than
 * querySelectorAll on large threads.
 */
export function select(root: Element, selector: string): ArrayLike<Element> {
  return CLASS_ONLY.test(selector) ? root.getElementsByClassName(selector.slice(1)) : root.querySelectorAll(selector);
}

/** The elements of a NodeList as an array; an indexed loop is much faster than Array.from on long lists. */
export function toArray(list: ArrayLike<Element>): Element[] {
  const out = new Array<Element>(list.length);
  for (let i = 0; i < out.length; i++) out[i] = list[i];
  return out;
}

/** The id a family's key `name:id` names, or null when it is not `valid` (a key from elsewhere never builds a selector). */
export function idInKey(key: string, name: string, valid: RegExp): string | null {
  const id = key.slice(name.length + 1);
  return key.startsWith(`${name}:`) && valid.test(id) ? id : null;
}

/**
 * Reads a thread whose comments carry their id in the element's id (`pattern`'s first group):
 * the comments are `selector` matches with such an id, and `read` gets that id with the parts.
 */
export function readIdThread<R extends string>(
  thread: Element,
  selector: string,
  pattern: RegExp,
  roles: Roles<R>,
  read: (id: string, parts: Parts<R>) => CommentFields | null,
): ExtractedComment[] {
  const elements = toArray(thread.querySelectorAll(selector)).filter((el) => pattern.test(el.id));
  return readThread(thread, elements, roles, (el, parts) => read(pattern.exec(el.id)![1], parts));
}
