// Where a coded passage (a Segment) is, both ways: from a DOM selection inside a comment to
// code-point offsets in the comment's extracted text, and from those offsets (re-anchored by
// quote when the text changed) back to a DOM range to highlight. Plain DOM, runs in Node too.
//
// The extracted text is not the DOM's text: layouts fold whitespace, add blank lines between
// blocks and leave out author lines, buttons and replies. Both are therefore compared on their
// non-whitespace characters only: the text's are found in the DOM's in order (an alignment),
// which whitespace folding cannot upset, and parts the layout left out are stepped over.

import { HIDDEN_TAGS } from '../layouts/text';

/** A passage of a comment's text: code-point offsets (end exclusive) and the text between them. */
export interface Passage {
  start: number;
  end: number;
  quote: string;
}

/** JavaScript's `\s`, the whitespace layouts fold and trim, tested on one UTF-16 unit. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The UTF-16 index of code point `cp` in `text` (its length when past the end). */
export function unitOfCodePoint(text: string, cp: number): number {
  let unit = 0;
  for (let n = 0; n < cp && unit < text.length; n++) unit += isHighSurrogateAt(text, unit) ? 2 : 1;
  return unit;
}

/** How many code points come before UTF-16 index `unit` of `text`. */
export function codePointOfUnit(text: string, unit: number): number {
  let cp = 0;
  for (let i = 0; i < unit && i < text.length; i += isHighSurrogateAt(text, i) ? 2 : 1) cp++;
  return cp;
}

const isHighSurrogateAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
};

/** The code points `start` to `end` (exclusive) of `text`. */
export function codePointSlice(text: string, start: number, end: number): string {
  const from = unitOfCodePoint(text, start);
  return text.slice(from, from + unitOfCodePoint(text.slice(from), end - start));
}

/** A text's non-whitespace units, and where each is in the text. */
interface Solid {
  chars: string;
  units: Int32Array;
}

function solidOf(text: string): Solid {
  const units = new Int32Array(text.length);
  let chars = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    units[n++] = i;
    chars += text[i];
  }
  return { chars, units: units.subarray(0, n) };
}

/** The DOM's non-whitespace units under a comment element, each with its text node and offset. */
interface DomSolid {
  chars: string;
  nodes: Text[];
  /** The index in `chars` of each node's first unit. */
  nodeStarts: number[];
}

function domSolidOf(root: Element): DomSolid {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    // FILTER_REJECT skips a hidden element's whole subtree, as blockText does.
    acceptNode: (node) => (node.nodeType === 1 && HIDDEN_TAGS.has((node as Element).localName) ? 2 : 1),
  });
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  let chars = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    nodes.push(node as Text);
    nodeStarts.push(chars.length);
    chars += solidOf((node as Text).data).chars;
  }
  return { chars, nodes, nodeStarts };
}

/** How far past the last matched DOM unit the next text unit is looked for before it counts as not in the DOM. */
const LOOKAHEAD = 2_000;

/** A comment's extracted text laid over its element: what `passageIn` and `rangeOf` work from. */
export interface TextMap {
  readonly root: Element;
  readonly text: string;
  readonly solid: Solid;
  readonly dom: DomSolid;
  /** The DOM unit each of the text's non-whitespace units matched, or -1. Increasing where matched. */
  readonly align: Int32Array;
}

/**
 * Aligns `text` (the comment's text as its layout extracted it) with the text under `root`
 * (its element, or the panel's copy): where the text's start is in the DOM (its first
 * characters, past an author line), then each following character at the next place it occurs.
 */
export function mapText(root: Element, text: string): TextMap {
  const solid = solidOf(text);
  const dom = domSolidOf(root);
  const align = new Int32Array(solid.chars.length).fill(-1);
  let at = anchorOf(solid.chars, dom.chars);
  for (let i = 0; i < solid.chars.length; i++) {
    const found = dom.chars.indexOf(solid.chars[i], at);
    if (found < 0 || found - at > LOOKAHEAD) continue;
    align[i] = found;
    at = found + 1;
  }
  return { root, text, solid, dom, align };
}

/** Where the text starts in the DOM's units: its longest opening (of a few lengths) found there, else the start. */
function anchorOf(text: string, dom: string): number {
  for (const length of [64, 16, 4, 1]) {
    const found = dom.indexOf(text.slice(0, length));
    if (found >= 0) return found;
  }
  return 0;
}

/** The DOM unit index a boundary point falls on: the first unit at or after it. */
function domIndexAt(dom: DomSolid, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const k = dom.nodes.indexOf(container as Text);
    if (k >= 0) return dom.nodeStarts[k] + solidOf((container as Text).data.slice(0, offset)).chars.length;
  }
  // Elsewhere (an element, a hidden text): the first counted text node after the point.
  const point = container.ownerDocument!.createRange();
  point.setStart(container, offset);
  let low = 0;
  let high = dom.nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (point.comparePoint(dom.nodes[mid], 0) < 0) low = mid + 1;
    else high = mid;
  }
  return low < dom.nodes.length ? dom.nodeStarts[low] : dom.chars.length;
}

/**
 * The passage of the text a DOM range covers (its whitespace at either end left out), or null
 * when it covers none of the text (only an author line, a button, another comment).
 */
export function passageIn(map: TextMap, range: AbstractRange): Passage | null {
  const from = domIndexAt(map.dom, range.startContainer, range.startOffset);
  const to = domIndexAt(map.dom, range.endContainer, range.endOffset);
  let first = -1;
  let last = -1;
  for (let i = 0; i < map.align.length; i++) {
    const d = map.align[i];
    if (d < 0) continue;
    if (d >= to) break;
    if (d >= from) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  const { text, solid } = map;
  const startUnit = solid.units[first];
  let endUnit = solid.units[last] + 1;
  // A selection never ends inside an emoji's surrogate pair.
  if (isHighSurrogateAt(text, endUnit - 1)) endUnit++;
  const start = codePointOfUnit(text, startUnit);
  return { start, end: start + codePointOfUnit(text.slice(startUnit), endUnit - startUnit), quote: text.slice(startUnit, endUnit) };
}

/** The text node and offset of DOM unit `d`; `after`: the point just after it, else just before. */
function domPoint(dom: DomSolid, d: number, after: boolean): [Text, number] {
  let low = 0;
  let high = dom.nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (dom.nodeStarts[mid] <= d) low = mid;
    else high = mid - 1;
  }
  // Nodes with no units share their start with the next one: take the last such, which holds `d`.
  const node = dom.nodes[low];
  let n = dom.nodeStarts[low];
  for (let i = 0; i < node.data.length; i++) {
    if (isSpace(node.data.charCodeAt(i))) continue;
    if (n++ === d) return [node, after ? i + 1 : i];
  }
  return [node, node.data.length];
}

/** The DOM range showing code points `start` to `end` of the text, or null when none of it is in the DOM. */
export function rangeOf(map: TextMap, start: number, end: number): Range | null {
  const { text, solid, align } = map;
  const startUnit = unitOfCodePoint(text, start);
  const endUnit = startUnit + unitOfCodePoint(text.slice(startUnit), end - start);
  let first = -1;
  let last = -1;
  for (let i = 0; i < solid.units.length && solid.units[i] < endUnit; i++) {
    if (solid.units[i] < startUnit || align[i] < 0) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  const range = map.root.ownerDocument.createRange();
  range.setStart(...domPoint(map.dom, align[first], false));
  const [endNode, endOffset] = domPoint(map.dom, align[last], true);
  range.setEnd(endNode, endOffset);
  return range;
}

/**
 * Where a stored passage is in the comment's text now: where it was if its quote is still
 * there, else the occurrence of the quote nearest its old place, else one that differs only in
 * whitespace; null ("not found") when the quote is no longer in the text.
 */
export function anchorPassage(text: string, passage: Passage): { start: number; end: number } | null {
  if (!passage.quote) return null;
  if (codePointSlice(text, passage.start, passage.end) === passage.quote) return { start: passage.start, end: passage.end };
  const quoteLength = codePointOfUnit(passage.quote, passage.quote.length);
  const found: number[] = [];
  for (let at = text.indexOf(passage.quote); at >= 0; at = text.indexOf(passage.quote, at + 1)) found.push(codePointOfUnit(text, at));
  if (found.length) {
    const start = nearest(found, passage.start);
    return { start, end: start + quoteLength };
  }
  return anchorIgnoringSpace(text, passage);
}

function nearest(starts: number[], to: number): number {
  return starts.reduce((best, s) => (Math.abs(s - to) < Math.abs(best - to) ? s : best));
}

function anchorIgnoringSpace(text: string, passage: Passage): { start: number; end: number } | null {
  const quote = solidOf(passage.quote).chars;
  if (!quote) return null;
  const solid = solidOf(text);
  const spans: { start: number; end: number }[] = [];
  for (let at = solid.chars.indexOf(quote); at >= 0; at = solid.chars.indexOf(quote, at + 1)) {
    const startUnit = solid.units[at];
    const endUnit = solid.units[at + quote.length - 1] + 1;
    spans.push({ start: codePointOfUnit(text, startUnit), end: codePointOfUnit(text, endUnit) });
  }
  if (!spans.length) return null;
  const start = nearest(spans.map((s) => s.start), passage.start);
  return spans.find((s) => s.start === start)!;
}

/** A stored segment with where it is in the comment's text now (null: not found). */
export interface AnchoredSegment<S extends Passage = Passage> {
  segment: S;
  at: { start: number; end: number } | null;
}

/** Each of a comment's stored segments re-anchored in its text as it is now. */
export function anchorSegments<S extends Passage>(text: string, segments: readonly S[] | undefined): AnchoredSegment<S>[] {
  return (segments ?? []).map((segment) => ({ segment, at: anchorPassage(text, segment) }));
}
