import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { importInReview, test } from './fixture';

// Issue "The panel and review page, polished", point 3: on a 1366 px wide screen the review
// table cut the time of day, the change date, annotator names and page titles, and the
// per-page chart hid its columns behind a scroll bar. Point 9: a refused import says what the
// file is and which files can be imported.

const CODEBOOK = ['on-topic', 'off-topic', 'question', 'argument', 'praise', 'complaint', 'incivility', 'spam']
  .map((name, order) => ({ id: `tag_${name}`, name, colour: '#1f6feb', hotkey: String(order + 1), description: '', order }));
const ANNOTATORS = ['Dr. Maximiliane Schwarzenberg-Oppenheimer', 'Bartholomew Featherstonehaugh-Smythe'];
const TITLES = [
  'Why the new phone’s battery lasts two days, and what the makers did not tell the reviewers about its charger',
  'Das große Interview: Wie Kommunalpolitik im ländlichen Raum gelingt, wenn niemand mehr Zeit hat',
  'Short title',
  'A review of every single comment system the web has known since the late nineteen nineties',
];

/** A native export of four pages (long titles), each comment coded by both long-named annotators. */
function seedFile() {
  const at = '2026-11-01T21:47:00.000Z';
  const pages = TITLES.map((title, i) => ({
    url: `https://news${i}.example.org/2026/11/article-${i}`, layout: null, firstSeen: at, lastSeen: at, commentCount: 3,
    metadata: { url: `https://news${i}.example.org/2026/11/article-${i}`, title, byline: null, siteName: null, publishedTime: null, excerpt: null },
  }));
  const comments = pages.flatMap((p, i) => [0, 1, 2].map((c) => ({
    pageUrl: p.url, key: `wp:${i}${c}`, author: `Reader number ${c}`, publishedAt: '2026-10-30T23:59:00.000Z', permalink: null, parentKey: null,
    text: `Comment ${c} on page ${i}: a few words the table shows in its excerpt column.`, savedAt: at,
  })));
  const annotations = ANNOTATORS.flatMap((annotator, n) => comments.map((c, i) => ({
    id: `ann_${n}_${i}`, pageUrl: c.pageUrl, commentKey: c.key, tagIds: [CODEBOOK[(i + n) % 8].id, CODEBOOK[(i + 3) % 8].id],
    note: '', annotator, createdAt: at, updatedAt: at,
  })));
  return { format: 'comment-annotator', version: 1, exportedAt: at, scope: { kind: 'all' }, codebook: CODEBOOK, pages, comments, annotations };
}

/** Each checked cell's text, whether it is cut (inside or against its row), and its title attribute. */
function cellsOf(review: Page, column: number) {
  return review.locator('.tr[data-annotation-id]').evaluateAll((rows, n) => rows.map((row) => {
    const cell = row.children[n] as HTMLElement;
    const box = cell.getBoundingClientRect();
    const rowBox = row.getBoundingClientRect();
    const cut = cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight
      || box.top < rowBox.top || box.bottom > rowBox.bottom || box.right > rowBox.right;
    return { text: cell.textContent ?? '', cut, title: cell.getAttribute('title') ?? '' };
  }), column);
}

describe('the review page at 1366 × 768', () => {
  test('shows the time of day, the change date and annotator names whole, page titles whole or in their title, and every chart column', async ({ page: review, extension }) => {
    await review.setViewportSize({ width: 1366, height: 768 });
    await review.goto(extension.url('review.html'));
    await importInReview(review, seedFile(), 'long.json');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('24');
    await review.locator('.tr[data-annotation-id]').first().waitFor();

    const headers = await review.locator('.tr.th > span').allTextContents();
    const column = (label: string) => headers.findIndex((h) => h.startsWith(label));
    for (const label of ['Time', 'Annotator', 'Changed']) {
      const cells = await cellsOf(review, column(label));
      expect(cells.length).toBeGreaterThan(0);
      expect.soft(cells.filter((c) => c.cut), `${label} cells cut at 1366 px`).toEqual([]);
      if (label !== 'Annotator') for (const c of cells) expect(c.text).toMatch(/\d{1,2}:\d{2}/);
    }
    // A page title may end in an ellipsis only when its title attribute holds it whole.
    const titles = await cellsOf(review, column('Page'));
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) {
      expect(TITLES).toContain(t.text);
      if (t.cut) expect.soft(t.title, 'a cut page title is whole in its title attribute').toContain(t.text);
    }

    // The per-page chart: one row per page, and every tag's column inside the visible chart.
    const chart = await review.locator('.charts').evaluate((section) => {
      const box = section.getBoundingClientRect();
      const table = section.querySelector('table.per-page')!;
      return {
        pages: table.querySelectorAll('tbody tr').length,
        columns: [...table.querySelectorAll('thead th')].map((th) => {
          const r = th.getBoundingClientRect();
          return { name: th.textContent, visible: r.left >= box.left && r.right <= box.right };
        }),
        scrolls: section.scrollWidth > section.clientWidth,
      };
    });
    expect(chart.pages).toBe(TITLES.length);
    expect(chart.columns.map((c) => c.name)).toEqual(['Page', ...CODEBOOK.map((t) => t.name)]);
    expect.soft(chart.columns.filter((c) => !c.visible), 'chart columns out of sight').toEqual([]);
    expect.soft(chart.scrolls, 'the chart scrolls sideways').toBe(false);
  });
});

describe('a refused import', () => {
  test('says a text file is not JSON, and which files can be imported', async ({ extension }) => {
    const review = await extension.open('review.html');
    await review.locator('[data-testid="import-file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is a plain text file\nwith two lines\n') });
    const status = review.locator('[data-testid="exchange-status"]');
    await expect.poll(() => status.textContent()).toContain('notes.txt was not imported');
    const text = (await status.textContent())!;
    expect(text).toContain('This file is not JSON');
    expect(text).toContain('{"format": "comment-annotator"');
    expect(text).not.toMatch(/Unexpected token|is not valid JSON/);
  });
});
