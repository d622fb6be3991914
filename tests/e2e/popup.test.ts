import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, test, type ExtensionBrowser } from './fixture';
import { panel, togglePanelFromBackground } from './harness';

/**
 * Presses the popup's "Tag this page" for `page`. The popup is opened as a background tab
 * beside the page, so the page stays the active tab it acts on (as the real popup, which
 * floats over the page); resolves once the popup closed itself, which it does only after the
 * tab answered.
 */
async function tagThisPage(extension: ExtensionBrowser, page: Page): Promise<void> {
  const { context } = extension;
  const session = await context.browser()!.newBrowserCDPSession();
  const url = extension.url('popup.html');
  const opened = context.waitForEvent('page', (p) => p.url() === url);
  await (session.send as (method: string, params?: object) => Promise<unknown>)('Target.createTarget', { url, background: true });
  await session.detach();
  const popup = await opened;
  await popup.locator('button', { hasText: 'Tag this page' }).dispatchEvent('click');
  await popup.waitForEvent('close');
  await page.bringToFront();
}

describe('the popup', () => {
  test('"Tag this page" opens the panel, and leaves an open panel open; the shortcut still toggles', async ({ page, context, extension }) => {
    await openWithPanel(page, fixture('003-caschy').url);
    expect(await panel(page).getAttribute('data-state')).toBe('open');

    await tagThisPage(extension, page);
    // The popup's message has been handled; a toggle after it must close a panel still open
    // (had the popup closed it, the toggle would open it again).
    expect(await panel(page).getAttribute('data-state')).toBe('open');
    await togglePanelFromBackground(context);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');

    await tagThisPage(extension, page);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
  });
});
