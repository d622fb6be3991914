import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { chooseFilter, extensionId, launchWithExtension, openPanel, panel, press, rowTags, selectedKey, serveFixtures } from './harness';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
beforeAll(async () => {
  browser = await launchWithExtension();
  await serveFixtures(browser.context);
});
afterAll(async () => browser?.close());

const rowKeys = (page: import('playwright-core').Page) => page.locator('.ca-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-key')));

describe('the panel', () => {
  it('filters by tag and untagged, searches comment text, and keeps a note', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    const first = (await selectedKey(page))!;
    await press(page, '3');
    await expect.poll(() => rowTags(page, first)).toBe('question');

    await chooseFilter(page, 'Tag: question');
    await expect.poll(() => rowKeys(page)).toEqual([first]);
    await chooseFilter(page, 'Untagged');
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
    await page.close();
  });

  it('opens from the toolbar button and the keyboard command (the message they send to the tab)', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('000-phandroid').url);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
    const worker = browser.context.serviceWorkers()[0];
    await page.bringToFront();
    // What the action and the command handlers do: find the active tab (no "tabs" permission
    // needed for that) and tell its top frame.
    const toggle = () => worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      await api.tabs.sendMessage(tab.id!, { type: 'toggle-panel' }, { frameId: 0 });
    });
    await toggle();
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    await toggle();
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
    await page.close();
  });

  it('lists tagged comments that left the page as "not found on page", with their saved text', async () => {
    const f = fixture('001-xperiablog');
    const page = await browser.context.newPage();
    await page.goto(f.url);
    await openPanel(page);
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
    await page.close();
  });

  it('keeps the page’s Readability metadata in the extension’s own database', async () => {
    const f = fixture('000-phandroid');
    const page = await browser.context.newPage();
    await page.goto(f.url);
    await openPanel(page);
    await page.waitForTimeout(300); // metadata is read when the browser is idle
    await press(page, 'u', '2');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${await extensionId(browser.context)}/options.html`);
    const record = await options.evaluate(() => new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('comment-annotator');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('pages').objectStore('pages').get('https://phandroid.com/2013/10/11/sony-xperia-us-push/');
        get.onsuccess = () => resolve(get.result);
      };
    }));
    expect(record).toMatchObject({ layout: 'wp', commentCount: 46, metadata: { title: 'Sony will dial back its Xperia push in the US', siteName: 'Phandroid' } });
    await page.close();
    await options.close();
  });

  it('a click on a comment inside the Disqus iframe selects its row', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('002-xperiablog-live-disqus').url);
    await openPanel(page);
    const frame = page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    const post = frame.locator('li.post').nth(3);
    const id = await post.getAttribute('id');
    await post.locator('.post-message').first().click();
    await expect.poll(() => selectedKey(page)).toBe(`disqus:${id!.slice('post-'.length)}`);
    await page.close();
  });
});
