import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { extensionId, launchWithExtension, openPanel, panel, serveFixtures, serviceWorker } from './harness';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
beforeAll(async () => {
  browser = await launchWithExtension();
  await serveFixtures(browser.context);
});
afterAll(async () => browser?.close());

/**
 * Presses the popup's "Tag this page" for `page`. The popup is opened as a background tab
 * beside the page, so the page stays the active tab it acts on (as the real popup, which
 * floats over the page); resolves once the popup closed itself, which it does only after the
 * tab answered.
 */
async function tagThisPage(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.browser()!.newBrowserCDPSession();
  const url = `chrome-extension://${await extensionId(context)}/popup.html`;
  const opened = context.waitForEvent('page', (p) => p.url() === url);
  await (session.send as (method: string, params?: object) => Promise<unknown>)('Target.createTarget', { url, background: true });
  await session.detach();
  const popup = await opened;
  await popup.locator('button', { hasText: 'Tag this page' }).dispatchEvent('click');
  await popup.waitForEvent('close');
  await page.bringToFront();
}

/** What Alt+Shift+A does in a tab whose content script runs (background.ts: the command handler). */
async function pressShortcut(context: BrowserContext): Promise<void> {
  await (await serviceWorker(context)).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    await api.tabs.sendMessage(tab.id!, { type: 'toggle-panel' }, { frameId: 0 });
  });
}

describe('the popup', () => {
  it('"Tag this page" opens the panel, and leaves an open panel open; the shortcut still toggles', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    expect(await panel(page).getAttribute('data-state')).toBe('open');

    await tagThisPage(browser.context, page);
    // The popup's message has been handled; a toggle after it must close a panel still open
    // (had the popup closed it, the toggle would open it again).
    expect(await panel(page).getAttribute('data-state')).toBe('open');
    await pressShortcut(browser.context);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');

    await tagThisPage(browser.context, page);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    await page.close();
  });
});
