import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { clickToolbarButton, extensionId, injectAnnotator, launchWithExtension, panel, panelCount, serveFixtures, serviceWorker } from './harness';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let id: string;
// One profile for the whole file, kept over a browser restart and removed at the end.
const profileDir = mkdtempSync(join(tmpdir(), 'ca-profile-'));
beforeAll(async () => {
  browser = await launchWithExtension({ profileDir });
  await serveFixtures(browser.context);
  id = await extensionId(browser.context);
});
afterAll(async () => {
  await browser?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

/** Quits the browser and starts it again on the same profile, as a reader's next session. */
async function restartBrowser(): Promise<void> {
  await browser.close();
  browser = await launchWithExtension({ profileDir });
  await serveFixtures(browser.context);
  expect(await extensionId(browser.context)).toBe(id);
}

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
async function approveSiteInBrowser(context: BrowserContext, pattern: string): Promise<void> {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  const error = await settings.evaluate(([extension, site]) => new Promise<string | null>((resolve) => {
    const api = (globalThis as any).chrome;
    api.developerPrivate.addHostPermission(extension, site, () => resolve(api.runtime.lastError?.message ?? null));
  }), [id, pattern]);
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
  const session = await context.browser()!.newBrowserCDPSession();
  const send = session.send.bind(session) as (method: string, params?: object) => Promise<any>;
  const { targetInfos: tabs } = await send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = tabs.find((t: { url: string }) => t.url === page.url());
  await send('Extensions.triggerAction', { id, targetId: tab.targetId });
  const popupUrl = `chrome-extension://${id}/popup.html`;
  let popup: { targetId: string } | undefined;
  for (let tries = 0; !popup && tries < 100; tries++) {
    if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
    popup = (await send('Target.getTargets', {})).targetInfos.find((t: { url: string }) => t.url === popupUrl);
  }
  if (!popup) throw new Error('the popup did not open');
  const { sessionId } = await send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
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
  const message = await answer;
  await send('Target.closeTarget', { targetId: popup.targetId }).catch(() => undefined);
  await session.detach();
  await page.bringToFront();
  if (message.result?.exceptionDetails) throw new Error(JSON.stringify(message.result.exceptionDetails));
  return message.result.result.value as string;
}

describe('always run on this site', () => {
  it('granted from the popup: the panel tab appears by itself after a reload and in the next session; revoked on the options page: it does not', async () => {
    const f = fixture('unknown-talk');
    const site = 'https://news.example.com/*';
    expect(new URL(f.url).origin).toBe('https://news.example.com');
    expect(await registeredScripts(browser.context)).toEqual([]);

    let page = await browser.context.newPage();
    await page.goto(f.url);
    await approveSiteInBrowser(browser.context, site);
    // Approved in the browser, but not held until the extension asks: the popup's click asks.
    expect(await grantedOrigins(browser.context)).not.toContain(site);
    const popupText = await clickInPopup(browser.context, page, 'ca-always-run', 'Always runs on news.example.com');
    expect(popupText).toContain('Always runs on news.example.com');

    // Only that site was asked for: nothing broader is held.
    const origins = await grantedOrigins(browser.context);
    expect(origins).toContain(site);
    expect(origins).not.toContain('*://*/*');
    await expect.poll(() => registeredScripts(browser.context)).toEqual([
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
    await restartBrowser();
    await expect.poll(() => registeredScripts(browser.context)).toEqual([expect.objectContaining({ matches: [site] })]);
    page = await browser.context.newPage();
    await page.goto(f.url);
    expect(await panelCount(page)).toBe(9);
    expect(await panel(page).getAttribute('data-state')).toBe('closed');

    // The options page lists it; removing it from the keyboard takes the grant back.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const remove = options.getByRole('button', { name: `Stop running on ${site}` });
    await remove.focus();
    await options.keyboard.press('Enter');
    await options.locator('[data-testid="granted-sites-empty"]').waitFor();
    expect(await grantedOrigins(browser.context)).not.toContain(site);
    await expect.poll(() => registeredScripts(browser.context)).toEqual([]);
    await options.close();

    // Reloaded with nothing registered: no panel host once the page has loaded. The explicit
    // signal that document_idle scripts have had their turn: the toolbar's on-demand injection,
    // queued after them, runs and opens its panel, and it is the only panel on the page (the
    // granted-site script would have put a closed one first).
    await page.reload();
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    expect(await page.locator('comment-annotator-panel').count()).toBe(0);
    await clickToolbarButton(browser.context, page);
    await injectAnnotator(browser.context, page);
    expect(await panelCount(page)).toBe(9);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    expect(await page.locator('comment-annotator-panel').count()).toBe(1);
    await page.close();
  });
});
