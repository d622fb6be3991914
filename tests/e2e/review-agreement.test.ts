import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { CLASSIC_CODEBOOK } from '../classic-codebook';
import { importInReview, readStores, test } from './fixture';

const NOW = '2026-11-01T10:00:00.000Z';
const PAGE = fixture('000-phandroid').url;
const TITLE = 'Agreement test page';
const codebook = CLASSIC_CODEBOOK;
const comment = (n: number) => ({ pageUrl: PAGE, key: `wp:${n}`, author: `Reader ${n}`, publishedAt: null, permalink: `${PAGE}#comment-${n}`, parentKey: null, text: `Comment number ${n}`, savedAt: NOW });

/** One coder's native export: comment n coded with `codes[n - 1]`. */
function codedBy(annotator: string, codes: string[][]) {
  return {
    format: 'comment-annotator', version: 1, exportedAt: NOW, scope: { kind: 'all' }, codebook,
    pages: [{ url: PAGE, layout: 'wp', metadata: { url: PAGE, title: TITLE, byline: null, siteName: null, publishedTime: null, excerpt: null }, firstSeen: NOW, lastSeen: NOW, commentCount: 5 }],
    comments: codes.map((_, i) => comment(i + 1)),
    annotations: codes.map((names, i) => ({ id: `ann_${annotator}_${i + 1}`, pageUrl: PAGE, commentKey: `wp:${i + 1}`, tagIds: names.map((n) => `tag_${n}`), note: '', annotator, createdAt: NOW, updatedAt: NOW })),
  };
}

describe('agreement on the review page', () => {
  test('two coders’ files: the table shows the hand-computed figures; a disagreement opens its comment and resolves into a consensus', async ({ extension }) => {
    const review = await extension.open('review.html');
    const total = review.locator('[data-testid="review"]');
    // Comment 5 is coded by alice only: it is no unit.
    const files: [ReturnType<typeof codedBy>, string][] = [
      [codedBy('alice', [['praise'], ['question', 'praise'], ['spam'], ['question'], ['praise']]), '5'],
      [codedBy('bob', [['praise'], ['praise'], ['question'], ['question']]), '9'],
    ];
    for (const [file, rows] of files) {
      await importInReview(review, file);
      await review.locator('[data-testid="confirm-import"]').click();
      await expect.poll(() => total.getAttribute('data-total')).toBe(rows);
    }
    const agreement = review.locator('[data-testid="agreement"][data-state="ready"]');
    await expect.poll(() => agreement.textContent()).toContain('alice, bob · 4 comments coded by two or more coders');

    // By hand, over comments 1–4 (alice / bob):
    // question: no/no, yes/no, no/yes, yes/yes → κ = (0.5 − 0.5)/0.5 = 0; α = 1 − 4/(32/7) = 0.125.
    // spam: no/no, no/no, yes/no, no/no → po = 0.75 = pe → κ = 0; α = 1 − 2/(14/7) = 0.
    // praise: the same four answers → κ = α = 1.
    // Tags (multiple choice, MASI): {p}/{p}, {p,q}/{p} (δ = 2/3), {s}/{q} (δ = 1), {q}/{q}:
    // κ = 1 − (5/12)/(2/3) = 0.375; α = 1 − (10/3)/(40/7) = 5/12 ≈ 0.417.
    const cells = (row: string) => agreement.locator(row).locator('td').allTextContents();
    expect(await cells('[data-testid="agreement-variables"] tr[data-variable="Tags"]')).toEqual([expect.stringContaining('Tags'), '0.417', '0.375', '50%', '4', '2']);
    expect(await cells('[data-testid="agreement-codes"] tr[data-code="question"]')).toEqual(['question', '0.125', '0.000', '50%', '4', '2']);
    expect(await cells('[data-testid="agreement-codes"] tr[data-code="spam"]')).toEqual(['spam', '0.000', '0.000', '75%', '4', '2']);
    expect(await cells('[data-testid="agreement-codes"] tr[data-code="praise"]')).toEqual(['praise', '1.000', '1.000', '100%', '4', '2']);

    // The disagreements: comments 2 and 3, by page title and author, each coder side by side.
    const listed = agreement.locator('[data-testid="disagreement"]');
    expect(await listed.evaluateAll((items) => items.map((li) => li.getAttribute('data-comment-key')))).toEqual(['wp:2', 'wp:3']);
    const third = listed.filter({ hasText: 'Reader 3' });
    expect(await third.textContent()).toContain(TITLE);
    expect(await third.locator('td[data-variable="Tags"]').allTextContents()).toEqual(['spam', 'question']);

    // The link opens the comment's own address on its page.
    const [opened] = await Promise.all([extension.context.waitForEvent('page'), third.locator('[data-testid="open-comment"]').click()]);
    await expect.poll(() => opened.url()).toBe(`${PAGE}#comment-3`);
    await opened.close();

    await third.locator('[data-testid="resolve"][data-coder="bob"]').click();
    await expect.poll(() => agreement.locator('[data-testid="disagreement"][data-resolved="true"]').getAttribute('data-comment-key')).toBe('wp:3');
    await expect.poll(() => agreement.locator('[data-testid="disagreement"][data-comment-key="wp:3"] td[data-coder="consensus"]').textContent()).toBe('question');
    // The consensus is stored as an annotator of its own, and is no coder: the figures stay.
    const { codings } = await readStores(review, 'codings');
    expect(codings.flatMap((p) => p.annotations).filter((a) => a.annotator === 'consensus').map((a) => [a.commentKey, a.tagIds])).toEqual([['wp:3', ['tag_question']]]);
    expect(await agreement.textContent()).toContain('alice, bob · 4 comments');
    expect(await cells('[data-testid="agreement-codes"] tr[data-code="question"]')).toEqual(['question', '0.125', '0.000', '50%', '4', '2']);
  });
});
