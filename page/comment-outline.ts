import { commentKeyAt, locateComment } from '../layouts/registry';
import type { LayoutName } from '../layouts/registry';

/** The element the extension draws the panel's selection outline with (one per document, on its root element). */
export const OUTLINE_MARK = 'comment-annotator-outline';

// Inline and !important: the page's CSS must not hide, move or restyle it. It lies over the page
// (below the panel), lets the pointer through, and has a compositing layer of its own
// (will-change), so moving it repaints only itself, never the page's content: restyling the
// page's comment for its outline painted the page's one big layer again, ~100 ms on a
// 10,000-comment thread, and the panel's answer to the next key waited behind that frame.
const BOX_STYLE = 'all: initial !important; display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; pointer-events: none !important; z-index: 2147483646 !important; contain: strict !important; will-change: transform !important; outline: 3px solid #f0b400 !important; outline-offset: 2px !important;';

/** The outline shown in this script's document: the comment it lies over and its box. */
interface Shown {
  comment: Element;
  box: HTMLElement;
  /** Where the box's own place is, without its translation (its containing block's corner). */
  placed: { x: number; y: number };
  style: string;
  stop: AbortController;
}

let shown: Shown | null = null;

/**
 * Outlines a comment (taking the outline off the one before) and scrolls the page to it unless
 * `scroll` is false; `null` only removes it (the panel closed, or moved on to a comment in
 * another frame). The page's element is never restyled: the outline is a box of the extension's
 * own over it, in document coordinates (so the page's scrolling moves it without script), placed
 * again when the comment's or the page's size changes. False when the comment is not on the page.
 */
export function outlineComment(doc: Document, key: string | null, scroll = true): boolean {
  const el = key === null ? null : locateComment(doc, key);
  if (shown && shown.comment !== el) hide();
  if (!el) return false;
  // Scrolled first: the scroll leaves the layout as it was, so placing the box reads it once.
  if (scroll) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  place(shown ?? show(doc, el));
  return true;
}

function show(doc: Document, comment: Element): Shown {
  const box = doc.createElement(OUTLINE_MARK);
  box.setAttribute('style', `${BOX_STYLE} width: 0 !important; height: 0 !important;`);
  doc.documentElement.append(box);
  const stop = new AbortController();
  shown = { comment, box, placed: { x: 0, y: 0 }, style: '', stop };
  const again = () => shown && place(shown);
  // The comment's own size changes (chips, a reply opened), and the body's: the panel makes room
  // beside it, or comments arrive above it and push it down.
  const resized = new ResizeObserver(again);
  resized.observe(comment);
  if (doc.body) resized.observe(doc.body);
  stop.signal.addEventListener('abort', () => resized.disconnect());
  doc.defaultView?.addEventListener('resize', again, { signal: stop.signal });
  // A comment inside a scrolling box of the page moves when that box scrolls; the document's
  // own scrolling moves the outline with it.
  doc.addEventListener('scroll', (event) => {
    if (event.target !== doc) again();
  }, { capture: true, passive: true, signal: stop.signal });
  return shown;
}

function hide(): void {
  shown?.stop.abort();
  shown?.box.remove();
  shown = null;
}

/** Puts the box over its comment: reads both boxes (one layout), writes only when it moved. */
function place(outline: Shown): void {
  const { comment, box } = outline;
  // The page took the comment away (or drew it again): the outline goes with it.
  if (!comment.isConnected) {
    hide();
    return;
  }
  const target = comment.getBoundingClientRect();
  const own = box.getBoundingClientRect();
  // The box's corner is its containing block's corner plus its translation.
  const origin = { x: own.left - outline.placed.x, y: own.top - outline.placed.y };
  const x = target.left - origin.x;
  const y = target.top - origin.y;
  outline.placed = { x, y };
  const style = `transform: translate(${x}px, ${y}px) !important; width: ${target.width}px !important; height: ${target.height}px !important;`;
  if (style === outline.style) return;
  outline.style = style;
  box.setAttribute('style', `${BOX_STYLE} ${style}`);
}

/** Calls `onComment` with the key of every comment the reader clicks in the page (real clicks only). */
export function watchCommentClicks(doc: Document, layout: () => LayoutName | null, onComment: (key: string) => void, signal: AbortSignal): void {
  doc.addEventListener('click', (event) => {
    const family = layout();
    if (!event.isTrusted || !family) return;
    // A click inside an open shadow root (Coral) reaches the document retargeted to its host:
    // the first node of the composed path is what was clicked.
    const clicked = (event.composedPath()[0] ?? event.target) as Node | null;
    const key = commentKeyAt(clicked?.nodeType === 1 ? clicked as Element : clicked?.parentElement ?? null, family);
    if (key) onComment(key);
  }, { capture: true, signal });
}
