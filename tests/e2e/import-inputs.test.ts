import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { exportFromPopup, importInReview, openWithPanel, readStores, test } from './fixture';
import { press, rowTags, selectedKey } from './harness';

// Issue "No coding lost, none leaked", points 7 and 8, on the review page: a colleague's file
// whose codes clash with ours, and a page record of a million annotations imported while the
// page stays responsive.

/** Every stored annotation of `annotator` as the names of its tags, read straight from IndexedDB. */
async function storedCodes(review: Page, annotator: string): Promise<{ codes: string[][]; tags: Record<string, string> }> {
  const { tags, codings } = await readStores(review, 'tags', 'codings');
  const names: Record<string, string> = Object.fromEntries(tags.map((t) => [t.id, t.name]));
  const codes = codings.flatMap((row) => row.annotations).filter((a) => a.annotator === annotator).map((a) => a.tagIds.map((id: string) => names[id]));
  return { codes, tags: names };
}

/** Gives the review page's import a file holding `data` and waits for its preview. */
async function importToPreview(review: Page, data: unknown, name: string) {
  await importInReview(review, data, name);
  await review.locator('[data-testid="import-preview"]').waitFor();
}

describe('a colleague’s codes that clash with ours', () => {
  test('the preview shows the clash; map, keep apart and rename each store the right codes, and our on-topic keeps its codings', async ({ page, extension }) => {
    await openWithPanel(page, fixture('003-caschy').url);
    await press(page, '1', 'j', '1');
    await expect.poll(async () => rowTags(page, (await selectedKey(page))!)).toBe('on-topic');
    await page.close();
    const mine = await exportFromPopup(extension);
    const me = mine.annotations[0].annotator;
    // Their codebook reuses our on-topic's id for "sarcasm".
    const colleague = (who: string) => ({
      ...mine,
      codebook: [{ ...mine.codebook.find((t: any) => t.id === 'tag_on-topic'), name: 'sarcasm', colour: '#aa00aa' }],
      annotations: mine.annotations.map((a: any, i: number) => ({ ...a, id: `ann_${who}_${i}`, annotator: who, tagIds: ['tag_on-topic'] })),
    });

    const review = await extension.open('review.html');

    // Keep apart (the default when none of ours has the name).
    await importToPreview(review, colleague('bob'), 'bob.json');
    const clash = review.locator('[data-testid="clash"][data-tag-id="tag_on-topic"]');
    await expect.poll(() => clash.textContent()).toMatch(/Their “sarcasm” \(2 codings\) has the id of your “on-topic”/);
    expect(await clash.locator('select').inputValue()).toBe('separate');
    expect(await review.locator('[data-testid="preview-new-tags"]').textContent()).toBe('new tags: sarcasm');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('Imported: 2 new');
    let stored = await storedCodes(review, 'bob');
    expect(stored.codes).toEqual([['sarcasm'], ['sarcasm']]);
    expect(stored.tags['tag_on-topic']).toBe('on-topic');
    expect((await storedCodes(review, me)).codes).toEqual([['on-topic'], ['on-topic']]);

    // Map onto one of ours.
    await importToPreview(review, colleague('carol'), 'carol.json');
    await expect.poll(() => clash.textContent()).toContain('has the name of your “sarcasm”'); // the one bob's import added
    await clash.locator('select').selectOption({ label: 'the same as your “question”' });
    await expect.poll(() => review.locator('[data-testid="preview-new-tags"]').count()).toBe(0);
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('Imported: 2 new');
    stored = await storedCodes(review, 'carol');
    expect(stored.codes).toEqual([['question'], ['question']]);

    // Rename: a name in use is refused until another is given.
    await importToPreview(review, colleague('dave'), 'dave.json');
    await clash.locator('select').selectOption('rename');
    await clash.locator('[data-testid="clash-name"]').fill('spam');
    await expect.poll(() => review.locator('[data-testid="clash-problem"]').textContent()).toContain('a tag named “spam” exists already');
    expect(await review.locator('[data-testid="confirm-import"]').isDisabled()).toBe(true);
    await clash.locator('[data-testid="clash-name"]').fill('sarcasm (Dave)');
    await expect.poll(() => review.locator('[data-testid="clash-problem"]').count()).toBe(0);
    await expect.poll(() => review.locator('[data-testid="preview-new-tags"]').textContent()).toBe('new tags: sarcasm (Dave)');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('Imported: 2 new');
    stored = await storedCodes(review, 'dave');
    expect(stored.codes).toEqual([['sarcasm (Dave)'], ['sarcasm (Dave)']]);
    expect(stored.tags['tag_on-topic']).toBe('on-topic');
    expect((await storedCodes(review, me)).codes).toEqual([['on-topic'], ['on-topic']]);
  });
});

/** A native export of `count` annotations of one page: `count / annotators` comments, each coded by every annotator. */
function onePageExport(count: number, annotators: number) {
  const now = '2026-11-01T10:00:00.000Z';
  // Short ids and address: a million annotations must stay under the 200 MB file limit (185 MB).
  const url = 'https://a.io/';
  const codebook = ['on-topic', 'off-topic', 'question', 'argument'].map((name, order) => ({ id: `t${order}`, name, colour: '#1f6feb', hotkey: String(order + 1), description: '', order }));
  const perAnnotator = count / annotators;
  const comments = Array.from({ length: perAnnotator }, (_, i) => ({ pageUrl: url, key: `wp:${i}`, author: null, publishedAt: null, permalink: null, parentKey: null, text: `c${i}`, savedAt: now }));
  const annotations: string[] = [];
  for (let a = 0; a < annotators; a++) {
    for (let i = 0; i < perAnnotator; i++) {
      annotations.push(`{"id":"a${a}_${i}","pageUrl":"${url}","commentKey":"wp:${i}","tagIds":["${codebook[(a + i) % 4].id}"],"note":"","annotator":"r${a}","createdAt":"${now}","updatedAt":"${now}"}`);
    }
  }
  const head = JSON.stringify({
    format: 'comment-annotator', version: 1, exportedAt: now, scope: { kind: 'all' }, codebook,
    pages: [{ url, layout: 'wp', metadata: null, firstSeen: now, lastSeen: now, commentCount: perAnnotator }], comments,
  });
  return `${head.slice(0, -1)},"annotations":[${annotations.join(',')}]}`;
}

/** The longest stall the redraw after the import caused (set by the import test, checked by the next). */
let redrawStall: number | undefined;

describe('a page record of a million annotations', () => {
  test('imports with a progress bar while the review page stays responsive (no event-loop stall over 200 ms)', async ({ extension }) => {
    const file = join(mkdtempSync(join(tmpdir(), 'ca-million-')), 'million.json');
    writeFileSync(file, onePageExport(1_000_000, 1_000));
    const review = await extension.open('review.html');
    await review.locator('[data-testid="review"]').waitFor();
    // A heartbeat in the page: the longest gap between timer ticks is the longest stall.
    await review.evaluate(() => {
      const w = window as any;
      w.__stall = 0;
      w.__phases = new Set();
      let last = performance.now();
      const beat = () => {
        const now = performance.now();
        w.__stall = Math.max(w.__stall, now - last);
        last = now;
        const phase = document.querySelector('[data-testid="import-progress"]')?.getAttribute('data-phase');
        if (phase) w.__phases.add(phase);
        w.__beat = setTimeout(beat, 10);
      };
      beat();
      // The import ends when the page says so: the longest stall until then is the import's.
      new MutationObserver(() => {
        if (w.__importStall === undefined && /Imported/.test(document.querySelector('[data-testid="exchange-status"]')?.textContent ?? '')) {
          w.__importStall = Math.max(w.__stall, performance.now() - last);
          w.__stall = 0;
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const started = Date.now();
    await review.locator('[data-testid="import-file"]').setInputFiles(file);
    await review.locator('[data-testid="import-preview"]').waitFor({ timeout: 300_000 });
    expect(await review.locator('[data-testid="preview-new"]').textContent()).toBe('1000000 new');
    const checkedMs = Date.now() - started;
    await review.locator('[data-testid="confirm-import"]').click();
    await review.locator('[data-testid="exchange-status"]', { hasText: 'Imported: 1000000 new' }).waitFor({ timeout: 300_000 });
    const totalMs = Date.now() - started;
    const { stall, phases } = await review.evaluate(() => {
      const w = window as any;
      return { stall: w.__importStall as number, phases: [...w.__phases] as string[] };
    });
    // Then the table reads the million rows once: the stall of that redraw is checked below.
    const refreshStarted = Date.now();
    await review.waitForFunction(() => Number(document.querySelector('[data-testid="review"]')?.getAttribute('data-total')) >= 1_000_000, null, { timeout: 300_000, polling: 100 });
    // The agreement over those million codings arrives after the table: its stall counts too.
    await review.locator('[data-testid="agreement"]:not([data-state="computing"])', { hasText: 'Krippendorff' }).waitFor({ timeout: 300_000 });
    const refresh = await review.evaluate(() => (window as any).__stall as number);
    console.log(`1,000,000 annotations on one page: checked in ${checkedMs} ms, imported in ${totalMs} ms; longest stall during the import ${stall.toFixed(0)} ms; phases shown: ${phases.join(', ')}; then the table showed them after ${Date.now() - refreshStarted} ms with a longest stall of ${refresh.toFixed(0)} ms`);
    redrawStall = refresh;
    expect(phases).toEqual(expect.arrayContaining(['checking', 'writing']));
    expect(stall).toBeLessThan(200);
  }, 600_000);

  test('then redraws the table with the million rows while the page stays responsive', () => {
    expect(redrawStall).toBeDefined();
    expect(redrawStall).toBeLessThan(200);
  });

  test('a freshly opened review page loads that database while staying responsive', async ({ context, extension }) => {
    const review = await context.newPage();
    // The heartbeat starts before the page's own scripts, so the first read is measured too.
    await review.addInitScript(() => {
      const w = window as any;
      w.__stall = 0;
      let last = performance.now();
      const beat = () => {
        const now = performance.now();
        w.__stall = Math.max(w.__stall, now - last);
        last = now;
        setTimeout(beat, 10);
      };
      beat();
    });
    const started = Date.now();
    await review.goto(extension.url('review.html'));
    await review.waitForFunction(() => Number(document.querySelector('[data-testid="review"]')?.getAttribute('data-total')) >= 1_000_000, null, { timeout: 300_000, polling: 100 });
    await review.locator('[data-testid="agreement"]:not([data-state="computing"])', { hasText: 'Krippendorff' }).waitFor({ timeout: 300_000 });
    const stall = await review.evaluate(() => (window as any).__stall as number);
    console.log(`fresh review page with 1,000,000 annotations on one page: shown after ${Date.now() - started} ms, longest stall ${stall.toFixed(0)} ms`);
    expect(stall).toBeLessThan(200);
  }, 600_000);
});
