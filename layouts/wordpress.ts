import { absoluteUrl, blockText, parseDate, textHash, textOf } from './text';
import { holderOf, readAddedThread, readThread, toArray, type CommentFields, type Parts } from './thread';
import { COMMENT_KINDS, defineLayout, type AddedSubtrees, type CommentKind, type ExtractedComment } from './types';
import {
  authorName, commentText, DATE_FALLBACK, flattenedDepths, isReplies, kindFromLabel, labelOf, NAME_FALLBACK, ownMatch, readWhen, relativeDate, renderedAt,
} from './wordpress-fields';

// WordPress prints every comment with comment_class() (first class = type) and an id
// `comment-N`; themes from the Twenty Ten era put `li-comment-N` on the li instead, and often
// `comment-N` again on an inner article: one comment, two ids. Class collections are the
// browser's fastest path; ids are only searched when no element of the classes has one
// (pre-2.7 loops such as Kubrick's, callbacks that drop comment_class() from the id holder).
const ID_PATTERN = /^(?:li-)?comment-(\d+)$/;
// Custom loops seen in the wild number their comments `comment_N`, `com_N`, or give one comment
// an outer `comment_item_N` and an inner `comment_inner_N`.
const LOOSE_ID = /^(?:li-)?(?:comment|com)[-_](?:item[-_]|inner[-_])?(\d+)$/;
const LOOSE_SELECTOR = '[id^="comment-"], [id^="li-comment-"], [id^="comment_"], [id^="com_"]';
const TAGS = new Set(['li', 'article', 'div', 'dt', 'section']);
const DEPTH = /\bdepth-(\d+)\b/;

// The comments area first: themes that list pingbacks apart still keep both lists in it.
const AREA_SELECTOR = '#comments, .comments-area, #comments-list';
const LIST_SELECTOR = 'ol.comment-list, ol.commentlist, ul.comment-list, ul.commentlist, .wp-block-comment-template, dl#comment_list, dl.commentlist';

// Simple selectors only: every selector costs a pass over the thread, and later ones are only
// queried for comments the earlier ones left without that part.
const ROLES = {
  // Last resorts: a byline, or a heading that opens the comment with name and date.
  name: ['.fn', '.wp-block-comment-author-name', '[itemprop="name"]', '.comment-author', '.comment_author', 'cite', '.name', '.author', '.by', '.byline', 'h4', 'h3', 'h5'],
  when: ['time[datetime]', '.comment-metadata', '.commentmetadata', '.wp-block-comment-date', '.comment-meta', '.comment-date', '.comment_time', '.date', '.time'],
  content: ['.comment-content', '.wp-block-comment-content', '.comment-text', '.comment-entry', '.format_text', '.comment-body'],
} as const;
const HEADER_NAME = '.fn, .comment-author, .comment_author, [itemprop="name"], cite, a.url';
const HEADER_WHEN = 'time[datetime], .comment_time, .comment-meta, .commentmetadata, a[href*="#comment-"]';

/** What a comment element needs beyond itself: its number, a `dt` header, an inner twin. */
interface Entry {
  id: string;
  /** Thesis and WordPress.com's dl themes: author and date in the `dt` before the `dd`. */
  header?: Element;
  /** The inner element of a two-id comment (li#li-comment-N > article#comment-N). */
  inner?: Element;
  /** Where the comment's own anchor points, when it is not `#comment-N`. */
  anchor?: string;
  /** A pingback or trackback printed without an id: keyed by its text, no permalink. */
  idless?: true;
}

// Read off the class attribute: classList would build a token list object for every comment.
const KIND_CLASSES = COMMENT_KINDS.map((kind) => [kind, new RegExp(`(?:^|\\s)${kind}(?:\\s|$)`)] as const);
/** The comment type in a class attribute (the first of COMMENT_KINDS it names), else undefined. */
function kindIn(classes: string | null): CommentKind | undefined {
  if (classes) for (const [kind, pattern] of KIND_CLASSES) if (pattern.test(classes)) return kind;
  return undefined;
}
/** An element's class attribute ('' without one); className is the cheaper read, but an SVG element's is an object. */
function classesOf(el: Element): string | null {
  const classes: unknown = el.className;
  return typeof classes === 'string' ? classes : el.getAttribute('class');
}
/** The comment type class of an element, else undefined. */
const typeOf = (el: Element): CommentKind | undefined => kindIn(classesOf(el));

/** For elements that already carry a comment type class: the right tag and a comment id. */
const isComment = (el: Element) => TAGS.has(el.localName) && ID_PATTERN.test(el.id);
/** A pingback or trackback row some themes print without any id (`li.pingback > p "Pingback: …"`). */
const isIdlessLinkback = (el: Element) => !el.id && TAGS.has(el.localName) && (el.classList.contains('pingback') || el.classList.contains('trackback'));
/** The key of an id-less linkback: its type and a hash of its text. */
const linkbackKey = (el: Element) => `wp:${typeOf(el)}-${textHash(blockText(el, isReplies))}`;
/** For the id search: the right tag and a core or custom-loop comment id. */
const isLooseComment = (el: Element) => TAGS.has(el.localName) && LOOSE_ID.test(el.id);

const isDigit = (code: number) => code >= 48 && code <= 57;
/** What ID_PATTERN reads from an id (the N of `comment-N`, `li-comment-N`), without the match array exec builds: thousands per thread. */
function commentNumber(id: string): string | undefined {
  const start = id.startsWith('comment-') ? 8 : id.startsWith('li-comment-') ? 11 : id.length;
  if (start === id.length) return undefined;
  for (let i = start; i < id.length; i++) if (!isDigit(id.charCodeAt(i))) return undefined;
  return id.slice(start);
}

/**
 * The elements of the type class collections `kinds` that are comments, walked only as far as
 * `limit`; each is handed to `each` with its number as it is found (each id read once: reading it makes a new string).
 */
function typed(root: Element | Document, limit: number, each?: (el: Element, number: string) => void, kinds: readonly CommentKind[] = COMMENT_KINDS): Element[] {
  const found: Element[] = [];
  for (const type of kinds) {
    // Enough found: the other types' collections would each walk the whole root for nothing.
    if (found.length >= limit) break;
    const live = root.getElementsByClassName(type);
    for (let i = 0, el = live[0]; el && found.length < limit; el = live[++i]) {
      const number = TAGS.has(el.localName) ? commentNumber(el.id) : undefined;
      if (number === undefined) continue;
      found.push(el);
      each?.(el, number);
    }
  }
  return found;
}

// Other systems number comments `comment_N` too (Slashdot, news sites): the id search needs
// the page to be WordPress, told by its asset paths or generator tag.
const WORDPRESS_PAGE = 'link[href*="/wp-content/"], script[src*="/wp-content/"], img[src*="/wp-content/"], link[href*="/wp-includes/"], script[src*="/wp-includes/"], meta[name="generator"][content^="WordPress" i]';

/** The first comment element on the page: a type class with a comment id, else any comment id on a WordPress page. */
function firstComment(doc: Document): Element | null {
  const typedFirst = typed(doc, 1)[0];
  if (typedFirst || !doc.querySelector(WORDPRESS_PAGE)) return typedFirst ?? null;
  return toArray(doc.querySelectorAll(LOOSE_SELECTOR)).find(isLooseComment) ?? firstNumbered(doc);
}

/**
 * The comment elements of a thread, in order, each with its entry. A candidate climbs to the
 * id-less comment_class() element around it (li.comment > div#comment-N) and to the outer id
 * of a two-id comment, so replies nested beside the inner element find their parent; a `dt`
 * hands over to its `dd`, which holds the text and the replies.
 */
function commentElements(thread: Element): Map<Element, Entry> {
  const entries = new Map<Element, Entry>();
  const linkbacks = thread.getElementsByClassName('pingback').length + thread.getElementsByClassName('trackback').length;
  // Without linkbacks one class collection holds every comment, in order (the linkback ones, empty, would each walk the thread again).
  // Each comment's entry is made as the walk finds it, while its element is still in the CPU's
  // caches: on the 10,000-comment page the comment elements took 9.7-10.9 ms instead of 10.6-11.6.
  if (!linkbacks) typed(thread, Infinity, entryAdder(thread, entries), ['comment']);
  else entriesOf(thread, toArray(thread.querySelectorAll(TYPED_SELECTOR)).filter(isTypedCandidate), ID_PATTERN, entries);
  if (entries.size) return entries;
  const loose = toArray(thread.querySelectorAll(LOOSE_SELECTOR)).filter(isLooseComment);
  return loose.length ? entriesOf(thread, loose, LOOSE_ID, entries) : numberedPairs(thread, entries);
}

const TYPED_SELECTOR = '.comment, .pingback, .trackback';
/** A comment of a thread with type classes: a type class and a comment id, or a linkback without an id. */
const isTypedCandidate = (el: Element) => isComment(el) || isIdlessLinkback(el);

/**
 * Adds to `entries` the comment element of each candidate (an element whose id `pattern` reads,
 * or an id-less linkback), with its entry; returns `entries`.
 */
function entriesOf(thread: Element, candidates: readonly Element[], pattern: RegExp, entries = new Map<Element, Entry>()): Map<Element, Entry> {
  const add = entryAdder(thread, entries);
  for (const candidate of candidates) {
    const id = candidate.id;
    add(candidate, id === '' ? null : pattern.exec(id)![1]);
  }
  return entries;
}

/**
 * What adds a candidate to `entries`: its comment element with its entry, found from the
 * candidate and its number (null for an id-less linkback), candidates given in document order.
 */
function entryAdder(thread: Element, entries: Map<Element, Entry>): (candidate: Element, id: string | null) => void {
  const byId = new Map<string, Element>();
  return (candidate, id) => {
    if (id === null) {
      entries.set(candidate, { id: linkbackKey(candidate).slice('wp:'.length), idless: true });
      return;
    }
    let el = candidate;
    for (let up = el.parentElement; up && up !== thread && isWrapperOf(up, id); up = up.parentElement) el = up;
    const seen = byId.get(id);
    if (seen) {
      const entry = entries.get(seen)!;
      if (!entry.inner && seen.contains(candidate)) entry.inner = candidate;
      return;
    }
    const entry: Entry = { id };
    if (el.localName === 'dt' && el.nextElementSibling?.localName === 'dd') {
      entry.header = el;
      el = el.nextElementSibling;
    }
    if (el !== candidate && !entry.header) entry.inner = candidate;
    byId.set(id, el);
    entries.set(el, entry);
  };
}

/**
 * The comment elements in subtrees added to a thread with type classes (as a whole read would
 * find them there), each with its entry; null where the added markup joins markup read before:
 * a thread read by ids alone, a wrapper or dt header outside the subtrees, a number read before.
 */
function addedElements(thread: Element, added: AddedSubtrees): Map<Element, Entry> | null {
  if (!typed(thread, 1).length) return null;
  const candidates: Element[] = [];
  for (const root of added.roots) {
    if (isTypedCandidate(root)) candidates.push(root);
    for (const el of toArray(root.querySelectorAll(TYPED_SELECTOR))) if (isTypedCandidate(el)) candidates.push(el);
  }
  const entries = entriesOf(thread, candidates, ID_PATTERN);
  const roots = new Set(added.roots);
  const inside = (el: Element) => {
    for (let up: Element | null = el; up && up !== thread; up = up.parentElement) if (roots.has(up)) return true;
    return false;
  };
  for (const [el, entry] of entries) {
    if (!inside(el) || (entry.header && !inside(entry.header)) || added.known(`wp:${entry.id}`)) return null;
  }
  // A twin of a comment read before (its number again): whole reads merge the two.
  for (const candidate of candidates) if (candidate.id && added.known(`wp:${ID_PATTERN.exec(candidate.id)![1]}`)) return null;
  return entries;
}

// Old custom loops: `dl` of `dt` (number link, name, date) and `dd` (text), no ids at all.
const NUMBERED = /^#(\d+)$/;

/** The `#N` anchor number of a `dt` of such a loop, or undefined. */
function numberOf(dt: Element): string | undefined {
  const href = dt.querySelector('a[href^="#"]')?.getAttribute('href');
  return href ? NUMBERED.exec(href)?.[1] : undefined;
}

/** The `dt`/`dd` pairs of a loop without ids, keyed by the number each `dt` links to. */
function numberedPairs(thread: Element, entries: Map<Element, Entry>): Map<Element, Entry> {
  for (const dt of toArray(thread.querySelectorAll('dl > dt'))) {
    const dd = dt.nextElementSibling;
    const id = dd?.localName === 'dd' ? numberOf(dt) : undefined;
    if (id) entries.set(dd!, { id, header: dt, anchor: `#${id}` });
  }
  return entries;
}

/** The first `dt` of a numbered loop without ids inside the comments area. */
function firstNumbered(doc: Document): Element | null {
  return toArray(doc.querySelectorAll('#comments dl > dt')).find((dt) => dt.nextElementSibling?.localName === 'dd' && numberOf(dt)) ?? null;
}

/**
 * The thread widened to hold the pingbacks and trackbacks some themes list apart, after the
 * reply form, outside the comments area: the nearest element holding both.
 */
function withLinkbacks(doc: Document, thread: Element): Element {
  let widened = thread;
  for (const type of ['pingback', 'trackback']) {
    const live = doc.getElementsByClassName(type);
    for (let i = 0, el = live[0]; el; el = live[++i]) {
      if (widened.contains(el) || !(isComment(el) || isIdlessLinkback(el))) continue;
      while (widened.parentElement && !widened.contains(el)) widened = widened.parentElement;
    }
  }
  return widened;
}

/** Whether `up` is the same comment as its descendant with number `id`: the id-less li.comment, or li#li-comment-N. */
function isWrapperOf(up: Element, id: string): boolean {
  if (!TAGS.has(up.localName)) return false;
  if (up.id) return LOOSE_ID.exec(up.id)?.[1] === id;
  return !!typeOf(up) || DEPTH.test(up.className);
}

const isWordCharacter = (code: number) => isDigit(code) || code === 95 || ((code | 32) >= 97 && (code | 32) <= 122);
/** The depth a depth-N class in a class attribute gives (0 for depth-1), or -1 without one: DEPTH's first match, read without exec's match array. */
function classDepth(classes: string | null): number {
  if (!classes) return -1;
  for (let at = classes.indexOf('depth-'); at >= 0; at = classes.indexOf('depth-', at + 1)) {
    if (at > 0 && isWordCharacter(classes.charCodeAt(at - 1))) continue;
    let end = at + 'depth-'.length;
    let depth = 0;
    for (; end < classes.length && isDigit(classes.charCodeAt(end)); end++) depth = depth * 10 + classes.charCodeAt(end) - 48;
    if (end > at + 'depth-'.length && (end === classes.length || !isWordCharacter(classes.charCodeAt(end)))) return depth - 1;
  }
  return -1;
}

/** The element of the comment with this key (a key this layout made), or null. */
function locateComment(doc: Document, key: string): Element | null {
  const id = key.slice('wp:'.length);
  if (!/^\d+$/.test(id)) return toArray(doc.querySelectorAll('.pingback, .trackback')).find((el) => isIdlessLinkback(el) && linkbackKey(el) === key) ?? null;
  return doc.getElementById(`li-comment-${id}`) ?? doc.getElementById(`comment-${id}`)
    ?? doc.getElementById(`comment_${id}`) ?? doc.getElementById(`com_${id}`) ?? doc.getElementById(`comment_item_${id}`)
    ?? doc.querySelector(`#comments dt a[href="#${id}"]`)?.closest('dt') ?? null;
}

/** The element a whole read places a comment read before at: past the wrappers around its id, a dt's dd. */
function placedElement(thread: Element, comment: ExtractedComment): Element | null {
  let el = locateComment(thread.ownerDocument, comment.key);
  const id = comment.key.slice('wp:'.length);
  for (let up = el?.parentElement; el && up && up !== thread && isWrapperOf(up, id); up = up.parentElement) el = up;
  return el?.localName === 'dt' && el.nextElementSibling?.localName === 'dd' ? el.nextElementSibling : el;
}

/**
 * The link `el` is in (or is), as closest('a') finds it; the parent is looked at first, where
 * themes put a date's link, since a closest call costs several property reads.
 */
function linkAround(el: Element): Element | null {
  if (el.localName === 'a') return el;
  const up = el.parentElement;
  return up && (up.localName === 'a' ? up : up.closest('a'));
}

/**
 * The fields of each comment of `entries` (the whole thread's, or those of added subtrees, read
 * by `readAll` with the thread's roles); pushes each comment's depth class to `depths`, in the
 * order of the comments (every entry gives a comment, so the two stay aligned; an array, not a
 * map by key: a map's string keys cost a hash each, thousands per thread).
 */
function readEntries<T>(
  thread: Element,
  entries: ReadonlyMap<Element, Entry>,
  depths: number[],
  pageUrl: string,
  readAll: (elements: Element[], read: (el: Element, parts: Parts<keyof typeof ROLES>) => CommentFields) => T,
): T {
  const page = pageUrl.split('#')[0];
  let rendered: string | undefined;
  return readAll([...entries.keys()], (el, parts) => {
    const entry = entries.get(el)!;
    const { id, header } = entry;
    const key = `wp:${id}`;
    // One read of the class attribute for the depth and the type.
    const classes = classesOf(header ?? el);
    depths.push(classDepth(classes));
    // A dt's parts are its own; the thread-wide roles would hand them to the enclosing comment.
    // A linkback without markup for its author is named by the link it prints.
    const own = header ?? el;
    let name = header ? header.querySelector(HEADER_NAME) ?? header : parts.name ?? (entry.idless ? el.querySelector('a[href]') : null) ?? null;
    let when = (header ? header.querySelector(HEADER_WHEN) : parts.when) ?? null;
    let label = labelOf(name, when);
    let author = authorName(label);
    // Themes of their own: the comment's first element named like an author line that reads as a name.
    if (!author && !entry.idless) {
      const found = ownMatch(own, el, entries, parts.content, NAME_FALLBACK, (m) => !!authorName(labelOf(m, when)));
      if (found) author = authorName((label = labelOf((name = found), when)));
    }
    let published = readWhen(when) ?? parseDate(label);
    if (!published) {
      const found = ownMatch(own, el, entries, parts.content, DATE_FALLBACK, (m) => !!readWhen(m));
      if (found) published = readWhen((when = found));
    }
    if (!published && header) published = parseDate(textOf(header));
    if (!published && when) published = relativeDate(textOf(when), thread.ownerDocument, (rendered ??= renderedAt(thread.ownerDocument)));
    const href = (when && (linkAround(when) ?? when.querySelector('a[href]')))?.getAttribute('href');
    const body = parts.content ?? entry.inner ?? el;
    return {
      key,
      kind: kindIn(classes) ?? typeOf(entry.inner ?? el) ?? kindFromLabel(label) ?? 'comment',
      author,
      publishedAt: published,
      permalink: entry.idless ? null : (href?.endsWith(`#comment-${id}`) && absoluteUrl(href, page)) || `${page}${entry.anchor ?? `#comment-${id}`}`,
      text: commentText(body, body === el || body === entry.inner, header ? null : name, header ? null : when, entries),
    };
  });
}

/** WordPress's own comment list: html5 and xhtml formats, block themes, custom callbacks and loops. */
export const wordpress = defineLayout({
  name: 'wp',

  findThread(doc) {
    const first = firstComment(doc);
    if (!first) return null;
    const thread = first.closest(AREA_SELECTOR) ?? first.closest(LIST_SELECTOR) ?? first.parentElement!;
    return withLinkbacks(doc, thread);
  },

  keyOf(el) {
    if (isIdlessLinkback(el)) return linkbackKey(el);
    if (TAGS.has(el.localName)) {
      const id = LOOSE_ID.exec(el.id)?.[1];
      return id ? `wp:${id}` : null;
    }
    const dt = el.localName === 'dd' ? el.previousElementSibling : el;
    const id = dt?.localName === 'dt' ? LOOSE_ID.exec(dt.id)?.[1] ?? numberOf(dt) : undefined;
    return id ? `wp:${id}` : null;
  },

  cssSelector(key) {
    const id = key.slice('wp:'.length);
    return /^\d+$/.test(id) ? `#comment-${id}` : null;
  },

  locate: locateComment,

  extract(thread, pageUrl) {
    const entries = commentElements(thread);
    const depths: number[] = [];
    return flattenedDepths(readEntries(thread, entries, depths, pageUrl, (elements, read) => readThread(thread, elements, ROLES, read)), depths);
  },

  extractAdded(thread, added, pageUrl) {
    const entries = addedElements(thread, added);
    if (!entries) return null;
    const depths: number[] = [];
    const holder = (root: Element) => holderOf(added, root, (comment) => placedElement(thread, comment));
    const comments = readEntries(thread, entries, depths, pageUrl, (elements, read) => readAddedThread(thread, { roots: added.roots, holder }, elements, ROLES, read));
    // flattenedDepths moves a comment whose depth class is deeper than its nesting under an
    // earlier comment, which may be one read before: only the whole thread can tell.
    if (!comments || comments.some((c, i) => depths[i] > c.depth)) return null;
    return comments;
  },
});
