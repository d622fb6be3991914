import { absoluteUrl, blockText, parseDate, textHash, textOf } from './text';
import { defineLayout, type ExtractedComment } from './types';

// Unknown comment systems, used only on pages the reader opened the panel on by hand: either a
// thread the user picked (remembered per site) or repeated sibling blocks that look like comments.

/** Where a thread is: its container, and the selector of one comment inside it. */
export interface ThreadPick {
  thread: string;
  member: string;
}

const AUTHOR = '[class*="author" i], [class*="user" i], [class*="name" i], [rel~="author"], [itemprop="author"], cite, b, strong';
const DATE = 'time, [class*="date" i], [class*="time" i], [datetime]';
const DATE_TEXT = /\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\b\d{1,2}\/\d{1,2}\/\d{2,4}|\b(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-z]*\.? \d{1,2}\b|\b\d{1,2}\.? (jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])|\b\d+ (second|minute|hour|day|week|month|year)s? ago|\bvor \d+ (sekunde|minute|stunde|tag|woche|monat|jahr)|\b(yesterday|today|gestern|heute)\b/i;
const FURNITURE = /(^|[-_\s])(meta|reply|replies|actions?|footer|header|avatar|votes?|likes?|share|toolbar|menu|buttons?)([-_\s]|$)/i;
const OUTSIDE = 'nav, header, footer, aside, form, [role="navigation"], [role="complementary"]';
const SAFE_CLASS = /^[A-Za-z_-][\w-]*$/;
const INSIDE_TEXT = new Set(['p', 'span', 'a', 'b', 'strong', 'em', 'i', 'u', 'br', 'img', 'blockquote', 'code', 'pre', 'small', 'time']);

/** Selectors the user picked or the detector found, per document (a layout object is shared). */
const picks = new WeakMap<Document, ThreadPick>();
/** Documents where the reader asked for the panel: only there may the generic detector guess. */
const allowed = new WeakSet<Document>();

/** Lets the generic layout run on this document, with the thread the user picked for the site, if any. */
export function allowGenericLayout(doc: Document, picked: ThreadPick | null): void {
  allowed.add(doc);
  if (picked && isUsable(doc, picked)) picks.set(doc, picked);
}

/** Sets the thread the user just picked on this document. */
export function usePick(doc: Document, pick: ThreadPick): void {
  allowed.add(doc);
  picks.set(doc, pick);
}

function isUsable(doc: Document, pick: ThreadPick): boolean {
  try {
    return !!doc.querySelector(pick.thread)?.querySelector(pick.member);
  } catch {
    return false; // a stored selector that no longer parses
  }
}

/** The stable classes of an element: no digits (ids, depths, odd/even counters change). */
function stableClasses(el: Element): string[] {
  return Array.from(el.classList).filter((c) => SAFE_CLASS.test(c) && !/\d/.test(c) && !/^(odd|even|alt|first|last|active|hover)$/i.test(c)).slice(0, 3);
}

/** A selector for elements like `el`: its tag and stable classes. */
export function shapeOf(el: Element): string {
  return el.localName + stableClasses(el).map((c) => `.${c}`).join('');
}

/** A selector that finds `el` alone in its document, built from ids and shapes of it and its ancestors. */
function uniqueSelector(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node && node.localName !== 'html'; node = node.parentElement) {
    const part = node.id && SAFE_CLASS.test(node.id) && !/\d{3,}/.test(node.id) ? `#${node.id}` : shapeOf(node);
    parts.unshift(part);
    const selector = parts.join(' > ');
    if (part.startsWith('#') || node.ownerDocument.querySelectorAll(selector).length === 1) return selector;
  }
  return parts.join(' > ');
}

/** Siblings of `el` (itself included) that have its shape. */
function sameShapeSiblings(el: Element): Element[] {
  const shape = shapeOf(el);
  return Array.from(el.parentElement?.children ?? []).filter((s) => s.localName === el.localName && shapeOf(s) === shape);
}

function looksLikeComment(el: Element): boolean {
  const text = el.textContent ?? '';
  if (text.trim().length < 15 || el.querySelector('h1, h2')) return false;
  const hasDate = !!el.querySelector('time') || DATE_TEXT.test(text.slice(0, 600));
  return hasDate && !!el.querySelector(AUTHOR);
}

/**
 * Finds the most comment-like group of repeated sibling blocks: same tag and classes, each with
 * an author-like element, a date and some text; outside navigation, headers, footers and sidebars.
 */
export function detectRepeatedBlocks(doc: Document): ThreadPick | null {
  let best: { parent: Element; member: Element; score: number } | null = null;
  // querySelectorAll, not getElementsByTagName('*'): linkedom (the extract command) returns nothing for the latter.
  for (const parent of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (parent.childElementCount < 2 || parent.closest(OUTSIDE)) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      const shape = shapeOf(child);
      if (!groups.has(shape)) groups.set(shape, []);
      groups.get(shape)!.push(child);
    }
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const score = members.filter(looksLikeComment).length;
      // Later groups win ties: comments come after the article.
      if (score >= 2 && score >= members.length * 0.6 && (!best || score >= best.score)) best = { parent, member: members[0], score };
    }
  }
  return best ? { thread: uniqueSelector(best.parent), member: shapeOf(best.member) } : null;
}

/**
 * Turns the element the user clicked into a thread: the nearest enclosing block that has
 * siblings of its own shape (a comment among comments). Null when there is no such block.
 */
export function generalisePick(target: Element): ThreadPick | null {
  for (let el: Element | null = target; el && el.parentElement && el.localName !== 'body'; el = el.parentElement) {
    // A comment's own paragraphs and links repeat too: a comment is a block with parts.
    if (INSIDE_TEXT.has(el.localName) || !el.firstElementChild || (el.textContent ?? '').trim().length < 10) continue;
    if (sameShapeSiblings(el).length >= 2) return { thread: uniqueSelector(el.parentElement), member: shapeOf(el) };
  }
  return null;
}

const pickOf = (doc: Document) => picks.get(doc) ?? null;

function memberOf(el: Element, member: string): boolean {
  try {
    return el.matches(member);
  } catch {
    return false;
  }
}

/** Reads one block: author, time, permalink and the text without nested comments or furniture. */
function readBlock(el: Element, member: string, pageUrl: string): Omit<ExtractedComment, 'key' | 'parentKey' | 'depth'> {
  const own = (selector: string) => Array.from(el.querySelectorAll(selector)).find((found) => found.closest(member) === el) ?? null;
  const author = own(AUTHOR);
  const date = own(DATE);
  const time = date?.getAttribute('datetime') ?? textOf(date);
  const link = el.id ? `${pageUrl.split('#')[0]}#${el.id}` : absoluteUrl(date?.closest('a')?.getAttribute('href') ?? date?.querySelector('a')?.getAttribute('href'), pageUrl);
  const text = blockText(el, (node) => node === author || node === date || node.localName === 'img' || node.localName === 'header'
    || node.localName === 'footer' || node.localName === 'nav' || memberOf(node, member) || FURNITURE.test(node.className && typeof node.className === 'string' ? node.className : ''));
  return { kind: 'comment', author: textOf(author), publishedAt: parseDate(time), permalink: link, text };
}

/** The key of a block with a usable id; blocks without one are keyed by their text's hash. */
const idKey = (el: Element) => (el.id && !/\s/.test(el.id) ? `generic:${el.id}` : null);
const keyFor = (el: Element, text: string) => idKey(el) ?? `generic:h${textHash(text)}`;

/** The document's picked thread with its comment elements, in the order extract() reads them. */
function blocksOf(doc: Document): { thread: Element; members: Element[] } | null {
  const pick = pickOf(doc);
  const thread = pick && doc.querySelector(pick.thread);
  return pick && thread ? { thread, members: Array.from(thread.querySelectorAll(pick.member)) } : null;
}

/** Reads the picked thread's comments, in order, with keys unique on the page. */
function extractBlocks(thread: Element, pageUrl: string): ExtractedComment[] {
  const pick = pickOf(thread.ownerDocument);
  if (!pick) return [];
  const comments: ExtractedComment[] = [];
  const byElement = new Map<Element, ExtractedComment>();
  const seen = new Map<string, number>();
  for (const el of Array.from(thread.querySelectorAll(pick.member))) {
    const fields = readBlock(el, pick.member, pageUrl);
    let key = keyFor(el, fields.text);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key = `${key}-${n}`; // the same text twice ("+1"): keys stay unique, in order
    const parent = el.parentElement?.closest(pick.member);
    const parentComment = parent ? byElement.get(parent) : undefined;
    const comment: ExtractedComment = { key, parentKey: parentComment?.key ?? null, depth: parentComment ? parentComment.depth + 1 : 0, ...fields };
    byElement.set(el, comment);
    comments.push(comment);
  }
  return comments;
}

/** Any comment system: the thread the user picked, or repeated comment-like blocks. */
export const generic = defineLayout({
  name: 'generic',

  findThread(doc) {
    if (!allowed.has(doc)) return null;
    let pick = pickOf(doc);
    if (!pick) {
      pick = detectRepeatedBlocks(doc);
      if (pick) picks.set(doc, pick);
    }
    return pick ? doc.querySelector(pick.thread) : null;
  },

  extract: extractBlocks,

  keyOf(el) {
    const pick = pickOf(el.ownerDocument);
    if (!pick || !memberOf(el, pick.member)) return null;
    const key = idKey(el);
    if (key) return key;
    const blocks = blocksOf(el.ownerDocument);
    const index = blocks ? blocks.members.indexOf(el) : -1;
    return index >= 0 ? extractBlocks(blocks!.thread, el.ownerDocument.URL)[index]?.key ?? null : null;
  },

  locate(doc, key) {
    const blocks = blocksOf(doc);
    if (!blocks) return null;
    const index = extractBlocks(blocks.thread, doc.URL).findIndex((c) => c.key === key);
    return index >= 0 ? blocks.members[index] ?? null : null;
  },

  cssSelector(key) {
    const id = key.slice('generic:'.length);
    return /^h[0-9a-f]{8}(-\d+)?$/.test(id) ? null : `#${id.replace(/[^\w-]/g, (c) => `\\${c}`)}`;
  },
});
