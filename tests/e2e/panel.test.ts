import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { metadataRead, openWithPanel, readStores, test } from './fixture';
import { chooseFilter, measures, openPanel, panel, press, rowTags, selectedKey, togglePanelFromBackground } from './harness';
import { TIMINGS } from '../../lib/timings';

const rowKeys = (page: Page) => page.locator('.ca-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-key')));

describe('the panel', () => {
  test('filters by tag and untagged, searches comment text, and keeps a note', async ({ page }) => {
    const first = await openWithPanel(page, fixture('003-caschy').url);
    await press(page, '3');
    await expect.poll(() => rowTags(page, first)).toBe('question');

    await chooseFilter(page, 'Tag: question');
    await expect.poll(() => rowKeys(page)).toEqual([first]);
    await chooseFilter(page, 'Uncoded');
    await expect.poll(async () => (await rowKeys(page)).length).toBe(8);
    expect(await rowKeys(page)).not.toContain(first);
    await chooseFilter(page, 'All comments');

    await page.locator('input[type="search"]').fill('Klinke');
    await expect.poll(async () => (await rowKeys(page)).length).toBe(3);
    await page.locator('input[type="search"]').fill('');
    await expect.poll(async () => (await rowKeys(page)).length).toBe(9);

    await page.locator('.ca-scroller').focus();
    await press(page, 'n');
    await page.keyboard.type('ironic? check later');
    await press(page, 'Control+Enter');
    await expect.poll(() => page.locator(`.ca-row[data-comment-key="${first}"] .ca-has-note`).count()).toBe(1);
    await page.reload();
    await openPanel(page);
    await expect.poll(() => page.locator('.ca-note').inputValue()).toBe('ironic? check later');
  });

  test('opens from the toolbar button and the keyboard command (the message they send to the tab)', async ({ page, context }) => {
    await page.goto(fixture('000-phandroid').url);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
    await page.bringToFront();
    await togglePanelFromBackground(context);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    await togglePanelFromBackground(context);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
  });

  test('lists tagged comments that left the page as "not found on page", with their saved text', async ({ page }) => {
    const f = fixture('001-xperiablog');
    await openWithPanel(page, f.url);
    await press(page, 'j', 'j');
    const key = (await selectedKey(page))!;
    await press(page, '6');
    await expect.poll(() => rowTags(page, key)).toBe('complaint');

    // The site deletes that comment.
    const id = key.slice('disqus-wp:'.length);
    await page.route(f.url, (route) => route.fulfill({
      contentType: 'text/html', body: f.html().replace(new RegExp(`<li class="comment[^"]*" id="dsq-comment-${id}">[\\s\\S]*?</li>`), ''),
    }));
    await page.reload();
    await openPanel(page);
    await expect.poll(() => panel(page).getAttribute('data-comment-count')).toBe('56');
    const missing = page.locator('[data-testid="ca-missing"]');
    expect(await missing.locator('summary').textContent()).toBe('Not found on page (1)');
    await missing.locator('summary').click();
    expect(await missing.locator(`li[data-comment-key="${key}"]`).textContent()).toContain('Mokhtar Mouhib');
  });

  test('keeps the page’s Readability metadata in the extension’s own database', async ({ page, extension }) => {
    await openWithPanel(page, fixture('000-phandroid').url);
    await metadataRead(page);
    await press(page, 'u', '2');
    await expect.poll(async () => (await measures(page, TIMINGS.saved)).length).toBe(1); // stored, with the metadata
    const options = await extension.open('options.html');
    const { pages } = await readStores(options, 'pages');
    const record = pages.find((p) => p.url === 'https://phandroid.com/2013/10/11/sony-xperia-us-push/');
    expect(record).toMatchObject({ layout: 'wp', commentCount: 46, metadata: { title: 'Sony will dial back its Xperia push in the US', siteName: 'Phandroid' } });
  });

  test('a click on a comment inside the Disqus iframe selects its row', async ({ page }) => {
    await openWithPanel(page, fixture('002-xperiablog-live-disqus').url);
    const frame = page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    const post = frame.locator('li.post').nth(3);
    const id = await post.getAttribute('id');
    await post.locator('.post-message').first().click();
    await expect.poll(() => selectedKey(page)).toBe(`disqus:${id!.slice('post-'.length)}`);
  });
});
