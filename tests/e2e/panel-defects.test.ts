import type { Frame, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { test } from './fixture';
import { chooseFilter, openPanel, outlinedComment, panel, press, progress, rowTags, selectedKey } from './harness';

// Defects of "The panel and review page, polished": keys pressed in the Disqus frame, undo of a
// far comment, keys on a comment the filter hides, the outline after the panel closed.

const XPERIA = fixture('002-xperiablog');
const LIVE = fixture('002-xperiablog-live-disqus');
/** A page no other test here tags (the tests share one profile). */
const UNTAGGED = fixture('001-xperiablog');


const disqusFrame = (page: Page): Frame => page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
/** Whether a document shows the panel's selection outlined. */
const outlined = async (doc: Page | Frame) => (await outlinedComment(doc)) !== null;
const status = (page: Page) => page.locator('.ca-status').textContent({ timeout: 5_000 });

describe('the panel, its defects fixed', () => {
  test('keys pressed after clicking a comment in the Disqus frame reach the panel: 1 tags it, j moves on, Esc closes', async ({ page }) => {
    await page.goto(LIVE.url);
    await openPanel(page);
    const post = disqusFrame(page).locator('li.post').nth(3);
    const key = `disqus:${(await post.getAttribute('id'))!.slice('post-'.length)}`;
    await post.locator('.post-message').first().click();
    await expect.poll(() => selectedKey(page)).toBe(key);

    await press(page, '1');
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    await press(page, 'j');
    await expect.poll(() => selectedKey(page)).not.toBe(key);
    await press(page, 'Escape');
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
  });

  test('undo of a change far from the selection selects that comment, shows it in the list and on the page, and says what it undid', async ({ page }) => {
    await page.goto(XPERIA.url);
    await openPanel(page);
    const key = (await selectedKey(page))!;
    const author = (await page.locator(`.ca-row[data-comment-key="${key}"] .ca-author`).textContent())!;
    await press(page, '2');
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');
    await press(page, ...Array<string>(40).fill('j'));
    await expect.poll(() => page.locator(`.ca-row[data-comment-key="${key}"]`).count()).toBe(0);

    await press(page, 'Control+z');
    await expect.poll(() => status(page)).toBe(`Undid: removed “off-topic” from ${author}’s comment.`);
    expect(await selectedKey(page)).toBe(key);
    expect(await rowTags(page, key)).toBe('');
    await expect.poll(async () => (await outlinedComment(page))?.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    })).toBe(true);

    await press(page, 'Control+Shift+z');
    await expect.poll(() => status(page)).toBe(`Redid: put “off-topic” on ${author}’s comment.`);
    expect(await rowTags(page, key)).toBe('off-topic');
  });

  test('a tag key with the selected comment hidden by the filter says so and changes nothing', async ({ page }) => {
    await page.goto(UNTAGGED.url);
    await openPanel(page);
    const key = (await selectedKey(page))!;
    await chooseFilter(page, 'Coded');
    await expect.poll(() => page.locator('.ca-row').count()).toBe(0);

    await press(page, '2');
    await expect.poll(() => status(page)).toContain('hidden by the filter');
    expect(await progress(page)).toContain('0 of 57 coded');
    await chooseFilter(page, 'All comments');
    expect(await rowTags(page, key)).toBe('');
  });

  test('Escape leaves the search field with its text, and the list still shows what the text finds: j moves among those rows', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    const search = page.locator('input[type="search"]');
    await search.click();
    await page.keyboard.type('Klinke');
    await expect.poll(() => page.locator('.ca-row').count()).toBe(3);
    const found = await page.locator('.ca-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-key')));
    // Chromium empties a search field on Escape; here Escape only leaves it, for the shortcuts.
    await press(page, 'Escape');
    await search.locator(':scope:not(:focus)').waitFor({ state: 'attached' });
    expect(await search.inputValue()).toBe('Klinke');
    expect(await page.locator('.ca-row').count()).toBe(3);
    await press(page, 'j');
    await expect.poll(() => selectedKey(page)).toBe(found[0]);
    await press(page, 'j');
    await expect.poll(() => selectedKey(page)).toBe(found[1]);
  });

  test('the outline of the selected comment goes when the panel closes and comes back when it opens, on the page and in the Disqus frame', async ({ page }) => {
    for (const [url, doc] of [[XPERIA.url, () => page], [LIVE.url, () => disqusFrame(page)]] as const) {
      await page.goto(url);
      await openPanel(page);
      await press(page, 'j');
      await expect.poll(() => outlined(doc())).toBe(true);
      await press(page, 'Escape');
      await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
      await expect.poll(() => outlined(doc())).toBe(false);
      await page.locator('[data-testid="ca-toggle"]').click();
      await expect.poll(() => outlined(doc())).toBe(true);
    }
  });
});
