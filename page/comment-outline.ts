import type { LayoutName } from '../layouts/registry';
import type { LayoutSet } from '../layouts/layout-set';

/** The element the extension draws the panel's selection outline with (one per document, on its root element). */
export const OUTLINE_MARK = 'comment-annotator-outline';
/** The part of the outline that lies exactly over the outlined comment's box (it draws nothing: the other parts draw the outline around it). */
export const OUTLINE_BOX = `${OUTLINE_MARK} > :first-child`;

// Inline and !important: the page's CSS must not hide, move or restyle it. It lies over the page
// (below the panel), in document coordinates, and lets the pointer through. Its parts are 1 px
// boxes moved and stretched by their transform alone, each on a compositing layer of its own
// (will-change): moving the outline then needs no layout and no paint of the page. Restyling
// the page's comment for its outline painted a 10,000-comment page's layer again (~100 ms a
// frame), and a box sized by width and height still laid the page out (~10 ms, scroll
// anchoring included) and painted it on every move.
const HOST_STYLE = 'all: initial !important; display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; pointer-events: none !important; z-index: 2147483646 !important;';
const PART_STYLE = 'all: initial !important; display: block !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 1px !important; height: 1px !important; transform-origin: 0 0 !important; will-change: transform !important; contain: strict !important; pointer-events: none !important;';
const BOX_STYLE = `${PART_STYLE} visibility: hidden !important;`;
const EDGE_STYLE = `${PART_STYLE} background: #f0b400 !important;`;
/** The parts' element: a name of our own, so no rule of the page for its divs (or their ::before) reaches them. */
const PART = `${OUTLINE_MARK}-part`;
/** The outline's width, and its distance from the comment's box. */
const WIDTH = 3;
const GAP = 2;

/** The outline shown in this script's document: the comment it lies over, its host and parts. */
interface Shown {
  comment: Element;
  host: HTMLElement;
  /** The box over the comment, then the top, bottom, left and right edges. */
  parts: HTMLElement[];
  /** The comment's box last drawn, relative to the host. */
  drawn: string;
  stop: AbortController;
}

let shown: Shown | null = null;

/**
 * Outlines a comment (taking the outline off the one before) and scrolls the page to it unless
 * `scroll` is false; `null` only removes it (the panel closed, or moved on to a comment in
 * another frame). The page's element is never restyled: the outline is the extension's own,
 * over it, in document coordinates (the page's scrolling moves it without script), drawn again
 * when the comment's or the page's size changes. False when the comment is not on the page (found
 * among `layouts`).
 */
export function outlineComment(doc: Document, layouts: LayoutSet<LayoutName>, key: string | null, scroll = true): boolean {
  const el = key === null ? null : layouts.locate(doc, key);
  if (shown && shown.comment !== el) hide();
  if (!el) return false;
  // Scrolled first: scrolling leaves the layout as it was, so drawing reads it once.
  if (scroll) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  draw(shown ?? show(doc, el));
  return true;
}

function show(doc: Document, comment: Element): Shown {
  const host = doc.createElement(OUTLINE_MARK);
  host.setAttribute('style', HOST_STYLE);
  const parts = [BOX_STYLE, EDGE_STYLE, EDGE_STYLE, EDGE_STYLE, EDGE_STYLE].map((style) => {
    const part = doc.createElement(PART);
    part.setAttribute('style', style);
    return part;
  });
  host.append(...parts);
  doc.documentElement.append(host);
  const stop = new AbortController();
  shown = { comment, host, parts, drawn: '', stop };
  const again = () => shown && draw(shown);
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
  shown?.host.remove();
  shown = null;
}

/** Lays the parts over and around the comment: reads both boxes (one layout), writes only when it moved. */
function draw(outline: Shown): void {
  const { comment, host, parts } = outline;
  // The page took the comment away (or drew it again): the outline goes with it.
  if (!comment.isConnected) {
    hide();
    return;
  }
  const box = comment.getBoundingClientRect();
  // The host never moves: its corner is where document coordinates start for the parts.
  const origin = host.getBoundingClientRect();
  const [x, y, w, h] = [box.left - origin.left, box.top - origin.top, box.width, box.height];
  const drawn = `${x} ${y} ${w} ${h}`;
  if (drawn === outline.drawn) return;
  outline.drawn = drawn;
  const out = WIDTH + GAP;
  const rects = [
    [x, y, w, h],
    [x - out, y - out, w + 2 * out, WIDTH],
    [x - out, y + h + GAP, w + 2 * out, WIDTH],
    [x - out, y - out, WIDTH, h + 2 * out],
    [x + w + GAP, y - out, WIDTH, h + 2 * out],
  ];
  rects.forEach(([left, top, width, height], i) => {
    parts[i].style.setProperty('transform', `translate(${left}px, ${top}px) scale(${width}, ${height})`, 'important');
  });
}

/** Calls `onComment` with the key of every comment the reader clicks in the page (real clicks only). */
export function watchCommentClicks(doc: Document, layouts: LayoutSet<LayoutName>, layout: () => LayoutName | null, onComment: (key: string) => void, signal: AbortSignal): void {
  doc.addEventListener('click', (event) => {
    const family = layout();
    if (!event.isTrusted || !family) return;
    // A click inside an open shadow root (Coral) reaches the document retargeted to its host:
    // the first node of the composed path is what was clicked.
    const clicked = (event.composedPath()[0] ?? event.target) as Node | null;
    const key = layouts.keyAt(clicked?.nodeType === 1 ? clicked as Element : clicked?.parentElement ?? null, family);
    if (key) onComment(key);
  }, { capture: true, signal });
}
