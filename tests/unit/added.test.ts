import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownComments, readAdded } from '../../layouts/added';
import { detectLayout, PAGE_LAYOUTS } from '../../layouts/registry';
import { wordpress } from '../../layouts/wordpress';
import { watchComments, type FoundComments } from '../../page/comment-watcher';
import { fixture } from '../../seeds/fixtures';
import { html5Comments } from '../../seeds/render/wordpress';
import type { SeedComment } from '../../seeds/model';
import { parsePage } from './helpers';

// Late comments are read from the inserted subtrees alone (layouts/added.ts): the result must be
// what a whole read of the thread gives, key for key, parent for parent, field for field.

/** Takes the last `count` comments (in document order) off the page, and a function putting them back, in order. */
function takeLast(doc: Document, count: number): { restore(): Node[] } {
  const found = detectLayout(doc)!;
  const taken: { el: Element; parent: Node; next: Node | null }[] = [];
  for (let i = 0; i < count; i++) {
    const last = found.layout.extract(found.thread, doc.URL).at(-1)!;
    const el = found.layout.locate(doc, last.key)!;
    taken.unshift({ el, parent: el.parentNode!, next: el.nextSibling });
    el.remove();
  }
  return {
    restore: () => taken.map(({ el, parent, next }) => parent.insertBefore(el, next)),
  };
}

/** A whole read, and the read of the thread before `count` comments were added plus the read of what they add. */
function wholeAndAdded(name: string, count: number) {
  const doc = parsePage(fixture(name).html());
  const url = fixture(name).url;
  const whole = detectLayout(doc)!;
  const all = whole.layout.extract(whole.thread, url);
  const taken = takeLast(doc, count);
  const before = detectLayout(doc)!;
  const known = knownComments(before.layout.extract(before.thread, url));
  const nodes = taken.restore();
  const added = readAdded(before.layout, before.thread, nodes, known, url);
  return { all, known, added, doc, thread: before.thread, layout: before.layout, url };
}

describe('late comments read from the added subtrees (layouts/added.ts)', () => {
  // WordPress threads with type classes: html5 lists, xhtml lists, block themes, two ids per comment.
  for (const name of ['000-phandroid', '003-caschy', 'block-theme', 'wp-two-ids']) {
    for (const count of [1, 3, 8]) {
      it(`${name}: the last ${count} comments added back read as a whole read reads them (replies under their parents)`, () => {
        const { all, known, added } = wholeAndAdded(name, count);
        expect(added).not.toBeNull();
        expect(added).toHaveLength(count);
        expect([...known.comments, ...added!]).toEqual(all);
      });
    }
  }

  it('the fixtures test replies added inside earlier comments, not only top-level ones', () => {
    const { added } = wholeAndAdded('000-phandroid', 8);
    expect(added!.some((c) => c.parentKey !== null && c.depth > 0)).toBe(true);
  });

  it('a comment inserted before the last one read is left to a whole read', () => {
    const { doc, thread, layout, url } = wholeAndAdded('000-phandroid', 1);
    const known = knownComments(layout.extract(thread, url));
    const first = layout.locate(doc, known.comments[0].key)!;
    const early = doc.createElement('div');
    early.innerHTML = html5Comments([late(1)], url).replace(/^<ol class="comment-list">\n|\n<\/ol>$/g, '');
    const li = early.firstElementChild!;
    first.parentNode!.insertBefore(li, first);
    expect(readAdded(layout, thread, [li], known, url)).toBeNull();
  });

  it('text added into a comment read before is left to a whole read', () => {
    const { doc, thread, layout, url } = wholeAndAdded('000-phandroid', 1);
    const known = knownComments(layout.extract(thread, url));
    const last = layout.locate(doc, known.comments.at(-1)!.key)!;
    const p = doc.createElement('p');
    p.className = 'comment-content';
    p.textContent = 'An edit';
    last.append(p);
    expect(readAdded(layout, thread, [p], known, url)).toBeNull();
  });

  it('a comment whose number was read before is left to a whole read', () => {
    const { doc, thread, layout, url, known } = wholeAndAdded('000-phandroid', 1);
    const again = layout.locate(doc, known.comments[0].key)!.cloneNode(true) as Element;
    layout.locate(doc, known.comments.at(-1)!.key)!.after(again);
    expect(readAdded(layout, thread, [again], knownComments(known.comments), url)).toBeNull();
  });
});

/** A top-level comment arriving late. */
const late = (n: number): SeedComment => ({
  id: 900_000 + n, kind: 'comment', author: `Late reader ${n}`, authorInvented: true,
  publishedAt: '2013-10-12T09:00:00', paragraphs: [[`A comment that arrived later, number ${n}.`]], children: [],
});

describe('the watcher reads late batches from what was inserted', () => {
  afterEach(() => vi.restoreAllMocks());

  it('batches of late comments and a late reply: same comments as a whole read, and no whole read', async () => {
    const f = fixture('000-phandroid');
    document.documentElement.innerHTML = parsePage(f.html()).documentElement.innerHTML;
    const life = new AbortController();
    const results: FoundComments[] = [];
    let notify = () => {};
    watchComments(document, PAGE_LAYOUTS, (found) => {
      results.push(found);
      notify();
    }, life.signal);
    const start = results.at(-1)!.comments.length;
    const wholeReads = vi.spyOn(wordpress, 'extract');
    const list = document.querySelector('ol.comment-list')!;
    for (const batch of [[1, 2, 3], [4, 5]]) {
      const grown = new Promise<void>((resolve) => { notify = resolve; });
      list.insertAdjacentHTML('beforeend', html5Comments(batch.map(late), f.url).replace(/^<ol class="comment-list">\n|\n<\/ol>$/g, ''));
      await grown;
    }
    // A comment with a reply, then a second reply to it (into its list of replies).
    let grown = new Promise<void>((resolve) => { notify = resolve; });
    list.insertAdjacentHTML('beforeend', html5Comments([{ ...late(6), children: [late(7)] }], f.url).replace(/^<ol class="comment-list">\n|\n<\/ol>$/g, ''));
    await grown;
    grown = new Promise<void>((resolve) => { notify = resolve; });
    const replies = document.querySelector('#comment-900006 ol.children')!;
    replies.insertAdjacentHTML('beforeend', html5Comments([late(8)], f.url).replace(/^<ol class="comment-list">\n|\n<\/ol>$/g, ''));
    await grown;
    const calls = wholeReads.mock.calls.length;
    wholeReads.mockRestore();
    life.abort();
    const found = detectLayout(document)!;
    expect(results.at(-1)!.comments).toEqual(found.layout.extract(found.thread, document.URL));
    expect(results.at(-1)!.comments).toHaveLength(start + 8);
    expect(results.at(-1)!.comments.at(-1)).toMatchObject({ key: 'wp:900008', parentKey: 'wp:900006', depth: 1 });
    expect(calls).toBe(0);
  }, 10_000);
});
