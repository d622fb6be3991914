import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, readStores, test } from './fixture';
import { openPanel, panel, press, rowTags, selectedKey, togglePanelFromBackground } from './harness';

const CASCHY = fixture('003-caschy');

describe('the saved thread, coded without the site', () => {
  test('opened from the review page, it shows the whole thread kept since coding began, codes offline with the panel\'s keys, and the article page shows the coding', async ({ page, context, extension }) => {
    const first = await openWithPanel(page, CASCHY.url);
    await press(page, '1', 'j', '2');
    const second = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, second)).toBe('off-topic');

    const review = await extension.open('review.html');
    const pageUrl = await review.locator('select[aria-label="Page"] option').nth(1).getAttribute('value');
    // Coding started: the session keeps every comment of the thread, not only the two coded.
    const keptKeys = async () => new Set((await readStores(review, 'threads')).threads.flatMap((part) => part.comments.map((c: { key: string }) => c.key))).size;
    const { pages } = await readStores(review, 'pages');
    const commentCount = pages.find((p) => p.url === pageUrl)!.commentCount as number;
    expect(commentCount).toBeGreaterThan(2);
    await expect.poll(keptKeys).toBe(commentCount);
    await review.selectOption('select[aria-label="Page"]', pageUrl!);
    const [thread] = await Promise.all([context.waitForEvent('page'), review.locator('[data-testid="ca-open-thread"]').click()]);
    await thread.waitForLoadState();
    expect(new URL(thread.url()).pathname).toBe('/thread.html');

    // No site behind it: the browser is offline, and the panel opens on the saved comments.
    await context.setOffline(true);
    try {
      await thread.reload();
      // The sheet lies out of the panel's flow (it is rendered ahead while closed): wait for it to show.
      await panel(thread).locator('.ca-sheet').waitFor();
      await expect.poll(() => rowTags(thread, first)).toBe('on-topic');
      expect(await rowTags(thread, second)).toBe('off-topic');
      expect(await thread.locator('[data-ca-saved-thread] article').count()).toBe(commentCount);
      // Times as the panel shows them; the machine time stays in datetime.
      const savedTime = thread.locator(`[data-ca-saved-thread] article[data-ca-key="${first}"] time`);
      const panelTime = panel(thread).locator(`.ca-row[data-comment-key="${first}"] time`);
      expect(await savedTime.getAttribute('datetime')).toBe(await panelTime.getAttribute('datetime'));
      expect(await savedTime.textContent()).toBe(await panelTime.textContent());

      // The same keys as on the page: select the second comment, then code it again.
      await thread.locator(`.ca-row[data-comment-key="${second}"]`).click();
      await press(thread, '6');
      await expect.poll(() => rowTags(thread, second)).toBe('off-topic,complaint');
      await press(thread, 'Control+z');
      await expect.poll(() => rowTags(thread, second)).toBe('off-topic');
      await press(thread, '3');
      await expect.poll(() => rowTags(thread, second)).toBe('off-topic,question');
    } finally {
      await context.setOffline(false);
    }

    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, second)).toBe('off-topic,question');
  });

  test('the shortcut (Alt+Shift+A) closes and opens the panel there, as on the article', async ({ page, context, extension }) => {
    const first = await openWithPanel(page, CASCHY.url);
    // Coding starts the saved thread (the first test may have coded this comment already).
    await press(page, '7');
    await expect.poll(() => rowTags(page, first)).toContain('incivility');
    const thread = await extension.open(`thread.html?url=${encodeURIComponent(CASCHY.url)}`);
    await panel(thread).locator('.ca-sheet').waitFor();
    expect(await panel(thread).getAttribute('data-state')).toBe('open');
    // The shortcut and the popup's "Tag this page" message the active tab (extension/open-panel.ts).
    await togglePanelFromBackground(context);
    await expect.poll(() => panel(thread).getAttribute('data-state')).toBe('closed');
    await togglePanelFromBackground(context);
    await expect.poll(() => panel(thread).getAttribute('data-state')).toBe('open');
  });

  test('a page with nothing saved says so', async ({ extension }) => {
    const thread = await extension.open(`thread.html?url=${encodeURIComponent('https://example.org/never-coded')}`);
    await expect.poll(() => thread.locator('[data-testid="ca-thread-empty"]').textContent()).toBe('No thread is saved for https://example.org/never-coded.');
    await thread.goto(thread.url().replace(/\?.*$/, ''));
    await expect.poll(() => thread.locator('[data-testid="ca-thread-empty"]').textContent()).toBe('No thread is saved for this address: the page was opened without one.');
    expect(await thread.locator('main').textContent()).toContain('“Code this thread offline”');
  });
});
