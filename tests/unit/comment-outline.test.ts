import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTLINE_BOX, OUTLINE_MARK, outlineComment } from '../../page/comment-outline';
import { PAGE_LAYOUTS } from '../../layouts/registry';
import { parsePage } from './helpers';

// The panel's selection outlined on the page: a box of the extension's own over the comment,
// never a restyle of the page's element. happy-dom lays nothing out, so each element's box is
// stubbed: the comments' from a table, the outline's parts' from the translation and scale they
// were given (1 px boxes in a host at 0, 0, as on an unpositioned root element).

const THREAD = `<div id="comments"><ol class="comment-list">
  <li id="comment-7" class="comment" style="color: red"><article class="comment-body"><footer><b class="fn">Anna</b></footer>
    <div class="comment-content"><p>First.</p></div></article></li>
  <li id="comment-8" class="comment"><article class="comment-body"><footer><b class="fn">Ben</b></footer>
    <div class="comment-content"><p>Second.</p></div></article></li>
</ol></div>`;

const boxes = new Map<string, DOMRect>([['comment-7', new DOMRect(10, 20, 300, 80)], ['comment-8', new DOMRect(10, 110, 300, 40)]]);

/** The element's box as a browser would lay it out here. */
function layout(this: Element): DOMRect {
  if (this.parentElement?.localName === OUTLINE_MARK) {
    const [x, y, width, height] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+), ([-\d.]+)\)/.exec((this as HTMLElement).style.transform)!.slice(1).map(Number);
    return new DOMRect(x, y, width, height);
  }
  return boxes.get(this.id) ?? new DOMRect();
}

/** The outlines in the document, as the boxes they lie over. */
const outlines = () => [...document.querySelectorAll(OUTLINE_BOX)].map((el) => el.getBoundingClientRect().toJSON());
/** The box the outline's edges cover together. */
function drawn(): DOMRect {
  const edges = [...document.querySelector(OUTLINE_MARK)!.children].slice(1).map((el) => el.getBoundingClientRect());
  const [left, top] = [Math.min(...edges.map((e) => e.left)), Math.min(...edges.map((e) => e.top))];
  return new DOMRect(left, top, Math.max(...edges.map((e) => e.right)) - left, Math.max(...edges.map((e) => e.bottom)) - top);
}
const comment = (id: string) => document.getElementById(id)!;

beforeEach(() => {
  document.body.innerHTML = parsePage(THREAD).body.innerHTML;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(layout);
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  outlineComment(document, PAGE_LAYOUTS, null);
  vi.restoreAllMocks();
});

describe('the outline of the panel’s selection on the page', () => {
  it('lies over the selected comment, in a box of its own outside the page’s content, and scrolls to the comment', () => {
    expect(outlineComment(document, PAGE_LAYOUTS, 'wp:7')).toBe(true);
    expect(outlines()).toEqual([boxes.get('comment-7')!.toJSON()]);
    // Drawn 3 px wide, 2 px off the comment's box.
    expect(drawn().toJSON()).toEqual(new DOMRect(10 - 5, 20 - 5, 300 + 10, 80 + 10).toJSON());
    const host = document.querySelector(OUTLINE_MARK)!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(getComputedStyle(host).pointerEvents).toBe('none');
    expect(comment('comment-7').scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'instant' });
  });

  it('leaves the page’s element as it was: its style attribute untouched, nothing added inside it', () => {
    const before = comment('comment-7').outerHTML;
    outlineComment(document, PAGE_LAYOUTS, 'wp:7');
    outlineComment(document, PAGE_LAYOUTS, 'wp:8');
    expect(comment('comment-7').outerHTML).toBe(before);
    expect(comment('comment-7').getAttribute('style')).toBe('color: red');
    expect(comment('comment-8').hasAttribute('style')).toBe(false);
  });

  it('moves to the next comment when the selection moves: one outline on the page', () => {
    outlineComment(document, PAGE_LAYOUTS, 'wp:7');
    outlineComment(document, PAGE_LAYOUTS, 'wp:8');
    expect(outlines()).toEqual([boxes.get('comment-8')!.toJSON()]);
  });

  it('is placed again over the comment when the window’s size changes and the comment moved', () => {
    outlineComment(document, PAGE_LAYOUTS, 'wp:8', false);
    boxes.set('comment-8', new DOMRect(60, 140, 250, 50));
    window.dispatchEvent(new Event('resize'));
    expect(outlines()).toEqual([new DOMRect(60, 140, 250, 50).toJSON()]);
  });

  it('goes on null, and for a comment that is not on the page', () => {
    outlineComment(document, PAGE_LAYOUTS, 'wp:7');
    expect(outlineComment(document, PAGE_LAYOUTS, null)).toBe(false);
    expect(outlines()).toEqual([]);
    outlineComment(document, PAGE_LAYOUTS, 'wp:7');
    expect(outlineComment(document, PAGE_LAYOUTS, 'wp:999')).toBe(false);
    expect(outlines()).toEqual([]);
  });
});
