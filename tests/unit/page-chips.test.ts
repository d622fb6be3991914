import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LayoutSet } from '../../layouts/layout-set';
import { OWN_MARK } from '../../page/comment-watcher';
import { PageChips } from '../../page/page-chips';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

// Comments found by their id: the chips' own behaviour, whatever the layout family.
const BY_ID = { locate: (doc: Document, key: string) => doc.getElementById(key) } as LayoutSet;

/** Renders `key`'s chips on a page of two comments; returns the comment, its chips' host and the host's (closed) shadow root. */
function renderOn(key: string) {
  document.body.innerHTML = '<article id="c1"><p>Ann · 2 days ago</p><p>First.</p></article><article id="c2"><p>Second.</p></article>';
  const roots: ShadowRoot[] = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  new PageChips(document, BY_ID).render({ [key]: [{ name: 'praise', colour: '#080' }, { name: 'question', colour: '#05a' }] });
  const comment = document.getElementById(key)!;
  return { comment, host: comment.querySelector<HTMLElement>(OWN_MARK)!, root: roots[0] };
}

describe('PageChips', () => {
  it('puts the chip row in a host that takes no room in the page: an empty block of no height, margin, padding or border', () => {
    const { comment, host } = renderOn('c1');
    expect(comment.firstElementChild).toBe(host);
    expect(host.childNodes).toHaveLength(0);
    // all: initial comes first, so the properties after it are not reset by it.
    expect(host.getAttribute('style')).toMatch(/^all: initial !important;/);
    const wanted = { display: 'block', position: 'relative', height: '0px', 'margin-top': '0px', 'margin-bottom': '0px', 'padding-top': '0px', 'padding-bottom': '0px', 'border-top-width': '0px', 'border-bottom-width': '0px' };
    for (const [property, value] of Object.entries(wanted)) {
      expect([property, host.style.getPropertyValue(property).replace(/^0$/, '0px')]).toEqual([property, value]);
      expect([property, host.style.getPropertyPriority(property)]).toEqual([property, 'important']);
    }
  });

  it('lays the chips out of the flow, over the comment’s top right corner, in a closed shadow root', () => {
    const { host, root } = renderOn('c1');
    expect(host.shadowRoot).toBeNull();
    const row = root.querySelector('div')!;
    expect([...row.querySelectorAll('span')].map((chip) => chip.textContent)).toEqual(['praise', 'question']);
    const style = getComputedStyle(row);
    expect({ position: style.position, top: style.top, right: style.right, maxWidth: style.maxWidth })
      .toEqual({ position: 'absolute', top: '0px', right: '0px', maxWidth: '50%' });
  });
});
