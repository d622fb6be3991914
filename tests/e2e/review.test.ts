import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { extensionId, launchWithExtension, openPanel, press, rowTags, selectedKey, serveFixtures } from './harness';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let base: string;
beforeAll(async () => {
  browser = await launchWithExtension();
  await serveFixtures(browser.context);
  base = `chrome-extension://${await extensionId(browser.context)}`;
});
afterAll(async () => browser?.close());

/** Clicks the popup's export button and returns the parsed download. */
async function exportFromPopup(): Promise<any> {
  const popup = await browser.context.newPage();
  await popup.goto(`${base}/popup.html`);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-testid="ca-export-json"]').click()]);
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  await popup.close();
  return data;
}

/** Empties every table of the extension's database, from an extension page. */
async function wipe(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('comment-annotator');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction([...db.objectStoreNames], 'readwrite');
      for (const name of db.objectStoreNames) tx.objectStore(name).clear();
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

async function importInReview(review: Page, data: unknown, name = 'file.json') {
  await review.locator('[data-testid="import-file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
}

async function tagOn(name: string, keys: string[]) {
  const page = await browser.context.newPage();
  await page.goto(fixture(name).url);
  await openPanel(page);
  await press(page, ...keys);
  const last = (await selectedKey(page))!;
  await expect.poll(() => rowTags(page, last)).not.toBe('');
  await page.close();
}

describe('export, review and import', () => {
  it('round trip: tag, export from the popup, wipe, import, export again: equal apart from the export time', async () => {
    await tagOn('000-phandroid', ['1', 'j', '3', '4']);
    await tagOn('002-xperiablog-live-disqus', ['5', 'j', 'j', '6']);
    const first = await exportFromPopup();
    expect(first).toMatchObject({ format: 'comment-annotator', version: 1 });
    expect(first.annotations.length).toBe(4);
    expect(first.pages.map((p: { url: string }) => p.url).sort()).toEqual([fixture('000-phandroid').url, fixture('002-xperiablog-live-disqus').url].sort());

    const review = await browser.context.newPage();
    await review.goto(`${base}/review.html`);
    await wipe(review);
    await review.reload();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('0');
    await importInReview(review, first);
    await expect.poll(() => review.locator('[data-testid="preview-new"]').textContent()).toBe('4 new');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');

    const second = await exportFromPopup();
    expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null });
    await review.close();
  });

  it('the popup shows totals, tags by count and recent pages', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`${base}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="total-annotations"]').textContent()).toBe('4');
    expect(await popup.locator('[data-testid="total-pages"]').textContent()).toBe('2');
    expect(await popup.locator('.bars li').count()).toBeGreaterThanOrEqual(8);
    expect(await popup.locator('.recent li').first().textContent()).toMatch(/\d+ \/ \d+ tagged/);
    await popup.close();
  });

  it('the review page edits tags in place, removes with undo, and filters', async () => {
    const review = await browser.context.newPage();
    await review.goto(`${base}/review.html`);
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-rows')).toBe('4');
    const row = review.locator('.tr[data-annotation-id]').first();
    const id = await row.getAttribute('data-annotation-id');
    await row.locator('button.chip', { hasText: 'spam' }).click();
    await expect.poll(() => review.locator(`.tr[data-annotation-id="${id}"] button.chip.on`, { hasText: 'spam' }).count()).toBe(1);
    await review.locator('select[aria-label="Tag"]').selectOption({ label: 'spam' });
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-rows')).toBe('1');
    await review.locator('select[aria-label="Tag"]').selectOption('');
    await review.locator(`.tr[data-annotation-id="${id}"] button[aria-label="Remove annotation"]`).click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('3');
    await review.locator('[data-testid="undo-remove"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');
    await review.close();
  });

  it('a colleague’s file keeps both annotators’ work and shows agreement; a broken file changes nothing', async () => {
    const mine = await exportFromPopup();
    const theirs = {
      ...mine,
      annotations: mine.annotations.map((a: any, i: number) => ({ ...a, id: `ann_bob_${i}`, annotator: 'bob', tagIds: i === 0 ? ['tag_praise'] : a.tagIds })),
    };
    const review = await browser.context.newPage();
    await review.goto(`${base}/review.html`);
    await importInReview(review, { ...theirs, version: 7 }, 'newer.json');
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('newer Comment Annotator (format version 7');
    await importInReview(review, { ...theirs, annotations: [{ ...theirs.annotations[0], tagIds: ['tag_nope'] }] }, 'broken.json');
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('annotations[0].tagIds[0]: unknown tag id "tag_nope"');
    expect(await review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');

    await importInReview(review, theirs, 'bob.json');
    await expect.poll(() => review.locator('[data-testid="preview-new"]').textContent()).toBe('4 new');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('8');
    const agreement = review.locator('[data-testid="agreement"]');
    await expect.poll(() => agreement.textContent()).toContain('Cohen’s κ');
    expect(await agreement.textContent()).toContain('4 comments coded by more than one annotator');
    expect(await agreement.locator('.disagreements li').count()).toBeGreaterThanOrEqual(1);
    await review.close();
  });

  it('an edit or removal on the review page reaches the open panel of that page at once', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    await press(page, 'j', 'j', '1');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    const review = await browser.context.newPage();
    await review.goto(`${base}/review.html`);
    const row = review.locator(`.tr[data-comment-key="${key}"]`);
    await row.locator('button.chip', { hasText: 'spam' }).click();
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,spam');
    await row.locator('button[aria-label="Remove annotation"]').click();
    await expect.poll(() => rowTags(page, key)).toBe('');
    await review.locator('[data-testid="undo-remove"]').click();
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,spam');
    await review.close();
    await page.close();
  });
});
