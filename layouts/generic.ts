import { detectThread, type ThreadPick } from './generic-detect';
import { membersIn, shapeOf, uniqueSelector } from './generic-select';
import { idKey, readBlocks } from './generic-read';
import { defineLayout, type ExtractedComment } from './types';

/** Where a thread is (container and member selectors): stored per site when the reader picks one. */
export type { ThreadPick } from './generic-detect';
/** Finds a thread of repeated comment-like blocks on a page (layouts/generic-detect.ts). */
export const detectRepeatedBlocks = detectThread;

// Unknown comment systems, used only on pages the reader opened the panel on by hand: either a
// thread the user picked (remembered per site) or one the detector finds (layouts/generic-detect.ts),
// read by layouts/generic-read.ts.

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
    const thread = doc.querySelector(pick.thread);
    return !!thread && membersIn(thread, pick.member).length > 0;
  } catch {
    return false; // a stored selector that no longer parses
  }
}

/** Siblings of `el` (itself included) that have its shape. */
function sameShapeSiblings(el: Element): Element[] {
  const shape = shapeOf(el);
  return Array.from(el.parentElement?.children ?? []).filter((s) => s.localName === el.localName && shapeOf(s) === shape);
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

/** The document's picked thread read into comments, each with its element (empty blocks are not comments). */
function readPicked(doc: Document): { comments: ExtractedComment[]; elements: Element[] } | null {
  const pick = pickOf(doc);
  const thread = pick && doc.querySelector(pick.thread);
  if (!pick || !thread) return null;
  const elements: Element[] = [];
  return { comments: readBlocks(thread, membersIn(thread, pick.member), doc.URL, elements), elements };
}

function matchesSafely(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Reads the picked thread's comments, in order, with keys unique on the page. */
function extractBlocks(thread: Element, pageUrl: string): ExtractedComment[] {
  const pick = pickOf(thread.ownerDocument);
  return pick ? readBlocks(thread, membersIn(thread, pick.member), pageUrl) : [];
}

/** Any comment system: the thread the user picked, or repeated comment-like blocks. */
export const generic = defineLayout({
  name: 'generic',

  findThread(doc) {
    if (!allowed.has(doc)) return null;
    let pick = pickOf(doc);
    if (!pick) {
      pick = detectThread(doc);
      if (pick) picks.set(doc, pick);
    }
    return pick ? doc.querySelector(pick.thread) : null;
  },

  extract: extractBlocks,

  keyOf(el) {
    // A click is tested on every ancestor: a plain member selector rejects most of them cheaply.
    const pick = pickOf(el.ownerDocument);
    if (!pick || (!/[\s>]/.test(pick.member) && !matchesSafely(el, pick.member))) return null;
    const thread = el.ownerDocument.querySelector(pick.thread);
    if (!thread || !membersIn(thread, pick.member).includes(el)) return null;
    const key = idKey(el);
    if (key) return key; // a block with an id is keyed by it: no need to read the thread
    const read = readPicked(el.ownerDocument);
    const index = read ? read.elements.indexOf(el) : -1;
    return index >= 0 ? read!.comments[index].key : null;
  },

  locate(doc, key) {
    const read = readPicked(doc);
    const index = read ? read.comments.findIndex((c) => c.key === key) : -1;
    return index >= 0 ? read!.elements[index] : null;
  },

  cssSelector(key) {
    const id = key.slice('generic:'.length);
    return /^h[0-9a-f]{8}(-\d+)?$/.test(id) ? null : `#${id.replace(/[^\w-]/g, (c) => `\\${c}`)}`;
  },
});
