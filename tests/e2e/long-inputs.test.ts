import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { hostileFixtures, hostilePages } from '../hostile/pages';
import { metadataRead, readStores, test, type ExtensionBrowser } from './fixture';
import { panel, panelCount, press, rowTags, selectedKey } from './harness';

// Issue "No coding lost, none leaked", point 6: long page texts must never stop a coding from
// being saved, and a huge comment must not hold up the panel.

test.override('served', hostileFixtures());

const hostile = (name: string) => hostilePages().find((p) => p.name === name)!;

/** The stored page record, read from an extension page (content scripts never open the database). */
async function storedPage(extension: ExtensionBrowser, url: string): Promise<any> {
  const review = await extension.open('review.html');
  const { pages } = await readStores(review, 'pages');
  await review.close();
  return pages.find((p) => p.url === url) ?? null;
}

/** Milliseconds from the click on the panel's tab to its first row on screen. */
async function openPanelMs(page: Page): Promise<number> {
  const started = Date.now();
  await page.locator('[data-testid="ca-toggle"]').click();
  await page.locator('.ca-row[data-comment-key]').first().waitFor();
  await page.locator('.ca-detail').waitFor();
  return Date.now() - started;
}

describe('long page texts', () => {
  test('an article whose first paragraph has 12,000 characters: tags are saved, with the excerpt cut to its bound', async ({ page, extension }) => {
    const { url } = hostile('long-article');
    await page.goto(url);
    expect(await panelCount(page)).toBe(3);
    await page.locator('[data-testid="ca-toggle"]').click();
    // The page's metadata is read when the browser is idle; wait for it so the tag carries it.
    await metadataRead(page);
    await press(page, 'j', '1');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    expect(await page.locator('.ca-status-error').count()).toBe(0);
    const record = await storedPage(extension, url);
    expect(record.metadata.excerpt.startsWith('Sony has announced')).toBe(true);
    expect(record.metadata.excerpt.length).toBeLessThanOrEqual(10_000);
  });

  // Chromium itself needs 4–6 s on this machine to load and lay out the 10 MB page (without the
  // extension too), so the bounds are on the extension's part: from the load event to the tab,
  // and from the click on the tab to the open panel with the big comment selected.
  test('a 10 MB comment: the panel tab within 1 s of the load event, open within 1 s of the click; the big comment is tagged and the tag survives a reload', async ({ page }) => {
    await page.goto(hostile('ten-megabytes').url, { timeout: 60_000 });
    const loaded = Date.now();
    expect(await panelCount(page, 30_000)).toBe(2);
    const listedMs = Date.now() - loaded;
    const openMs = await openPanelMs(page);
    console.log(`10 MB comment: panel tab ${listedMs} ms after the load event, opened in ${openMs} ms`);
    expect(listedMs).toBeLessThan(1_000);
    expect(openMs).toBeLessThan(1_000);
    await press(page, '1'); // the first comment, the big one, is selected when the panel opens
    const key = (await selectedKey(page))!;
    expect(key).toBe('wp:31001');
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    await page.reload();
    await panel(page).waitFor({ state: 'attached' });
    await openPanelMs(page);
    await expect.poll(() => rowTags(page, key), { timeout: 10_000 }).toBe('on-topic');
  });
});
