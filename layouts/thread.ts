import type { AddedSubtrees, ExtractedComment } from './types';

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

/**
 * How to climb from an element towards the comment that holds it, never past `thread`: from
 * `el` itself when `inclusive`, else from its parent. Where no comment element is a div or span
 * (the tags most of a comment's markup has), a step goes straight to the nearest element of a
 * comment element's tag: one native `closest` instead of a parent step (and a wrapper for it)
 * per level. Null once the climb leaves the thread.
 */
type Climb = (el: Element, inclusive: boolean) => Element | null;

/** The climb for comments `elements` of `thread` (see Climb). */
function climbFor(thread: Element, elements: readonly Element[]): Climb {
  const tags = new Set<string>();
  for (const el of elements) tags.add(el.localName);
  if (!tags.size || tags.has('div') || tags.has('span')) {
    return (el, inclusive) => {
      const next = inclusive ? el : el.parentElement;
      return next === thread ? null : next;
    };
  }
  const selector = [...tags].join(', ');
  // closest may land on the thread or pass it: the thread and its ancestors end the climb.
  const outside = new Set<Element>();
  for (let up: Element | null = thread; up; up = up.parentElement) outside.add(up);
  // From a comment to its parent (li > ol.children > li), reading the two parents instead of a
  // closest call measured no faster on the 10,000-comment page (1.0 ms per 10,000 either way):
  // closest is not where the time goes once the elements have wrappers.
  return (el, inclusive) => {
    const next = (inclusive ? el : el.parentElement)?.closest(selector) ?? null;
    return next && outside.has(next) ? null : next;
  };
}

/** The nearest element in `owners`, starting at `start` (inside `thread`, or `thread` itself) and climbing up to (not past) `thread`. */
function ownerOf<T>(start: Element | null, owners: Map<Element, T>, thread: Element, climb: Climb): T | undefined {
  for (let el = start && start !== thread ? climb(start, true) : null; el; el = climb(el, false)) {
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
  return readIn([thread], thread, elements, roles, read)!;
}

/**
 * Reads the comments `elements` of subtrees added to a thread read before, as readThread would
 * read them in the whole thread: roles are matched inside the added subtrees only, and a comment
 * without an added parent hangs under its subtree's holder. Null when an added subtree brings a
 * part of no added comment into a comment read before (its fields may change: read it all again).
 */
export function readAddedThread<R extends string>(
  thread: Element,
  added: { roots: readonly Element[]; holder(root: Element): ExtractedComment | null },
  elements: readonly Element[],
  roles: Roles<R>,
  read: (el: Element, parts: Parts<R>) => CommentFields | null,
): ExtractedComment[] | null {
  return readIn(added.roots, thread, elements, roles, read, added);
}

/**
 * The comment read before that holds `root`: the nearest of `added.open` whose element (as
 * `elementOf` finds it, the element a whole read places it at) contains it; null at the top level.
 */
export function holderOf(added: AddedSubtrees, root: Element, elementOf: (comment: ExtractedComment) => Element | null): ExtractedComment | null {
  return added.open.find((comment) => elementOf(comment)?.contains(root)) ?? null;
}

/** readThread over the subtrees `scopes` of `thread` (the thread itself, or added subtrees and their holders); `elements` are distinct. */
function readIn<R extends string>(
  scopes: readonly Element[],
  thread: Element,
  elements: readonly Element[],
  roles: Roles<R>,
  read: (el: Element, parts: Parts<R>) => CommentFields | null,
  added?: { roots: readonly Element[]; holder(root: Element): ExtractedComment | null },
): ExtractedComment[] | null {
  // One map for both hand-offs (parts to comments, comments to parents): each element's index,
  // where its parts and then its comment sit. A map per hand-off cost a set per comment more.
  const indexOf = new Map<Element, number>();
  const found: Parts<R>[] = [];
  for (let i = 0; i < elements.length; i++) {
    indexOf.set(elements[i], i);
    found.push({});
  }
  const climb = climbFor(thread, elements);
  const holders = addedHolders(added, indexOf);
  if (!holders || !findParts(scopes, thread, roles, elements.length, (match) => ownerOf(match, indexOf, thread, climb), found, holders)) return null;

  const placed: (ExtractedComment | undefined)[] = [];
  // The comment of the nearest comment element above `el` that gave one.
  const parentOf = (el: Element) => {
    for (let at = ownerOf(el.parentElement, indexOf, thread, climb); at !== undefined; at = ownerOf(elements[at].parentElement, indexOf, thread, climb)) {
      if (placed[at]) return placed[at];
    }
    return added ? holderIn(holders, el) : undefined;
  };
  const comments: ExtractedComment[] = [];
  for (let i = 0; i < elements.length; i++) {
    const fields = read(elements[i], found[i]);
    if (!fields) continue;
    const parent = parentOf(elements[i]);
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
    placed[i] = comment;
    comments.push(comment);
  }
  return comments;
}

/**
 * The holder of each added subtree's root (empty for a whole read), or null when a root inside a
 * comment read before is no added comment: other markup there (a paragraph, a wrapper's label)
 * may belong to that comment's fields.
 */
function addedHolders(added: { roots: readonly Element[]; holder(root: Element): ExtractedComment | null } | undefined, indexOf: ReadonlyMap<Element, number>): Map<Element, ExtractedComment | null> | null {
  const holders = new Map<Element, ExtractedComment | null>();
  for (const root of added?.roots ?? []) {
    const holder = added!.holder(root);
    if (holder && !indexOf.has(root)) return null;
    holders.set(root, holder);
  }
  return holders;
}

/**
 * Hands each role's matches in `scopes` to their comment (`ownerIndex`), the first match per
 * comment in `found`; false when a match in an added subtree under a holder belongs to no comment.
 * A role's later choices are queried only while some comment lacks it.
 */
function findParts<R extends string>(
  scopes: readonly Element[],
  thread: Element,
  roles: Roles<R>,
  count: number,
  ownerIndex: (match: Element) => number | undefined,
  found: Parts<R>[],
  holders: ReadonlyMap<Element, ExtractedComment | null>,
): boolean {
  const names = Object.keys(roles) as R[];
  const missing = names.map(() => count);
  for (let choice = 0; ; choice++) {
    const queried = names.map((role, r) => missing[r] > 0 && choice < roles[role].length);
    if (!queried.includes(true)) return true;
    for (const scope of scopes) {
      // An added subtree's root may be a part itself; the whole thread never is.
      const lists = names.map((role, r) => (queried[r] ? candidatesIn(scope, roles[role][choice], scope !== thread) : NONE));
      if (!handOver(lists, names, ownerIndex, found, missing, !!holders.get(scope))) return false;
    }
  }
}

/** A selector's matches as handOver reads them: the elements of `list` that carry `attribute` (all of them when it is null). */
interface Candidates {
  list: ArrayLike<Element>;
  attribute: string | null;
}

/** What a role not queried at this choice matches. */
const NONE: Candidates = { list: [], attribute: null };

const CLASS_ONLY = /^\.[\w-]+$/;
const TAG_WITH_ATTRIBUTE = /^([a-z][a-z\d]*)\[([a-z][\w-]*)\]$/;

/**
 * The matches of a simple selector under `root` (and `root` itself first when `withRoot` and it
 * matches), in document order. A lone class, or a tag with an attribute (`time[datetime]`), goes
 * through a getElementsBy… collection: browsers answer those several times faster than
 * querySelectorAll on large threads, and keep them from one read to the next while the thread is
 * unchanged (querySelectorAll walks it every time). The attribute is left to test as each element
 * is handed over: one pass over those elements rather than a filtering pass first (the part search
 * of the 10,000-comment page: 11.8-12.6 ms, against 13.2-13.6 filtering first).
 */
function candidatesIn(root: Element, selector: string, withRoot: boolean): Candidates {
  const tagged = TAG_WITH_ATTRIBUTE.exec(selector);
  const under = tagged ? root.getElementsByTagName(tagged[1]) : CLASS_ONLY.test(selector) ? root.getElementsByClassName(selector.slice(1)) : root.querySelectorAll(selector);
  return { list: withRoot && root.matches(selector) ? [root, ...toArray(under)] : under, attribute: tagged ? tagged[2] : null };
}

/**
 * Hands the matches of each role (`lists[r]`, for role `names[r]`) to their comments, counting
 * down `missing` per role; false, at once, when `strict` and a match belongs to no comment.
 * The roles are taken in turn (the first match of each, then the second…): one comment's parts
 * lie together, so its markup is still in the CPU's caches for the next role's climb. Role after
 * role, this took 14.6-16.4 ms on the 10,000-comment page; in turn, 11.5-12.9 ms.
 */
function handOver<R extends string>(
  lists: readonly Candidates[],
  names: readonly R[],
  ownerIndex: (match: Element) => number | undefined,
  found: Parts<R>[],
  missing: number[],
  strict: boolean,
): boolean {
  const lengths = lists.map(({ list }) => list.length);
  for (let i = 0, longest = Math.max(...lengths); i < longest; i++) {
    for (let r = 0; r < names.length; r++) {
      if (i >= lengths[r]) continue;
      const { list, attribute } = lists[r];
      const match = list[i];
      if (attribute !== null && !match.hasAttribute(attribute)) continue;
      const at = ownerIndex(match);
      if (at === undefined) {
        if (strict) return false;
      } else if (!found[at][names[r]]) {
        found[at][names[r]] = match;
        missing[r]--;
      }
    }
  }
  return true;
}

/** An added comment without an added parent hangs under the holder of its subtree. */
function holderIn(holders: ReadonlyMap<Element, ExtractedComment | null>, el: Element): ExtractedComment | undefined {
  let root: Element | null = el;
  while (root && !holders.has(root)) root = root.parentElement;
  return (root && holders.get(root)) ?? undefined;
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
