import { blockText, foldSpace, monthOf, parseDate, textOf } from './text';
import type { CommentKind } from './types';

// Reading a WordPress comment's fields out of what themes print around them. Themes of every era
// put the date, "says:" and a reply link in the author line, and furniture among the text.

/** Classes of the author line, date line, reply link, avatar and comment tools (share, rate, report) that sit among a comment's text. */
const FURNITURE_CLASS = /(?:^|\s)(?:comment[-_](?:author|meta|metadata|info|head|header|date|time|num|number|awaiting-moderation|reply-link|edit-link|edit)|comment[-_](?:tools|actions|sharing|share|rating|votes?|likes?)[\w-]*|commentmetadata|reply|says|edit-link|avatar|vcard|sharedaddy)(?:\s|$)/;

const WEEKDAY = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$/;
// A word that starts a date: "12." or "12th" before a month, a month before a day, "16.03.2016", "2012/10/12", "5:49".
const NUMERIC_DATE = /^\d{1,4}[./:-]\d/;

/** Whether a date starts at word `i` of an author line (`words` lower-cased, trailing dots and commas off). */
function startsDate(words: readonly string[], i: number): boolean {
  const word = words[i];
  const next = words[i + 1] ?? '';
  if (WEEKDAY.test(word) || NUMERIC_DATE.test(word)) return true;
  if (/^\d/.test(next) && monthOf(word)) return true;
  return /^\d{1,2}(?:st|nd|rd|th|er)?$/.test(word) && (!!monthOf(next) || (next === 'de' && !!monthOf(words[i + 2] ?? '')));
}

/** Where a date starts among the words of an author line after its first, or -1. */
function dateStart(words: readonly string[]): number {
  for (let i = 1; i < words.length; i++) if (startsDate(words, i)) return i;
  return -1;
}
const SAYS = /\s+(?:says|said|sagt|schreibt|meint|wrote|schrieb)\s*[:,]?\s*$/i;
const TRAILING = /[\s\-–—|·•:,@#]*(?:\b(?:reply|antworten|répondre|responder|rispondi|beantwoorden|on|am|at|um|le|el|il|op|posted|geschrieben|permalink)\b)?[\s\-–—|·•:,@#]*$/i;
const LINKBACK = /^(pingback|trackback)\b/i;
// Digits count only where they could start a date or time ("19. Juni", "12th", "5:49", "2012", "3 days"), so "Reader 17" and
// "Reader 1306" stay on the fast path. Two plain expressions: one case-insensitive Unicode expression is several times slower.
const MAYBE_DATE = /\d[./:-]|\d(?:st|nd|rd|th|er)\b|\b(?:19|20)\d\d\b|\d\s+[^\s\d]|^#?\d/i;
const MAYBE_FURNITURE = /\b(?:says|said|sagt|schreibt|meint|wrote|schrieb|reply|antworten|répondre|responder|rispondi|beantwoorden|by|von|de|di|door|on|am|at|um|le|el|il|op|posted|geschrieben|permalink)\b|[-–—|·•:,@#]\s*$/i;

/**
 * The commenter's name from an author line: no "Comment by", no leading number, no date or
 * time, no "says:", no reply link ("Ben 19. Juni 2018 um 15:28 Uhr - Antworten" → "Ben").
 */
export function authorName(label: string | null): string | null {
  if (!label) return null;
  // Most author lines are a bare name: no digit (no date), no furniture word, no trailing mark.
  if (!MAYBE_DATE.test(label) && !MAYBE_FURNITURE.test(label)) return label;
  let name = label.replace(/^(?:(?:comment|pingback|trackback|kommentar|posted)\s+)?(?:by|von|de|di|door)\s+/i, '').replace(/^#?\d+\.\s+(?=\S)/, '');
  const words = name.split(' ');
  const lower = words.map((word) => word.toLowerCase().replace(/[.,]+$/, ''));
  // A line that opens with a date holds no name before it.
  if (startsDate(lower, 0)) return null;
  const date = dateStart(lower);
  if (date > 0) name = words.slice(0, date).join(' ');
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(SAYS, '').replace(TRAILING, '');
  }
  return name.trim() || null;
}

/** A pingback or trackback told by its author line ("Pingback: …", "Trackback by …"), else undefined. */
export function kindFromLabel(label: string | null): CommentKind | undefined {
  const match = label ? LINKBACK.exec(label) : null;
  return match ? (match[1].toLowerCase() as CommentKind) : undefined;
}

/** Text without a first line that is only "Says:" (Kubrick prints it loose after the author). */
function leadingSays(text: string): string {
  return text.replace(/^(?:says|said|sagt|schreibt|meint|wrote)\s*[:,]?\s*(?:\n+|$)/i, '');
}

/**
 * What "3 days ago" counts back from: when the page was rendered (`document.lastModified`, the
 * browser's local time), or '' where that is unknown (saved pages read in Node).
 */
export function renderedAt(doc: Document): string {
  const rendered = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec((doc as { lastModified?: string }).lastModified ?? '');
  return rendered ? `${rendered[3]}-${rendered[1]}-${rendered[2]}T${rendered[4]}:${rendered[5]}:${rendered[6]}` : '';
}

const DAY_MS = 864e5;

/** A relative date read against the render time, or null when it would come before the article itself (a cached or re-saved page). */
export function relativeDate(text: string | null, doc: Document, rendered: string): string | null {
  const date = rendered ? parseDate(text, rendered) : null;
  const article = doc.querySelector('meta[property="article:published_time"], meta[itemprop="datePublished"]')?.getAttribute('content')
    ?? doc.querySelector('time.entry-date[datetime], time.published[datetime]')?.getAttribute('datetime');
  const local = (iso: string) => Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
  return date && article && local(date) < local(article) - DAY_MS ? null : date;
}

/** Reply lists: WordPress's ul/ol.children, a block theme's bare ol, Thesis' dl.children. */
export const isReplies = (el: Element) => el.classList.contains('children') || el.localName === 'ol' || el.localName === 'ul' || el.localName === 'dl';
const isFurniture = (el: Element) => el.className !== '' && FURNITURE_CLASS.test(el.className);

// Last resorts for themes of their own, queried only for comments the roles left without a
// usable name or date: class names that say what the element holds.
/** Where a theme of its own may keep the author line. */
export const NAME_FALLBACK = ['[class*="author" i]', '[class*="name" i]', '[class*="user" i]', '[class*="meta" i]', '[class*="citation" i]', '.url'];
/** Where a theme of its own may keep the date. */
export const DATE_FALLBACK = ['[class*="date" i]', '[class*="time" i]', '[class*="meta" i]', '[class*="citation" i]', 'abbr[title]'];

/** The author line's text; where the theme puts the date inside it, what comes before the date (or after, when the date comes first). */
export function labelOf(name: Element | null, when: Element | null): string | null {
  const label = textOf(name);
  // Most names are a bare element of text: no child element, so no date inside (contains walks the whole way up).
  const date = when && label && (name === when || (name!.firstElementChild !== null && name!.contains(when))) ? textOf(when) : null;
  const at = date ? label!.indexOf(date) : -1;
  if (at < 0) return label;
  return (at > 0 ? label!.slice(0, at) : label!.slice(date!.length)).trim() || null;
}

/**
 * The first element under `root` matching one of `selectors` (in that order of preference)
 * that belongs to comment `el` itself (not a reply, not its text) and that `accept`s.
 */
export function ownMatch(root: Element, el: Element, entries: ReadonlyMap<Element, unknown>, content: Element | undefined, selectors: readonly string[], accept: (m: Element) => boolean): Element | null {
  for (const selector of selectors) {
    const matches = root.querySelectorAll(selector);
    for (let i = 0; i < matches.length && i < 8; i++) {
      const m = matches[i];
      if (entries.has(m) || content?.contains(m)) continue;
      let up = m.parentElement;
      while (up && up !== el && !entries.has(up)) up = up.parentElement;
      if ((up === el || root !== el) && accept(m)) return m;
    }
  }
  return null;
}

/** The date of a comment's date element: machine-readable attributes first, then its words. */
export function readWhen(when: Element | null | undefined): string | null {
  if (!when) return null;
  // getAttribute, not the reflected dateTime: Chromium answers it twice as fast (10,000 time elements: 2.9-3.3 against 5.5-5.8 ms).
  if (when.localName === 'time') return parseDate(when.getAttribute('datetime')) ?? parseDate(when.textContent);
  const machine = when.querySelector('time[datetime], [itemprop="datePublished"], [itemprop="commentTime"]');
  const attribute = machine?.getAttribute('datetime') ?? machine?.getAttribute('content') ?? when.getAttribute('title') ?? when.querySelector('[title]')?.getAttribute('title');
  return parseDate(attribute) ?? parseDate(when.textContent);
}

// commentText's skip test and what it reads, module-level rather than a closure and an array
// per comment: thousands per thread, and they were a good part of extraction's garbage.
const meta: Element[] = [];
const NO_COMMENTS: ReadonlyMap<Element, unknown> = new Map();
let comments = NO_COMMENTS;
let skipReplies = false;
const skipInText = (child: Element) => (meta.length > 0 && meta.includes(child)) || isFurniture(child) || comments.has(child) || (skipReplies && isReplies(child));

/** Adds an author line or date `part` of a comment to the elements its text leaves out, with a paragraph in `body` holding only it. */
function addMeta(body: Element, part: Element | null): void {
  if (!part) return;
  // Parts outside `body` (most of them: the author line sits above the text) are never met in
  // its walk, so they go in unchecked: body.contains climbs from the part to the document's root.
  meta.push(part);
  const up = part.parentElement;
  if (up && up !== body && up.localName === 'p' && foldSpace(up.textContent ?? '') === foldSpace(part.textContent ?? '')) meta.push(up);
}

/**
 * The comment's own text in `body`, without the author line and date (`name` and `when`, and a
 * paragraph that holds only one of them: "Classic"'s "Comment by NAME — date"), furniture (author
 * line, reply link, tools, some themes keep even inside the content wrapper) and replies: the
 * elements of `commentElements` wherever they sit, and reply lists where `body` is the comment element itself.
 */
export function commentText(body: Element, holdsReplies: boolean, name: Element | null, when: Element | null, commentElements: ReadonlyMap<Element, unknown>): string {
  meta.length = 0;
  addMeta(body, name);
  addMeta(body, when);
  comments = commentElements;
  skipReplies = holdsReplies;
  try {
    const text = blockText(body, skipInText);
    return holdsReplies ? leadingSays(text) : text;
  } finally {
    meta.length = 0;
    comments = NO_COMMENTS;
  }
}

/**
 * Themes that print deep replies flat (WordPress.com's dl lists, depth over the limit) still
 * class them `depth-N`: where that says deeper than the nesting, the parent is the last
 * comment one level up. `depths[i]` is the depth class of `comments[i]` (-1 without one).
 */
export function flattenedDepths<C extends { key: string; parentKey: string | null; depth: number }>(comments: C[], depths: readonly number[]): C[] {
  const last: C[] = [];
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i];
    const depth = depths[i];
    if (depth < 0) continue;
    const parent = last[depth - 1];
    if (depth > c.depth && parent) {
      c.parentKey = parent.key;
      c.depth = parent.depth + 1;
    }
    last[depth] = c;
    last.length = depth + 1;
  }
  return comments;
}
