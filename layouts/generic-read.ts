import { metaLine, metaSide } from './generic-detect';
import { AUTHOR, DATE_TEXT, INLINE } from './generic-words';
import { absoluteUrl, blockText, foldSpace, parseDate, textHash } from './text';
import type { ExtractedComment } from './types';

// Reads the blocks of a thread found by the generic detector (or picked by the reader): each
// block's author and date come from queries over the whole thread handed to their nearest block,
// so the cost grows with the thread, not with blocks × subtree size.

const DATE = ['time', '[datetime]', '[class*="date" i]', '[class*="time" i]', '[title]'];
/** Classes of a block's furniture: vote counts, reply/share/report links, avatars, toolbars. */
const FURNITURE = /(^|[-_\s])(meta|reply|replies|actions?|footer|avatar|votes?|likes?|share|sharing|toolbar|tools|menu|buttons?|btn|links|flag|report|rating|score|hidden|hide|sig-?pic|permalink|says)([-_\s]|$)/i;
const HIDDEN_STYLE = /display:\s*none|visibility:\s*hidden/i;
const FURNITURE_TAGS = new Set(['img', 'nav', 'footer', 'header', 'input', 'select', 'textarea', 'iframe', 'object']);
/** Depth written as a class, for flat lists that indent replies ("depth-2", "level-3", "indent-1"). */
const DEPTH_CLASS = /(?:^|\s)[\w-]*?(?:depth|level|indent)[-_]?(\d{1,2})(?:\s|$)/i;
const AUTHOR_NOISE = /^\s*(posted\s+by|written\s+by|by|von|par|por)\b:?\s*|\s*(says|said|wrote|writes|schreibt|sagt|a écrit|dice)\s*[:,]?\s*$|\s*\(\d+\)\s*$|:\s*$/gi;

/** The key of a block with a usable id; blocks without one are keyed by their text's hash. */
export const idKey = (el: Element) => (el.id && !/\s/.test(el.id) ? `generic:${el.id}` : null);

/** Link and badge labels that sit where a name would: never a name themselves. */
const LABEL = /^(#.*|\d+|https?:\/\/\S*|www\.\S*|homepage|home page|website|web|journal|profile|contact|blog|permalink|link|reply|antworten|répondre|responder|quote|report|author|admin|moderator)$/i;

/** The most text a box around an author's name holds (name, badges, a tagline, a fan count). */
const AUTHOR_BOX = 160;

/** An element's text as a name, or null when it is no name (too long, a date, a link label). */
function nameOf(el: Element): string | null {
  const text = foldSpace(el.textContent ?? '');
  if (!text || text.length > 60 || DATE_TEXT.test(text)) return null;
  const name = text.replace(AUTHOR_NOISE, '').replace(AUTHOR_NOISE, '').trim();
  return name && !LABEL.test(name) ? name : null;
}

/**
 * An author element's name. A box around the name (badges, fan counts, a tagline) usually links
 * the name itself: the first link that reads as a name wins, else the box's own text.
 */
function authorName(el: Element): string | null {
  // A longer box holds more than a name and its badges: the comment itself, named by an "author" class.
  if (el.localName !== 'a' && (el.textContent ?? '').length > AUTHOR_BOX) return null;
  if (el.localName !== 'a') {
    for (const link of Array.from(el.querySelectorAll('a'))) {
      const name = nameOf(link);
      if (name) return name;
    }
  }
  return nameOf(el);
}

/** A date element's machine time, or its text when that looks like a date; null otherwise. */
function dateValue(el: Element): string | null {
  const machine = el.getAttribute('datetime') ?? el.getAttribute('data-datetime');
  if (machine) return machine;
  const title = el.getAttribute('title');
  if (title && DATE_TEXT.test(title) && title.length < 80) return title;
  const stamp = Number(el.getAttribute('data-timestamp') ?? el.getAttribute('data-utime') ?? NaN);
  if (stamp > 1e9) return new Date(stamp < 1e11 ? stamp * 1000 : stamp).toISOString();
  const text = foldSpace(el.textContent ?? '');
  return text.length <= 80 && DATE_TEXT.test(text) ? text : null;
}

interface Parts {
  author?: Element;
  name?: string;
  date?: Element;
  time?: string;
}

/** The nearest block holding `start` (itself excluded), below `thread`. */
function ownerOf(start: Element, parts: Map<Element, Parts>, thread: Element): Parts | undefined {
  for (let el = start.parentElement; el && el !== thread; el = el.parentElement) {
    const own = parts.get(el);
    if (own) return own;
  }
  return undefined;
}

/** Every block's first valid author and date element, from one query per selector over the thread. */
function findParts(thread: Element, members: readonly Element[]): Map<Element, Parts> {
  const parts = new Map<Element, Parts>();
  for (const el of members) parts.set(el, {});
  const assign = (selector: string, role: 'author' | 'date') => {
    const found = thread.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) {
      if (parts.has(found[i])) continue; // a block whose own class names an author or a time
      const own = ownerOf(found[i], parts, thread);
      if (!own || own[role]) continue;
      if (role === 'author') {
        const name = authorName(found[i]);
        if (name) Object.assign(own, { author: found[i], name });
      } else {
        const time = dateValue(found[i]);
        if (time) Object.assign(own, { date: found[i], time });
      }
    }
  };
  for (const selector of AUTHOR.split(', ')) assign(selector, 'author');
  for (const selector of DATE) assign(selector, 'date');
  return parts;
}

/** What is left of a byline once its name and date are taken out (a lone "by", "says:", a bar), and a lone reply link. */
const LEFTOVER = /^(by|von|par|por|posted by:?|says:?|schreibt:?|reply|antworten|répondre|responder|[-—|·])$\n*/gim;
const classOf = (el: Element) => el.getAttribute('class') ?? '';
/** How much of a block is searched for its byline, and how long a byline may be. */
const BYLINE_ELEMENTS = 120;
const BYLINE_CHARS = 150;
const BYLINE_WORDS = /(^|\s)(by|von|par|por|posted)\b|\|/i;

/**
 * A block without a date element may still have a byline: a short line with a date and a link or
 * "by" ("Posted by: <a>Ann</a> on Oct 31, 2012", "October 11, 2012 | <a>Eve</a>"). It becomes the
 * block's date (left out of the text), and its link or "by" words give the author when none was found.
 */
function readByline(block: Element, own: Parts, parts: Map<Element, Parts>): void {
  let seen = 0;
  let line: Element | null = null;
  const visit = (node: Element): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && node !== block && DATE_TEXT.test(c.nodeValue!)) {
        line = bylineOf(node, block);
        if (line) return false;
      } else if (c.nodeType === 1 && !parts.has(c as Element) && (++seen >= BYLINE_ELEMENTS || !visit(c as Element))) return false;
    }
    return true;
  };
  visit(block);
  if (!line) return;
  const found: Element = line;
  const text = foldSpace(found.textContent ?? '');
  own.date = found;
  own.time = text;
  const link = found.querySelector('a');
  const name = link && authorName(link);
  const by = /\bby:?\s+(.{1,60}?)\s+(?:at|on|am|le|el|[|,·–-])\s/i.exec(text)?.[1];
  if (!own.name && (name || by)) own.name = name ?? by;
}

/** The byline around a date's own element: up through parents whose other children are inline, if short and with a link or "by". */
function bylineOf(start: Element, block: Element): Element | null {
  let line = start;
  while (line.parentElement && line.parentElement !== block && Array.from(line.parentElement.children).every((k) => k === line || INLINE.has(k.localName))) line = line.parentElement;
  const text = foldSpace(line.textContent ?? '');
  return text.length <= BYLINE_CHARS && (BYLINE_WORDS.test(text) || !!line.querySelector('a')) ? line : null;
}

/**
 * Reads blocks into comments, in order: fields, keys unique on the page, parents from nesting or
 * depth classes. Empty blocks are left out; `elements` receives the element of each comment.
 */
export function readBlocks(thread: Element, members: readonly Element[], pageUrl: string, elements: Element[] = []): ExtractedComment[] {
  const parts = findParts(thread, members);
  const byElement = new Map<Element, ExtractedComment>();
  const seen = new Map<string, number>();
  const levels = members.map((el) => Number(DEPTH_CLASS.exec(classOf(el))?.[1] ?? NaN));
  const base = Math.min(...levels.filter((n) => !Number.isNaN(n)));
  const lastAtLevel: ExtractedComment[] = [];
  const comments: ExtractedComment[] = [];
  const side = members.length ? metaSide(members[0]) : 'after';
  members.forEach((el, index) => {
    const own = parts.get(el)!;
    if (!own.date) {
      const meta = metaLine(el, side);
      if (meta) Object.assign(own, { time: meta.time, name: own.name ?? meta.name ?? undefined });
    }
    if (!own.date) readByline(el, own, parts);
    const text = blockText(el, (node) => parts.has(node) || node === own.author || node === own.date
      || FURNITURE_TAGS.has(node.localName) || FURNITURE.test(classOf(node)) || node.hasAttribute('hidden') || HIDDEN_STYLE.test(node.getAttribute('style') ?? ''))
      .replace(LEFTOVER, '').trim();
    if (!text && !own.name) return; // a spacer or an anchor among the blocks
    let key = idKey(el) ?? `generic:h${textHash(text)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}-${n}`; // the same text twice ("+1"): keys stay unique, in order
    const nest = nestingParent(el, byElement, thread);
    const level = levels[index] - base;
    const parent = nest ?? (level > 0 ? lastAtLevel[level - 1] : undefined);
    const anchor = own.date?.closest('a') ?? own.date?.querySelector('a');
    const comment: ExtractedComment = {
      key, parentKey: parent?.key ?? null, depth: parent ? parent.depth + 1 : 0, kind: 'comment',
      author: own.name ?? null, publishedAt: parseDate(own.time),
      permalink: el.id ? `${pageUrl.split('#')[0]}#${el.id}` : absoluteUrl(anchor?.getAttribute('href'), pageUrl), text,
    };
    if (!Number.isNaN(level)) {
      lastAtLevel[comment.depth] = comment;
      lastAtLevel.length = comment.depth + 1;
    }
    byElement.set(el, comment);
    comments.push(comment);
    elements.push(el);
  });
  return comments;
}

function nestingParent(el: Element, placed: Map<Element, ExtractedComment>, thread: Element): ExtractedComment | undefined {
  for (let p = el.parentElement; p && p !== thread; p = p.parentElement) {
    const found = placed.get(p);
    if (found) return found;
  }
  return undefined;
}
