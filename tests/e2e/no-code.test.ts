import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, test } from './fixture';
import { openPanel, press, progress, rowTags, selectedKey } from './harness';

// Issue 13, point 2: "no code applies" (x, also a button) codes a comment with no code.

const XPERIA = fixture('002-xperiablog');
/** Another Xperia Blog page: the file's browser keeps what the first test stored. */
const OTHER = fixture('001-xperiablog');

/** Whether a row shows "no code applies". */
const rowNone = (page: Page, key: string) => page.locator(`.ca-row[data-comment-key="${key}"]`).getAttribute('data-none', { timeout: 5_000 });
const noneButton = (page: Page) => page.locator('[data-testid="ca-none"]');

describe('no code applies', () => {
  test('x on the Xperia Blog page codes the second comment with no code: it counts as coded, u passes it, and both survive a reload', async ({ page }) => {
    const first = await openWithPanel(page, XPERIA.url);
    await press(page, 'j', 'j');
    const third = (await selectedKey(page))!;
    await press(page, 'k');
    const second = (await selectedKey(page))!;
    await press(page, 'x');
    await expect.poll(() => rowNone(page, second)).toBe('true');
    expect(await noneButton(page).getAttribute('aria-pressed')).toBe('true');
    expect(await progress(page)).toContain('1 of 135 coded');
    // The comment on the page carries a "no code" chip, as tagged comments carry theirs.
    await expect.poll(() => page.locator('comment-annotator-chips').count()).toBe(1);
    await press(page, 'k', 'u');
    expect(await selectedKey(page)).toBe(third);

    await page.reload();
    expect(await openPanel(page)).toBe(first);
    await expect.poll(() => rowNone(page, second)).toBe('true');
    expect(await rowTags(page, second)).toBe('');
    expect(await progress(page)).toContain('1 of 135 coded');
    await press(page, 'u');
    expect(await selectedKey(page)).toBe(third);
    await press(page, 'k');
    expect(await selectedKey(page)).toBe(second);
    await expect.poll(() => noneButton(page).getAttribute('aria-pressed')).toBe('true');
  });

  test('x takes the tags off, Ctrl+Z puts them back, the button toggles it too', async ({ page }) => {
    const key = await openWithPanel(page, OTHER.url);
    await press(page, '1', '3');
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,question');
    await press(page, 'x');
    await expect.poll(() => rowNone(page, key)).toBe('true');
    expect(await rowTags(page, key)).toBe('');
    await press(page, 'Control+z');
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,question');
    expect(await rowNone(page, key)).toBeNull();
    await noneButton(page).click();
    await expect.poll(() => rowNone(page, key)).toBe('true');
    await noneButton(page).click();
    await expect.poll(() => rowNone(page, key)).toBeNull();
    expect(await progress(page)).toContain('0 of 57 coded');
  });

  test('the review page shows "no code applies" on that comment’s row, and not on a tagged one', async ({ page, extension }) => {
    const first = await openWithPanel(page, fixture('003-caschy').url);
    await press(page, 'x', 'j', '1');
    const second = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, second)).toBe('on-topic');
    await expect.poll(() => rowNone(page, first)).toBe('true');
    const review = await extension.open('review.html');
    const row = (key: string) => review.locator(`.tr[data-comment-key="${key}"]`);
    await expect.poll(() => row(first).locator('[data-testid="review-none"]').textContent()).toBe('no code applies');
    // The tagged comment's row is drawn (its code pressed), without the marker.
    expect(await row(second).locator('button.chip[aria-pressed="true"]').textContent()).toBe('on-topic');
    expect(await row(second).locator('[data-testid="review-none"]').count()).toBe(0);
  });
});
