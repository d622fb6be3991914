import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { test, type ExtensionBrowser } from './fixture';
import { annotatorProgress, clickToolbarButton, idleScriptsRan, injectAnnotator, panel, panelCount, serviceWorker, withPopup } from './harness';

/** The content scripts the background registered, as the service worker sees them. */
async function registeredScripts(context: BrowserContext): Promise<{ id: string; js?: string[]; matches?: string[] }[]> {
  return (await serviceWorker(context)).evaluate(() => (globalThis as any).chrome.scripting.getRegisteredContentScripts());
}

/** The origins the extension holds now, as the service worker sees them. */
async function grantedOrigins(context: BrowserContext): Promise<string[]> {
  return (await serviceWorker(context)).evaluate(async () => (await (globalThis as any).chrome.permissions.getAll()).origins);
}

/**
 * What the reader's "Allow" in Chromium's permission prompt stands for. A headless test cannot
 * press that prompt's button (it is browser UI, out of reach of the page and of CDP), so the site
 * is approved beforehand the way the extension's details page does it ("Site access", chrome://
 * extensions' own developerPrivate.addHostPermission). Chromium then answers the popup's
 * permissions.request for that site with true and no prompt; a request for anything broader
 * would still prompt, and the test would time out.
 */
async function approveSiteInBrowser(extension: ExtensionBrowser, pattern: string): Promise<void> {
  const settings = await extension.context.newPage();
  await settings.goto('chrome://extensions');
  const error = await settings.evaluate(([id, site]) => new Promise<string | null>((resolve) => {
    const api = (globalThis as any).chrome;
    api.developerPrivate.addHostPermission(id, site, () => resolve(api.runtime.lastError?.message ?? null));
  }), [extension.id, pattern]);
  await settings.close();
  expect(error).toBeNull();
}

/**
 * Presses the toolbar button on `page` and clicks a button in the real popup. Playwright does
 * not list extension popups as pages, so the popup is reached over CDP; the click runs as a user
 * gesture (Runtime.evaluate userGesture), which permissions.request needs. Resolves with the
 * popup's text after the click has had its effect (`until` appears in it).
 */
async function clickInPopup(context: BrowserContext, page: Page, testId: string, until: string): Promise<string> {
  const message = await withPopup(context, page, async ({ targetId, session, send }) => {
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: false });
    const answer = new Promise<any>((resolve) => (session as any).on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message);
      if (message.id === 1) resolve(message);
    }));
    // Waits for the button (the popup renders once its data is read), clicks it, waits for the result.
    const expression = `(async () => {
      const until = (test) => new Promise((resolve) => { const look = () => test() ? resolve() : requestAnimationFrame(look); look(); });
      await until(() => document.querySelector('[data-testid="${testId}"]'));
      document.querySelector('[data-testid="${testId}"]').click();
      await until(() => document.body.textContent.includes(${JSON.stringify(until)}));
      return document.body.textContent;
    })()`;
    await send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, userGesture: true, returnByValue: true } }) });
    return answer;
  });
  if (message.result?.exceptionDetails) throw new Error(JSON.stringify(message.result.exceptionDetails));
  return message.result.result.value as string;
}

describe('always run on this site', () => {
  test('granted from the popup: the panel tab appears by itself after a reload and in the next session; revoked on the options page: it does not', async ({ extension }) => {
    const f = fixture('unknown-talk');
    const site = 'https://news.example.com/*';
    expect(new URL(f.url).origin).toBe('https://news.example.com');
    expect(await registeredScripts(extension.context)).toEqual([]);

    let page = await extension.context.newPage();
    await page.goto(f.url);
    await approveSiteInBrowser(extension, site);
    // Approved in the browser, but not held until the extension asks: the popup's click asks.
    expect(await grantedOrigins(extension.context)).not.toContain(site);
    const popupText = await clickInPopup(extension.context, page, 'ca-always-run', 'Always runs on news.example.com');
    expect(popupText).toContain('Always runs on news.example.com');

    // Only that site was asked for: nothing broader is held.
    const origins = await grantedOrigins(extension.context);
    expect(origins).toContain(site);
    expect(origins).not.toContain('*://*/*');
    await expect.poll(() => registeredScripts(extension.context)).toEqual([
      // The page script alone, top frame only: not the Disqus frame script, not in the site's frames.
      expect.objectContaining({ id: 'comment-annotator-granted-sites', js: ['content-scripts/granted-site.js'], matches: [site], allFrames: false }),
    ]);

    // No toolbar click: the registered script starts the annotator; the panel waits closed.
    await page.reload();
    expect(await panelCount(page)).toBe(9);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
    await page.locator('[data-testid="ca-toggle"]').waitFor({ state: 'visible' });
    expect(await page.locator('comment-annotator-panel').count()).toBe(1);
    await page.close();

    // The next session: the site is still granted and the annotator still starts by itself.
    await extension.restart();
    await expect.poll(() => registeredScripts(extension.context)).toEqual([expect.objectContaining({ matches: [site] })]);
    page = await extension.context.newPage();
    await page.goto(f.url);
    expect(await panelCount(page)).toBe(9);
    expect(await panel(page).getAttribute('data-state')).toBe('closed');

    // The options page lists it; removing it from the keyboard takes the grant back.
    const options = await extension.open('options.html');
    const remove = options.getByRole('button', { name: `Stop running on ${site}` });
    await remove.focus();
    await options.keyboard.press('Enter');
    await options.locator('[data-testid="granted-sites-empty"]').waitFor();
    expect(await grantedOrigins(extension.context)).not.toContain(site);
    await expect.poll(() => registeredScripts(extension.context)).toEqual([]);
    await options.close();

    // Reloaded with nothing registered: no annotator and no panel host once the page has loaded.
    // The explicit signal that document_idle scripts have had their turn: a script injected
    // through the toolbar's grant runs after them. Then the on-demand injection opens its panel,
    // the only one on the page.
    await page.reload();
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    await clickToolbarButton(extension.context, page);
    await idleScriptsRan(extension.context, page);
    expect(await annotatorProgress(page)).toBeUndefined();
    expect(await page.locator('comment-annotator-panel').count()).toBe(0);
    await injectAnnotator(extension.context, page);
    expect(await panelCount(page)).toBe(9);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    expect(await page.locator('comment-annotator-panel').count()).toBe(1);
  });
});
