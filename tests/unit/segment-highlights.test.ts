import { afterEach, describe, expect, it } from 'vitest';
import { extractComments, PAGE_LAYOUTS } from '../../layouts/registry';
import { highlightSpans, SegmentHighlights } from '../../page/segment-highlights';
import { takeSelectedPassage } from '../../page/selected-passage';
import type { Segment, Tag } from '../../lib/records';
import { parsePage } from './helpers';

// The page side of coded passages: a selection taken from a comment, and passages highlighted
// through the CSS Custom Highlight API (stubbed here: happy-dom has none), without touching the page.

const THREAD = `<div id="comments"><ol class="comment-list">
  <li id="comment-7" class="comment"><article class="comment-body"><footer><b class="fn">Anna</b></footer>
    <div class="comment-content"><p>Das   ist ein 🍕 Test.</p><p>Zweiter Absatz.</p></div></article></li>
  <li id="comment-8" class="comment"><article class="comment-body"><div class="comment-content"><p>Other comment.</p></div></article></li>
</ol></div>`;
const TAGS = [{ id: 'tag_a', name: 'a', colour: '#ff0000' }, { id: 'tag_b', name: 'b', colour: '#0000ff' }] as Tag[];
const segment = (tagId: string, start: number, end: number, quote: string): Segment => ({ id: `seg_${start}`, tagId, start, end, quote, createdAt: '' });

function load() {
  document.body.innerHTML = parsePage(THREAD).body.innerHTML;
  const { comments } = extractComments(document, 'https://example.org/p/');
  const text = new Map(comments.map((c) => [c.key, c.text]));
  return (key: string) => text.get(key);
}

const win = window as unknown as { Highlight?: unknown };
const realCss = Object.getOwnPropertyDescriptor(window, 'CSS');
/** Stubs the window's CSS.highlights (happy-dom's CSS has none) and returns the registry. */
function stubHighlights(): Map<string, { ranges: Range[] }> {
  const registry = new Map<string, { ranges: Range[] }>();
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  win.Highlight = class { ranges: Range[]; constructor(...ranges: Range[]) { this.ranges = ranges; } };
  return registry;
}
afterEach(() => {
  if (realCss) Object.defineProperty(window, 'CSS', realCss);
  else delete (window as { CSS?: unknown }).CSS;
  delete win.Highlight;
});

describe('coded passages in the page', () => {
  it('takes the selected passage of a comment (clearing the selection), clipped to the comment when the selection runs on', () => {
    const textOf = load();
    const p = document.querySelector('#comment-7 p')!;
    const selection = document.getSelection()!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 4);
    range.setEnd(document.querySelector('#comment-8 p')!.firstChild!, 0);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(takeSelectedPassage(document, PAGE_LAYOUTS, 'wp', textOf)).toEqual({ key: 'wp:7', start: 4, end: [...textOf('wp:7')!].length, quote: 'ist ein 🍕 Test.\n\nZweiter Absatz.' });
    expect(selection.rangeCount).toBe(0);
    // Nothing selected, or no layout: the key tags the whole comment.
    expect(takeSelectedPassage(document, PAGE_LAYOUTS, 'wp', textOf)).toBeNull();
  });

  it('highlights passages found in the text now, one highlight per colour, and leaves out those not found', () => {
    const textOf = load();
    const registry = stubHighlights();
    const stored = [segment('tag_a', 4, 13, 'ist ein 🍕'), segment('tag_b', 0, 3, 'Das'), segment('tag_a', 0, 5, 'gone!')];
    const spans = highlightSpans(textOf('wp:7')!, stored, TAGS);
    expect(spans).toEqual([{ start: 4, end: 13, colour: '#ff0000' }, { start: 0, end: 3, colour: '#0000ff' }]);
    const bodyBefore = document.body.innerHTML;
    const highlights = new SegmentHighlights(document, PAGE_LAYOUTS);
    highlights.render({ 'wp:7': spans }, textOf);
    const shown = [...registry.entries()].map(([name, h]) => [name, h.ranges.map((r) => r.toString())]);
    expect(shown).toEqual([['ca-passage-0', ['ist ein 🍕']], ['ca-passage-1', ['Das']]]);
    expect(document.body.innerHTML).toBe(bodyBefore);
    highlights.clear();
    expect(registry.size).toBe(0);
  });
});
