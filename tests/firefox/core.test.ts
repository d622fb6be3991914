import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { DOWNLOAD_DIR, EXTENSION_UUID, fixturePage, launchFirefox, openPanel, panelCount, rowTags, selectedKey } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchFirefox();
});
afterAll(async () => browser?.close());

describe('Firefox: comment counts', () => {
  it.each([
    ['000-phandroid', 46],
    ['001-xperiablog', 57],
    ['003-caschy', 9],
  ])('the panel counts the comments of %s', async (name, count) => {
    const page = await fixturePage(browser);
    await page.goto(fixture(name).url);
    expect(await panelCount(page)).toBe(count);
    await page.close();
  });

  it('counts the comments inside the cross-origin Disqus iframe (002-xperiablog-live-disqus)', async () => {
    const page = await fixturePage(browser);
    await page.goto(fixture('002-xperiablog-live-disqus').url);
    await expect.poll(() => panelCount(page), { timeout: 30_000 }).toBe(135);
    await page.close();
  });
});

describe('Firefox: tagging, reload, export', () => {
  let key: string;
  it('tags a comment from the keyboard, and the tag is back after a reload', async () => {
    const page = await fixturePage(browser);
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    await page.keyboard.press('j');
    key = (await selectedKey(page))!;
    await page.keyboard.press('1');
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    await page.close();
  });

  it('exports from the popup a JSON file that holds the tag', async () => {
    const downloads = DOWNLOAD_DIR;
    const popup = await browser.newPage();
    await popup.goto(`moz-extension://${EXTENSION_UUID}/popup.html`);
    await (await popup.waitForSelector('[data-testid="ca-export-json"]'))!.click();
    await expect.poll(() => readdirSync(downloads).filter((f) => f.endsWith('.json')).length, { timeout: 15_000 }).toBe(1);
    const file = readdirSync(downloads).find((f) => f.endsWith('.json'))!;
    const text = readFileSync(join(downloads, file), 'utf8');
    expect(text).toContain(key);
    expect(text).toContain('on-topic');
    await popup.close();
  });
});
