import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Charts } from '../../components/review/Charts';
import { chartData, CODERS_SHOWN, type ReviewRow } from '../../components/review/rows';
import type { Annotation, PageRecord } from '../../lib/records';

const AT = '2026-11-21T10:00:00.000Z';
const page = (url: string, commentCount: number): PageRecord => ({ url, layout: 'wp', metadata: { url, title: `Title ${url.slice(-2)}`, byline: null, siteName: null, publishedTime: null, excerpt: null }, firstSeen: AT, lastSeen: AT, commentCount, codedCount: 0 });
const row = (p: PageRecord, annotator: string, key: string, state: Partial<Annotation>): ReviewRow =>
  ({ annotation: { id: `${annotator}${key}`, pageUrl: p.url, commentKey: key, tagIds: [], note: '', annotator, createdAt: AT, updatedAt: AT, ...state }, page: p, comment: undefined } as unknown as ReviewRow);

describe('each coder\'s progress on each page', () => {
  it('counts the comments each coder coded (a code, a passage or "no code applies"; a note alone is not coding) out of the page\'s comments', () => {
    const a = page('https://example.org/a', 10);
    const b = page('https://example.org/b', 4);
    const rows = [
      row(a, 'alice', 'wp:1', { tagIds: ['t'] }), row(a, 'alice', 'wp:2', { none: true }), row(a, 'alice', 'wp:3', { note: 'just a note' }),
      row(a, 'bob', 'wp:1', { segments: [{ id: 's', tagId: 't', quote: 'q', start: 0, end: 1, createdAt: AT }] }),
      row(b, 'bob', 'wp:9', { tagIds: ['t'] }),
    ];
    const data = chartData(rows);
    expect(data.perPage.map((p) => [p.url, p.comments, p.coded])).toEqual([
      ['https://example.org/a', 10, { alice: 2, bob: 1 }],
      ['https://example.org/b', 4, { bob: 1 }],
    ]);
    const root = document.createElement('div');
    render(<Charts data={data} codebook={[]} />, root);
    const cells = (url: string) => [...root.querySelectorAll(`[data-testid="coder-progress"] tr[data-page="${url}"] td[data-coder]`)].map((td) => `${td.getAttribute('data-coder')} ${td.textContent}`);
    expect(cells('https://example.org/a')).toEqual(['alice 2 / 10', 'bob 1 / 10']);
    expect(cells('https://example.org/b')).toEqual(['alice 0 / 4', 'bob 1 / 4']);
  });
});

describe('a project of many coders', () => {
  it(`shows the progress of the first ${CODERS_SHOWN} coders by name, and says how many there are and how to see another`, () => {
    const a = page('https://example.org/a', 10);
    const coders = Array.from({ length: 300 }, (_, i) => `coder ${String(i).padStart(3, '0')}`).reverse();
    const data = chartData(coders.map((c) => row(a, c, 'wp:1', { tagIds: ['t'] })));
    expect(data.coderCount).toBe(300);
    expect(data.coders).toEqual(coders.slice(-CODERS_SHOWN).reverse());
    expect(Object.keys(data.perPage[0].coded)).toEqual(data.coders);
    const root = document.createElement('div');
    render(<Charts data={data} codebook={[]} />, root);
    expect(root.querySelectorAll('[data-testid="coder-progress"] td[data-coder]').length).toBe(CODERS_SHOWN);
    expect(root.querySelector('[data-testid="coders-hidden"]')?.textContent).toBe(`The first ${CODERS_SHOWN} of 300 coders by name: choose an annotator in the filter to see another’s progress.`);
  });

  it('says nothing of hidden coders when all are shown', () => {
    const root = document.createElement('div');
    render(<Charts data={chartData([row(page('https://example.org/a', 3), 'alice', 'wp:1', { tagIds: ['t'] })])} codebook={[]} />, root);
    expect(root.querySelector('[data-testid="coders-hidden"]')).toBeNull();
  });
});
