import { absoluteUrl, blockText, foldSpace, parseDate, textOf } from './text';
import { readThread, toArray, type CommentFields } from './thread';
import { defineLayout, type ExtractedComment } from './types';

// TypePad and Movable Type share one comment vocabulary: `div.comment#comment-{id}` (TypePad: 34
// hex digits; MT: a number), the text in `.comment-content`, and a byline "Posted by: NAME | DATE"
// (TypePad's `.comment-footer`, MT's `.comment-header .byline`). Older TypePad templates print no
// box at all: an anchor `a#c{id}`, the comment's paragraphs, then `p.posted` with the byline
// (Movable Type 3: the same in a `div.comments-body` per comment, the byline `.comments-post`).
const BOX_ID = /^(?:comment-|c)([0-9a-f]{30,}|\d+)$/;
const ANCHOR_ID = /^c([0-9a-f]{30,}|\d+)$/;
const HEX = /^[0-9a-f]{30,}$/;
const POSTED_BY = /^(?:posted|written|geschrieben|verfasst)\s+(?:by|von)\s*:?\s*/i;
const BYLINE_WORDS = /\bposted by\b|\breplied to\b/i;
const REPLY = /\b(?:in reply to|replied to|reply to|als antwort auf|antwort auf)\b/i;
const ROLES = {
  content: ['.comment-content', '.comment-body'],
  byline: ['.comment-footer', '.comment-byline', '.byline', '.comment-header', '.posted'],
  author: ['.author'],
  published: ['abbr.published', 'time[datetime]', 'abbr[title]'],
} as const;

/**
 * True when `el` is a TypePad or MT comment box. A numbered box must show MT's byline ("Posted
 * by", "replied to", a vcard author or abbr.published): WordPress callbacks print numbered
 * `div.comment` boxes too, with `depth-N` classes and footers like "DATE | Reply".
 */
function isBox(el: Element): boolean {
  const id = BOX_ID.exec(el.id)?.[1];
  if (!id || el.localName === 'li' || /\bdepth-\d/.test(el.className)) return false;
  if (HEX.test(id)) return true;
  const byline = el.querySelector('.comment-footer, .comment-byline, .byline, .posted');
  return !!byline && (BYLINE_WORDS.test(byline.textContent ?? '') || !!byline.querySelector('abbr.published, .author'));
}

/** True for an old-style byline element (`p.posted`, MT 3's `.comments-post`), whatever its text. */
const isBylineBlock = (el: Element) => el.classList.contains('posted') || el.classList.contains('comments-post');

/** True for an old-style byline that reads "Posted by: NAME | DATE". */
function isPostedLine(el: Element): boolean {
  return isBylineBlock(el) && POSTED_BY.test(foldSpace(el.textContent ?? ''));
}

/** The comment anchors of the old flat list: `a#c{id}`, each followed by its byline. */
function flatAnchors(list: Element): Element[] {
  return toArray(list.querySelectorAll('a[id]')).filter((a) => ANCHOR_ID.test(a.id) && flatBody(a).byline);
}

const isAnchor = (el: Element | null): boolean => !!el && el.localName === 'a' && ANCHOR_ID.test(el.id);

/** The byline block among `el`'s children (MT 3 wraps a comment's text and byline in a div). */
function childByline(el: Element): Element | null {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (isBylineBlock(child)) return child;
  return null;
}

/**
 * The elements of a flat comment after its anchor: its text blocks and its byline (or null).
 * They are the anchor's next siblings up to the byline, or the children of the wrapper right after it.
 */
function flatBody(anchor: Element): { blocks: Element[]; byline: Element | null } {
  const next = anchor.nextElementSibling;
  const wrapped = next && !isBylineBlock(next) ? childByline(next) : null;
  if (next && wrapped) return { blocks: Array.from(next.children).filter((child) => child !== wrapped), byline: wrapped };
  const blocks: Element[] = [];
  for (let el = next; el; el = el.nextElementSibling) {
    if (isAnchor(el)) break;
    if (isBylineBlock(el)) return { blocks, byline: el };
    blocks.push(el);
  }
  return { blocks, byline: null };
}

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const TIME = String.raw`(?:,? (?:at |um )?(\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp]\.?[Mm]\.?)?)?`;
const MONTH_FIRST = new RegExp(String.raw`\b([A-Za-z]{3,})\.? (\d{1,2}),? (\d{4})${TIME}`);
const DAY_FIRST = new RegExp(String.raw`\b(\d{1,2})\.? ([A-Za-z]{3,})\.?,? (\d{4})${TIME}`);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * TypePad's visible dates, which parseDate does not read: seconds ("Apr 6, 2007 1:11:01 PM") and
 * day first in English ("Thursday, 01 December 2005 at 01:09 PM"). Local time, as printed.
 */
export function typepadDate(text: string | null | undefined): string | null {
  const folded = foldSpace(text ?? '');
  const m = MONTH_FIRST.exec(folded);
  const d = m ? null : DAY_FIRST.exec(folded);
  const [month, day, year] = m ? [m[1], m[2], m[3]] : d ? [d[2], d[1], d[3]] : [];
  const time = (m ?? d)?.slice(4) ?? [];
  const index = month && month.length >= 3 ? MONTHS.indexOf(month.slice(0, 3).toLowerCase()) : -1;
  if (index < 0 || index % 3 || !year) return null;
  let hour = Number(time[0] ?? 0);
  if (time[3]) hour = (hour % 12) + (/^p/i.test(time[3]) ? 12 : 0);
  const [mi, s] = [Number(time[1] ?? 0), Number(time[2] ?? 0)];
  if (Number(day) < 1 || Number(day) > 31 || hour > 23 || mi > 59 || s > 59) return null;
  return `${year}-${pad(index / 3 + 1)}-${pad(Number(day))}T${pad(hour)}:${pad(mi)}:${pad(s)}`;
}

/** Author and visible date from a byline: "Posted by: NAME | DATE", "NAME replied to … | DATE", "Posted by NAME on DATE". */
function readByline(byline: Element | undefined | null, id: string): { author: string | null; date: string | null; link: Element | null } {
  if (!byline) return { author: null, date: null, link: null };
  const text = foldSpace(byline.textContent ?? '').replace(POSTED_BY, '');
  const link = byline.querySelector(`a[href$="#comment-${id}"], a[href$="#c${id}"], a[href*="cid=${id}"]`);
  const linkText = textOf(link);
  let before = text;
  let date: string | null = null;
  const at = linkText ? text.indexOf(linkText) : -1;
  if (at > 0) [before, date] = [text.slice(0, at), linkText];
  else if (text.includes('|')) [before, date] = [text.slice(0, text.indexOf('|')), text.slice(text.indexOf('|') + 1).split('|')[0]];
  else {
    const on = /^(.*?)\s+on\s+(.*\d{4}.*)$/i.exec(text);
    if (on) [before, date] = [on[1], on[2]];
  }
  const author = before.split(/\s+replied to\s+/i)[0].replace(/\s*(?:\||\bon|\bat|·|—|-|,)\s*$/i, '').trim();
  return { author: author || null, date, link };
}

/** The id a link points at (`#comment-{id}`, `#c{id}`), or null. */
function targetId(href: string): string | null {
  return /#(?:comment-|c)([0-9a-f]{30,}|\d+)$/.exec(href)?.[1] ?? null;
}

/** The "In reply to" / "replied to" link of a comment, pointing at an earlier comment. */
function replyLink(el: Element, id: string): { link: Element; parentId: string } | null {
  const links = el.querySelectorAll('a[href*="#"]');
  for (let i = 0; i < links.length; i++) {
    const parentId = targetId(links[i].getAttribute('href') ?? '');
    if (!parentId || parentId === id) continue;
    const context = `${links[i].textContent ?? ''} ${links[i].parentElement?.textContent ?? ''}`;
    if (REPLY.test(context)) return { link: links[i], parentId };
  }
  return null;
}

/** Places replies under the comment their "In reply to" link names, when it is an earlier one. */
function linkReplies(comments: ExtractedComment[], parents: Map<string, string>): ExtractedComment[] {
  const depth = new Map<string, number>();
  for (const c of comments) {
    const parent = parents.get(c.key);
    if (parent && depth.has(parent)) {
      c.parentKey = parent;
      c.depth = depth.get(parent)! + 1;
    }
    depth.set(c.key, c.depth);
  }
  return comments;
}

const REPLY_LINE = /^\s*(?:in reply to|replied to|als antwort auf|antwort auf)\b/i;

/** Skips bylines, reply-link furniture and a short "In reply to NAME" line inside a comment's text. */
function furniture(bylines: (Element | null | undefined)[], reply: Element | null): (el: Element) => boolean {
  const line = reply?.parentElement;
  // Inside a longer paragraph the link is part of what the reader wrote: keep it.
  const replyLine = line && (line.textContent ?? '').length < 120 && REPLY_LINE.test(line.textContent ?? '') ? line : null;
  return (el) => bylines.includes(el) || el === replyLine || /\breply\b|comment-reply/i.test(el.getAttribute('class') ?? '');
}

function readBoxes(thread: Element, page: string): ExtractedComment[] {
  const elements = toArray(thread.getElementsByClassName('comment')).filter(isBox);
  const parents = new Map<string, string>();
  const comments = readThread(thread, elements, ROLES, (el, parts): CommentFields => {
    const id = BOX_ID.exec(el.id)![1];
    const byline = readByline(parts.byline, id);
    const reply = replyLink(el, id);
    if (reply) parents.set(`typepad:${id}`, `typepad:${reply.parentId}`);
    const machine = parts.published?.getAttribute('title') ?? parts.published?.getAttribute('datetime');
    // Without a text wrapper the text sits beside the header and footer.
    const content = parts.content ?? el;
    const bylines = content === el ? [parts.byline, el.querySelector('.comment-header'), el.querySelector('.comment-footer')] : [parts.byline];
    return {
      key: `typepad:${id}`,
      kind: 'comment',
      author: textOf(parts.author) ?? byline.author,
      publishedAt: parseDate(machine) ?? typepadDate(byline.date) ?? parseDate(byline.date),
      permalink: absoluteUrl(byline.link?.getAttribute('href'), page) ?? `${page}#comment-${id}`,
      text: blockText(content, furniture(bylines, reply?.link ?? null)),
    };
  });
  return linkReplies(comments, parents);
}

function readFlat(list: Element, page: string): ExtractedComment[] {
  const parents = new Map<string, string>();
  const comments = flatAnchors(list).map((anchor): ExtractedComment => {
    const id = ANCHOR_ID.exec(anchor.id)![1];
    const { blocks, byline } = flatBody(anchor);
    const { author, date, link } = readByline(byline, id);
    let reply: ReturnType<typeof replyLink> = null;
    for (const block of blocks) reply ??= replyLink(block, id);
    if (reply) parents.set(`typepad:${id}`, `typepad:${reply.parentId}`);
    const skip = furniture([], reply?.link ?? null);
    return {
      key: `typepad:${id}`, parentKey: null, depth: 0, kind: 'comment', author,
      publishedAt: typepadDate(date) ?? parseDate(date),
      permalink: absoluteUrl(link?.getAttribute('href'), page) ?? `${page}#c${id}`,
      text: blocks.filter((block) => !skip(block)).map((block) => blockText(block, skip)).filter(Boolean).join('\n\n'),
    };
  });
  return linkReplies(comments, parents);
}

/** The first comment box on the page, walking a live class collection only as far as needed. */
function firstBox(doc: Document): Element | null {
  // Detection runs on every page: a WordPress thread holds thousands of `li.comment`, so look at
  // the first ones only (TypePad's boxes come first among its `comment` elements).
  const live = doc.getElementsByClassName('comment');
  for (let i = 0; i < live.length && i < 200; i++) if (isBox(live[i])) return live[i];
  return null;
}

/** The anchor a "Posted by" line closes: an earlier sibling, or the sibling before its wrapper (MT 3). */
function anchorBefore(byline: Element): Element | null {
  for (let prev = byline.previousElementSibling; prev && !isBylineBlock(prev); prev = prev.previousElementSibling) {
    if (isAnchor(prev)) return prev;
  }
  const before = byline.parentElement?.previousElementSibling ?? null;
  return isAnchor(before) ? before : null;
}

/** The list of an old flat thread: the element holding the anchors of its comments. */
function flatList(doc: Document): Element | null {
  for (const name of ['posted', 'comments-post']) {
    const live = doc.getElementsByClassName(name);
    for (let i = 0, el = live[0]; el; el = live[++i]) {
      const anchor = isPostedLine(el) ? anchorBefore(el) : null;
      if (!anchor?.parentElement) continue;
      // An anchor inside a wrapper of its own comment (one byline only): the list is one level up.
      const list = anchor.parentElement;
      return list.getElementsByClassName(name).length === 1 && list.parentElement ? list.parentElement : list;
    }
  }
  return null;
}

/** The flat comment a block of an old flat thread belongs to: the nearest anchor before it, within its byline. */
function flatKeyOf(el: Element): string | null {
  for (let prev: Element | null = el, steps = 0; prev && steps < 100; prev = prev.previousElementSibling, steps++) {
    if (prev !== el && isBylineBlock(prev)) return null;
    if (isAnchor(prev)) return flatBody(prev).byline ? `typepad:${ANCHOR_ID.exec(prev.id)![1]}` : null;
  }
  return null;
}

/** TypePad and Movable Type comments: boxes with a "Posted by" byline, and the older flat anchor list. */
export const typepad = defineLayout({
  name: 'typepad',

  findThread(doc) {
    const first = firstBox(doc);
    if (first) return first.closest('.comments-content, #comments-content, .comments, #comments') ?? first.parentElement;
    return flatList(doc);
  },

  keyOf(el) {
    if (el.classList.contains('comment') && isBox(el)) return `typepad:${BOX_ID.exec(el.id)![1]}`;
    if (!el.parentElement) return null;
    // A flat comment's blocks follow its anchor; MT 3 wraps them in a div right after it.
    return el.localName !== 'div' || isAnchor(el.previousElementSibling) ? flatKeyOf(el) : null;
  },

  cssSelector(key) {
    const id = key.slice('typepad:'.length);
    if (HEX.test(id)) return `#comment-${id}`;
    return /^\d+$/.test(id) ? `#comment-${id}, #c${id}` : null;
  },

  locate(doc, key) {
    const id = key.slice('typepad:'.length);
    return doc.getElementById(`comment-${id}`) ?? doc.getElementById(`c${id}`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const boxes = readBoxes(thread, page);
    return boxes.length ? boxes : readFlat(thread, page);
  },
});
