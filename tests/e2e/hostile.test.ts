import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { hostileFixtures, hostilePages } from '../hostile/pages';
import { expectNoPanel, test } from './fixture';
import { openPanel, panel, panelCount, press, rowTags, selectedKey } from './harness';

// The hostile-page corpus (tests/hostile/pages.ts): none of these may crash the content script,
// run page-supplied code in the extension, or lose a stored tag.

test.override('served', hostileFixtures());

/** Errors in the console that are not the hostile page's own (content-script errors land here too). */
function ourErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/hostile|favicon|404/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (!/hostile/.test(e.message)) errors.push(e.message);
  });
  return errors;
}

describe.each(hostilePages())('hostile page: $description', (hostile) => {
  test('the panel lists its comments, tagging works, and the tag survives a reload', async ({ page }) => {
    const errors = ourErrors(page);
    await page.goto(hostile.url);
    if (hostile.expectedCount === 0) {
      await expectNoPanel(page);
      expect(errors).toEqual([]);
      return;
    }
    await expect.poll(() => panelCount(page, 30_000), { timeout: 30_000 }).toBe(hostile.expectedCount);
    if (hostile.addedLater) {
      await expect.poll(async () => Number(await panel(page).getAttribute('data-comment-count')), { timeout: 5_000 }).toBe(hostile.expectedCount + hostile.addedLater);
    }
    await openPanel(page);
    const box = await page.locator('.ca-sheet').boundingBox();
    expect(box!.width).toBeGreaterThan(200); // page CSS cannot hide or shrink it
    await press(page, 'j', '1');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');

    await page.reload();
    await expect.poll(() => panelCount(page, 30_000), { timeout: 30_000 }).toBeGreaterThanOrEqual(hostile.expectedCount);
    await openPanel(page);
    await expect.poll(() => rowTags(page, key), { timeout: 10_000 }).toBe('on-topic');
    expect(errors).toEqual([]);
  });
});

describe('markup in comment texts', () => {
  test('is shown as text in the panel and never runs', async ({ page }) => {
    await page.goto(hostilePages().find((p) => p.name === 'markup-in-text')!.url);
    await expect.poll(() => panelCount(page)).toBe(4);
    await openPanel(page);
    const texts = await page.locator('.ca-row .ca-text').allTextContents();
    expect(texts[0]).toBe('<script>window.__pwned = "script"</script>');
    expect(texts[1]).toContain('<img src="x" onerror=');
    expect(await page.locator('.ca-sheet img, .ca-sheet script, .ca-sheet svg').count()).toBe(0);
    await press(page, 'j', 'j'); // the look-alike li is text of one comment, not a comment
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  });
});
