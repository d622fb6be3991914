import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import type { NativeExport } from '../../storage/export';
import {
  DOWNLOAD_DIR, extensionUrl, fixturePage, goToExtensionPage, launchFirefox, locationOf, openOptionsFromPanel, openPanel, panelCount, progress, rowTags, selectedKey,
} from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchFirefox();
});
afterAll(async () => browser?.close());

/** A new tab on the fixture's page, closed when the test ends however it ends. */
async function open(name: string): Promise<Page> {
  const page = await fixturePage(browser);
  onTestFinished(() => page.close());
  await page.goto(fixture(name).url);
  return page;
}

const toggleText = async (page: Page) =>
  (await page.waitForSelector('>>> [data-testid="ca-toggle"]'))!.evaluate((el) => el.textContent ?? '');

describe('Firefox: comment counts', () => {
  it.each([
    ['000-phandroid', 46],
    ['001-xperiablog', 57],
    ['003-caschy', 9],
  ])('the panel counts the comments of %s', async (name, count) => {
    const page = await open(name);
    await expect.poll(() => panelCount(page, 5_000), { timeout: 20_000 }).toBe(count);
    expect(await toggleText(page)).toContain(String(count));
  });

  it('counts the comments inside the cross-origin Disqus iframe (002-xperiablog-live-disqus)', async () => {
    const page = await open('002-xperiablog-live-disqus');
    expect(page.frames().some((frame) => frame.url().startsWith('https://disqus.com/embed/comments/')), 'the Disqus iframe loaded').toBe(true);
    expect(await page.$$eval('#post-list', (lists) => lists.length), 'the top document has no comments of its own').toBe(0);
    await expect.poll(() => panelCount(page, 5_000), { timeout: 30_000 }).toBe(135);
  });
});

describe('Firefox: tagging, reload, export', () => {
  const CASCHY = fixture('003-caschy');
  let key: string;

  it('tags a comment from the keyboard, and the tag is back after a reload', async () => {
    const page = await open(CASCHY.name);
    await openPanel(page);
    const first = (await selectedKey(page))!;
    await page.keyboard.press('j');
    await expect.poll(() => selectedKey(page)).not.toBe(first);
    key = (await selectedKey(page))!;
    expect(key).toMatch(/^wp:\d+$/);
    expect(await rowTags(page, key)).toBe('');
    await page.keyboard.press('1');
    await expect.poll(() => rowTags(page, key)).toBe('positive');
    expect(await rowTags(page, first)).toBe('');
    expect(await progress(page)).toContain('1 of 9 coded');

    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('positive');
    expect(await rowTags(page, first)).toBe('');
    expect(await progress(page)).toContain('1 of 9 coded');
  });

  it('exports from the popup a JSON file that holds the tag', async () => {
    expect(key, 'the tagging test tagged a comment').toMatch(/^wp:\d+$/);
    const page = await open(CASCHY.name);
    await openPanel(page);
    // BiDi will not navigate a tab to moz-extension://: the panel's ⚙ opens the options page,
    // and from there the tab goes to the popup's page.
    const tab = await openOptionsFromPanel(browser, page);
    onTestFinished(() => tab.close());
    await goToExtensionPage(tab, 'popup.html');
    expect(await locationOf(tab)).toBe(extensionUrl('popup.html'));
    await (await tab.waitForSelector('[data-testid="ca-export-json"]'))!.click();
    await expect.poll(() => tab.$eval('.message', (el) => el.textContent)).toBe('Exported 1 annotations.');

    // Firefox writes to a .part file and renames it when the download is complete.
    const saved = () => readdirSync(DOWNLOAD_DIR).filter((f) => /^comment-annotator-.*\.json$/.test(f));
    await expect.poll(() => saved().length, { timeout: 15_000 }).toBe(1);
    const file = JSON.parse(readFileSync(join(DOWNLOAD_DIR, saved()[0]), 'utf8')) as NativeExport;
    expect(file.format).toBe('comment-annotator');
    expect(file.annotations).toHaveLength(1);
    const [annotation] = file.annotations;
    expect(annotation).toMatchObject({ pageUrl: CASCHY.url, commentKey: key });
    expect(annotation.tagIds.map((id) => file.codebook.find((tag) => tag.id === id)?.name)).toEqual(['positive']);
    expect(file.comments.map((c) => c.key)).toEqual([key]);
  });
});
