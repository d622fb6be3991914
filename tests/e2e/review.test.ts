import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { exportFromPopup, importInReview, openWithPanel, test, type ExtensionBrowser } from './fixture';
import { press, rowTags, selectedKey } from './harness';

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

/** Opens a fixture page with its panel, presses `keys` and waits until the last selected comment shows its tags. */
async function tagOn(extension: ExtensionBrowser, name: string, keys: string[]) {
  const page = await extension.context.newPage();
  await openWithPanel(page, fixture(name).url);
  await press(page, ...keys);
  const last = (await selectedKey(page))!;
  await expect.poll(() => rowTags(page, last)).not.toBe('');
  await page.close();
}

describe('export, review and import', () => {
  test('round trip: tag, export from the popup, wipe, import, export again: equal apart from the export time', async ({ extension }) => {
    await tagOn(extension, '000-phandroid', ['1', 'j', '3', '4']);
    await tagOn(extension, '002-xperiablog-live-disqus', ['5', 'j', 'j', '6']);
    const first = await exportFromPopup(extension);
    expect(first).toMatchObject({ format: 'comment-annotator', version: 1 });
    expect(first.annotations.length).toBe(4);
    expect(first.pages.map((p: { url: string }) => p.url).sort()).toEqual([fixture('000-phandroid').url, fixture('002-xperiablog-live-disqus').url].sort());

    const review = await extension.open('review.html');
    await wipe(review);
    await review.reload();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('0');
    await importInReview(review, first);
    await expect.poll(() => review.locator('[data-testid="preview-new"]').textContent()).toBe('4 new');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');

    const second = await exportFromPopup(extension);
    expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null });
  });

  test('the popup shows totals, tags by count and recent pages', async ({ extension }) => {
    const popup = await extension.open('popup.html');
    await expect.poll(() => popup.locator('[data-testid="total-annotations"]').textContent()).toBe('4');
    expect(await popup.locator('[data-testid="total-pages"]').textContent()).toBe('2');
    expect(await popup.locator('.bars li').count()).toBeGreaterThanOrEqual(8);
    expect(await popup.locator('.recent li').first().textContent()).toMatch(/\d+ \/ \d+ coded/);
  });

  test('the review page edits tags in place, removes with undo, and filters', async ({ extension }) => {
    const review = await extension.open('review.html');
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-rows')).toBe('4');
    const row = review.locator('.tr[data-annotation-id]').first();
    const id = await row.getAttribute('data-annotation-id');
    await row.locator('button.chip', { hasText: 'spam' }).click();
    await expect.poll(() => review.locator(`.tr[data-annotation-id="${id}"] button.chip.on`, { hasText: 'spam' }).count()).toBe(1);
    await review.locator('select[aria-label="Tag"]').selectOption({ label: 'spam' });
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-rows')).toBe('1');
    await review.locator('select[aria-label="Tag"]').selectOption('');
    // From the keyboard: the removed row's ✕ is gone, so the focus goes to Undo, then back to the table.
    await review.locator(`.tr[data-annotation-id="${id}"] button[aria-label="Remove annotation"]`).focus();
    await review.keyboard.press('Enter');
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('3');
    await expect.poll(() => review.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-remove');
    await review.keyboard.press('Enter');
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');
    expect(await review.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Annotations');
  });

  test('a colleague’s file keeps both annotators’ work and shows agreement; a broken file changes nothing', async ({ extension }) => {
    const mine = await exportFromPopup(extension);
    const theirs = {
      ...mine,
      annotations: mine.annotations.map((a: any, i: number) => ({ ...a, id: `ann_bob_${i}`, annotator: 'bob', tagIds: i === 0 ? ['tag_praise'] : a.tagIds })),
    };
    const review = await extension.open('review.html');
    await importInReview(review, { ...theirs, version: 7 }, 'newer.json');
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('newer Comment Annotator (format version 7');
    await importInReview(review, { ...theirs, annotations: [{ ...theirs.annotations[0], tagIds: ['tag_nope'] }] }, 'broken.json');
    await expect.poll(() => review.locator('[data-testid="exchange-status"]').textContent()).toContain('annotations[0].tagIds[0]: unknown tag id "tag_nope"');
    expect(await review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');

    // The preview is a dialog: it takes the focus, and Escape cancels it as Cancel does.
    await importInReview(review, theirs, 'bob.json');
    await expect.poll(() => review.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-import');
    await review.keyboard.press('Escape');
    await expect.poll(() => review.locator('[data-testid="import-preview"]').count()).toBe(0);
    expect(await review.locator('[data-testid="exchange-status"]').textContent()).toBe('Import cancelled; nothing changed.');
    expect(await review.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-file');
    expect(await review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');

    await importInReview(review, theirs, 'bob.json');
    await expect.poll(() => review.locator('[data-testid="preview-new"]').textContent()).toBe('4 new');
    // From the keyboard: the preview goes with its buttons, and the focus goes back to the file field.
    await review.locator('[data-testid="confirm-import"]').focus();
    await review.keyboard.press('Enter');
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('8');
    await expect.poll(() => review.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-file');
    const agreement = review.locator('[data-testid="agreement"]');
    await expect.poll(() => agreement.textContent()).toContain('Cohen’s κ');
    expect(await agreement.textContent()).toContain('4 comments coded by two or more coders');
    expect(await agreement.locator('[data-testid="disagreement"]').count()).toBeGreaterThanOrEqual(1);
  });

  test('an edit or removal on the review page reaches the open panel of that page at once', async ({ page, extension }) => {
    await openWithPanel(page, fixture('003-caschy').url);
    await press(page, 'j', 'j', '1');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    const review = await extension.open('review.html');
    const row = review.locator(`.tr[data-comment-key="${key}"]`);
    await row.locator('button.chip', { hasText: 'spam' }).click();
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,spam');
    await row.locator('button[aria-label="Remove annotation"]').click();
    await expect.poll(() => rowTags(page, key)).toBe('');
    await review.locator('[data-testid="undo-remove"]').click();
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,spam');
  });
});
