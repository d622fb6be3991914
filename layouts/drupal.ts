import { absoluteUrl, blockText, foldSpace, parseDate, textOf } from './text';
import { readThread, type Parts } from './thread';
import { defineLayout } from './types';

// Drupal 6/7 print an empty `a#comment-N` right before a `div.comment` without id; Drupal 8+
// print `article#comment-N` (older 8.x: anchor, then an article with data-comment-user-id).
// Replies are not inside their parent: they follow it in a sibling `div.indented`.
const ANCHOR_ID = /^comment-(\d+)$/;
const MARKS = 'a[id^="comment-"], article[id^="comment-"]';
const THREAD = '#comments, .comment-wrapper, #comment-wrapper, section.comments, .field--type-comment, .field-type-comment';

const ROLES = {
  name: ['.username', '.comment__author', '.comment-author', '.commenter-name', '.user', '.author', '.submitted', '.comment__submitted'],
  when: ['time[datetime]', '[property~="dc:date"][content]', '.comment__time', '.submitted', '.comment__submitted', '.time', '.comment-date', '.date', '.created'],
  body: ['.field--name-comment-body', '.field-name-comment-body', '.comment-body', '.comment-content', '.comment__content', '.comment-text', '.content'],
  subject: ['h3 a[href*="#comment-"]', 'h3.comment-title', 'h3.title', 'h2.comment-title'],
} as const;
type Role = keyof typeof ROLES;

// Headers, footers, bylines and link lists around the text; nested replies in themes that keep them inside.
const FURNITURE = [
  'h2', 'h3', 'h4', 'header', 'footer', 'mark', '.new', '.submitted', '.user-picture', '.picture', '.avatar',
  '.links', '.comment-header', '.comment-footer', '.comment__meta', '.username', '.permalink', '.parent', '.visually-hidden',
  '.element-invisible', '.indented', '.comment', '.user-signature',
].join(', ');
const isFurniture = (el: Element) => el.matches(FURNITURE);

// "Submitted by NAME on DATE", "DATE — NAME", "NAME says:"; names end before these.
const SUBMITTED_BY = /^\s*(?:submitted\s+by|posted\s+by|eingereicht\s+von|verfasst\s+von|by|von)\s+(.+?)\s+(?:on|at|am|um)\s+\S.*$/i;
const DATE_DASH_NAME = /^.*\d\s+[—–-]\s+(.+)$/;
const NOT_A_NAME = /\s*(?:\((?:not verified|nicht überprüft)\)|says:?|sagt:?)\s*$/i;

/** The author's name from a name element or a whole "submitted" line. */
function readName(el: Element | undefined): string | null {
  if (!el) return null;
  if (el.matches('.submitted')) {
    const link = el.querySelector('.username, a[href*="/user"]');
    if (link) return textOf(link);
  }
  let text = foldSpace(el.textContent ?? '');
  text = SUBMITTED_BY.exec(text)?.[1] ?? DATE_DASH_NAME.exec(text)?.[1] ?? text;
  for (let before = ''; before !== text; ) text = (before = text).replace(NOT_A_NAME, '');
  // A "submitted" line holding only the date leaves a time, not a name.
  return /\p{L}/u.test(text) ? text : null;
}

const ISO_SPACE = /(\d{4})-(\d{2})-(\d{2})[ T,]+(\d{1,2}):(\d{2})/;
// Drupal's default medium format is US order: "Mon, 10/15/2012 - 14:23".
const US_NUMERIC = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\D{1,5}(\d{1,2}):(\d{2})(?:\s*([ap]m))?)?/i;
const pad = (n: string | number) => String(n).padStart(2, '0');

/** A comment's time: machine values first, then Drupal's date formats, then the shared parser. */
function readDate(el: Element | undefined): string | null {
  if (!el) return null;
  const machine = el.getAttribute('datetime') ?? el.getAttribute('content');
  if (machine) return parseDate(machine);
  const text = foldSpace(el.textContent ?? '');
  const iso = ISO_SPACE.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T${pad(iso[4])}:${iso[5]}:00`;
  const us = US_NUMERIC.exec(text);
  if (us && Number(us[1]) <= 12 && Number(us[2]) <= 31) {
    let hour = Number(us[4] ?? 0);
    if (us[6]) hour = (hour % 12) + (us[6].toLowerCase() === 'pm' ? 12 : 0);
    return `${us[3]}-${pad(us[1])}-${pad(us[2])}T${pad(hour)}:${us[5] ?? '00'}:00`;
  }
  // "Nov 06 2012 | 3:15 pm": the shared parser reads the date and time once the bar is gone.
  return parseDate(text.replace(/\s+[|–—-]\s+/g, ' '));
}

const BLOCKS = new Set(['div', 'article', 'section']);
// Drupal 8+ marks its comment articles; a bare article#comment-N is also WordPress's Twenty Eleven.
const isDrupalArticle = (el: Element) => el.localName === 'article'
  && (el.hasAttribute('data-comment-user-id') || el.classList.contains('js-comment') || /Comment/.test(el.getAttribute('typeof') ?? ''));

/** The comment element an id-carrying mark stands for: the article itself, or the block after an anchor. */
function commentOf(mark: Element): Element | null {
  if (mark.localName === 'article') return isDrupalArticle(mark) ? mark : null;
  const next = mark.nextElementSibling;
  if (!next) return null;
  // After core's anchor, any block classed "comment" is one (Zen and other HTML5 themes use article).
  return (BLOCKS.has(next.localName) && next.classList.contains('comment')) || isDrupalArticle(next) ? next : null;
}

/** The comment number of a Drupal comment element, from its id or the anchor before it. */
function numberOf(el: Element): string | null {
  const own = ANCHOR_ID.exec(el.id)?.[1];
  if (own) return own;
  const before = el.previousElementSibling;
  return before?.localName === 'a' ? ANCHOR_ID.exec(before.id)?.[1] ?? null : null;
}

/** The comments in `root`, in page order, each once. */
function commentsIn(root: Document | Element): Element[] {
  const found = new Set<Element>();
  for (const mark of Array.from(root.querySelectorAll(MARKS))) {
    const el = commentOf(mark);
    if (el && numberOf(el)) found.add(el);
  }
  return [...found];
}

/** The comment a reply answers: the one before its `div.indented`, or one that holds it. */
function parentOf(el: Element, comments: Set<Element>, thread: Element): Element | null {
  for (let box = el.parentElement; box && box !== thread; box = box.parentElement) {
    if (comments.has(box)) return box;
    if (!box.classList.contains('indented')) continue;
    for (let prev = box.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (comments.has(prev)) return prev;
      if (prev.classList.contains('indented')) break;
    }
  }
  return null;
}

/** The subject when the commenter wrote it; Drupal's own subjects are the text's first words. */
function ownSubject(parts: Parts<Role>, text: string): string | null {
  const subject = textOf(parts.subject)?.replace(/(?:…|\.\.\.)$/, '').trim();
  if (!subject || /^re:?$/i.test(subject)) return null;
  // Drupal strips the tags (and so some spaces) before cutting: compare without whitespace.
  const squeeze = (value: string) => value.replace(/\s+/g, '').toLowerCase();
  return squeeze(text).startsWith(squeeze(subject)) ? null : subject;
}

// Detection runs on every page: look at the first blocks of a class collection (answered natively,
// unlike an attribute-prefix query over the whole page, which cost ~10 ms on a 12 MB page).
const SCAN = 200;

/** The first Drupal comment on the page: a block classed `comment` (or `js-comment`) that core's markup marks as one. */
function firstComment(doc: Document): Element | null {
  for (const name of ['comment', 'js-comment']) {
    const live = doc.getElementsByClassName(name);
    for (let i = 0; i < live.length && i < SCAN; i++) {
      const el = live[i];
      const before = el.previousElementSibling;
      const marked = (el.localName === 'article' && commentOf(el) === el) || (before?.localName === 'a' && commentOf(before) === el);
      if (marked && numberOf(el)) return el;
    }
  }
  return null;
}

/** Drupal 6–11 core comments: anchors before `div.comment`, or `article.comment`; replies in `div.indented`. */
export const drupal = defineLayout({
  name: 'drupal',

  findThread(doc) {
    const first = firstComment(doc);
    if (!first) return null;
    const box = first.closest(THREAD);
    if (box) return box;
    let top = first.parentElement;
    while (top?.classList.contains('indented') && top.parentElement) top = top.parentElement;
    return top;
  },

  keyOf(el) {
    if (!BLOCKS.has(el.localName)) return null;
    const before = el.previousElementSibling;
    const anchored = before?.localName === 'a' && commentOf(before) === el;
    const own = el.localName === 'article' && commentOf(el) === el;
    const id = anchored || own ? numberOf(el) : null;
    return id ? `drupal:${id}` : null;
  },

  cssSelector(key) {
    const id = key.slice('drupal:'.length);
    return /^\d+$/.test(id) ? `#comment-${id} + .comment, article#comment-${id}` : null;
  },

  locate(doc, key) {
    const mark = doc.getElementById(`comment-${key.slice('drupal:'.length)}`);
    return mark ? commentOf(mark) : null;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = commentsIn(thread);
    const all = new Set(elements);
    const comments = readThread(thread, elements, ROLES, (el, parts) => {
      const id = numberOf(el)!;
      const body = parts.body ?? el;
      const text = blockText(body, isFurniture);
      const subject = ownSubject(parts, text);
      const href = parts.subject?.getAttribute('href') ?? el.querySelector('a.permalink')?.getAttribute('href');
      return {
        key: `drupal:${id}`,
        kind: 'comment',
        author: readName(parts.name),
        publishedAt: readDate(parts.when),
        permalink: (href?.endsWith(`#comment-${id}`) && absoluteUrl(href, page)) || `${page}#comment-${id}`,
        text: subject ? `${subject}\n\n${text}` : text,
      };
    });
    // Nesting by ancestry misses div.indented, which is a sibling of its parent: place replies here.
    const byElement = new Map(elements.map((el, i) => [el, comments[i]]));
    for (const el of elements) {
      const parent = parentOf(el, all, thread);
      const comment = byElement.get(el)!;
      const parentComment = parent ? byElement.get(parent) : undefined;
      comment.parentKey = parentComment?.key ?? null;
      comment.depth = parentComment ? parentComment.depth + 1 : 0;
    }
    return comments;
  },
});
