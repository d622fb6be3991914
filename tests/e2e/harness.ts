import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type ElementHandle, type Frame, type Page } from 'playwright-core';
import { loadFixtures, type Fixture } from '../../seeds/fixtures';
import { ANNOTATOR_PROGRESS, type AnnotatorProgress } from '../../page/annotator-progress';
import { OUTLINE_BOX, OUTLINE_MARK } from '../../page/comment-outline';

// Driving the production build in Chromium: used by the end-to-end tests (through fixture.ts),
// the benchmarks and the screenshot scripts.

/** The production build the end-to-end tests load, as users get it. */
export const EXTENSION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with the built extension loaded, in a fresh (or given) profile. */
export async function launchWithExtension(options: { profileDir?: string; headless?: boolean } = {}) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run "npm run build" first`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'ca-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      // Lets a test press the toolbar button (CDP Extensions.triggerAction), which grants activeTab.
      '--enable-unsafe-extension-debugging',
    ],
  });
  const close = async () => {
    await context.close();
    if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
  };
  return { context, profileDir, close };
}

/**
 * Serves every fixture under its real address (and the Disqus iframe under disqus.com) and
 * answers everything else with 404, so no test touches the network.
 */
export async function serveFixtures(context: BrowserContext, fixtures: Fixture[] = loadFixtures()): Promise<void> {
  const pages = new Map<string, () => string>();
  for (const f of fixtures) {
    pages.set(f.url, f.html);
    if (f.frame) pages.set(withoutHash(f.frame.url), f.frame.html);
  }
  const cache = new Map<string, string>();
  // Only web addresses: the extension's own chrome-extension:// files (its CSS) load as usual.
  await context.route(/^https?:\/\//, async (route) => {
    const url = withoutHash(route.request().url());
    const html = pages.get(url);
    if (!html) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
    if (!cache.has(url)) cache.set(url, html());
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: cache.get(url)! });
  });
}

const withoutHash = (url: string) => url.split('#')[0];

/** Lets requests to `origin` (a test's own server on 127.0.0.1) through the fixtures' 404s. */
export async function letThrough(context: BrowserContext, origin: string): Promise<void> {
  await context.route((url) => url.origin === origin, (route) => route.continue());
}

/** The panel's root element inside its shadow root (Playwright's CSS locators pierce open shadow roots). */
export const panel = (page: Page) => page.locator('[data-testid="ca-panel"]');

/**
 * What the annotator in `page`'s top frame has done so far (page/annotator-progress.ts), read
 * from the extension's isolated world over CDP; undefined while none runs there. The page's own
 * scripts cannot read it, so it works where there is no panel, and the page learns nothing.
 */
export async function annotatorProgress(page: Page): Promise<AnnotatorProgress | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const worlds: { id: number; origin: string; frameId?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ id: context.id, origin: context.origin, frameId: context.auxData?.frameId }));
    // Enabling reports every execution context that exists, before it answers.
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    // Only this extension is loaded: the one chrome-extension:// world of the top frame is ours.
    const world = worlds.find((w) => w.origin.startsWith('chrome-extension://') && w.frameId === frameTree.frame.id);
    if (!world) return undefined;
    const { result } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: `globalThis[${JSON.stringify(ANNOTATOR_PROGRESS)}]`, returnByValue: true });
    return result.value as AnnotatorProgress | undefined;
  } finally {
    await cdp.detach();
  }
}

/** Waits for the panel and returns the number of comments it shows. */
export async function panelCount(page: Page, timeout = 15_000): Promise<number> {
  await panel(page).waitFor({ state: 'attached', timeout });
  return Number(await panel(page).getAttribute('data-comment-count'));
}

/**
 * Opens the panel from its tab and returns the key of the comment it selects first. Its
 * shortcuts listen from the render that shows that selection on, so keys may follow at once.
 */
export async function openPanel(page: Page): Promise<string> {
  await page.locator('[data-testid="ca-toggle"]').click();
  await page.locator('.ca-row[aria-selected="true"]').waitFor();
  return (await selectedKey(page))!;
}

/**
 * The element the outline of the panel's selection lies over in `doc` (the page, or a comment
 * frame): the outermost element matching `comments` (the page's comment elements, when it
 * matters which of several elements with the same box is meant) whose box is the outline's;
 * null while no outline shows there. The outline is a box of the extension's own
 * (page/comment-outline.ts), never a style on the page's element, so the boxes tell.
 */
export async function outlinedComment(doc: Page | Frame, comments = '*'): Promise<ElementHandle<Element> | null> {
  const found = await doc.evaluateHandle(([mark, part, selector]) => {
    const outline = document.querySelector(part)?.getBoundingClientRect();
    if (!outline) return null;
    // No named helper in here: tsx (the bench and demo scripts) wraps one in a `__name` call the page does not have.
    return [...document.querySelectorAll(selector)].find((el) => {
      const box = el.getBoundingClientRect();
      return !el.closest(mark) && [box.x - outline.x, box.y - outline.y, box.width - outline.width, box.height - outline.height].every((d) => Math.abs(d) < 0.5);
    }) ?? null;
  }, [OUTLINE_MARK, OUTLINE_BOX, comments] as const);
  return found.asElement();
}

/** The tags a panel row shows (the row must be rendered: in view or near it). */
export function rowTags(page: Page, key: string): Promise<string | null> {
  return page.locator(`.ca-row[data-comment-key="${key}"]`).getAttribute('data-tags', { timeout: 5_000 });
}

/** The key of the selected row. */
export function selectedKey(page: Page): Promise<string | null> {
  return page.locator('.ca-row[aria-selected="true"]').getAttribute('data-comment-key', { timeout: 5_000 });
}

/**
 * Presses keys one at a time. Chromium answers each key event once the page's listeners (the
 * panel's among them) and the microtasks they queued (its re-render) have run, so the panel has
 * taken each key before the next; what it sends to the background arrives later.
 */
export async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/**
 * Picks a filter as a reader does, from the keyboard (Home, then arrow keys on the focused list,
 * then Escape to leave it for the shortcuts): the panel ignores untrusted change events, and
 * Playwright's selectOption dispatches those.
 */
export async function chooseFilter(page: Page, label: string): Promise<void> {
  const select = page.locator('select[aria-label="Show"]');
  const index = (await select.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.textContent))).indexOf(label);
  if (index < 0) throw new Error(`No filter called ${label}`);
  await select.focus();
  await page.keyboard.press('Home');
  for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
  const exactly = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await select.locator('option:checked', { hasText: exactly }).waitFor({ state: 'attached' });
  await page.keyboard.press('Escape');
  await select.locator(':scope:not(:focus)').waitFor({ state: 'attached' });
}

/**
 * What the toolbar button and the keyboard command (Alt+Shift+A) do where the content script
 * runs (background.ts): find the active tab (no "tabs" permission needed for that) and tell its
 * top frame to toggle the panel.
 */
export async function togglePanelFromBackground(context: BrowserContext): Promise<void> {
  await (await serviceWorker(context)).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    await api.tabs.sendMessage(tab.id!, { type: 'toggle-panel' }, { frameId: 0 });
  });
}

/** The progress line: "N of M coded". */
export async function progress(page: Page): Promise<string> {
  return (await page.locator('[data-testid="ca-progress"]').textContent()) ?? '';
}

/** The loaded extension's id, read from its service worker's address. */
export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
}

/** The extension's service worker (started again if Chromium stopped it). */
export async function serviceWorker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** A browser-level CDP session's `send`, untyped: Extensions.* and Target.* answers are read loosely. */
type Send = (method: string, params?: object) => Promise<any>;

/**
 * Presses the extension's toolbar button for `page`, as a reader would (Chromium grants the
 * extension activeTab on that tab and opens the popup), runs `use` on the popup's target, then
 * closes the popup (the grant stays) and gives the page the focus back.
 */
export async function withPopup<T>(context: BrowserContext, page: Page, use: (popup: { targetId: string; session: CDPSession; send: Send }) => Promise<T>): Promise<T> {
  const session = await context.browser()!.newBrowserCDPSession();
  const send = session.send.bind(session) as Send;
  try {
    const { targetInfos: tabs } = await send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = tabs.find((t: { url: string }) => t.url === page.url());
    if (!tab) throw new Error(`No tab shows ${page.url()}`);
    const id = await extensionId(context);
    await send('Extensions.triggerAction', { id, targetId: tab.targetId });
    const popupUrl = `chrome-extension://${id}/popup.html`;
    let popup: { targetId: string } | undefined;
    for (let tries = 0; !popup && tries < 100; tries++) {
      if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
      popup = (await send('Target.getTargets', {})).targetInfos.find((t: { url: string }) => t.url === popupUrl);
    }
    if (!popup) throw new Error('the popup did not open');
    try {
      return await use({ targetId: popup.targetId, session, send });
    } finally {
      await send('Target.closeTarget', { targetId: popup.targetId }).catch(() => undefined);
    }
  } finally {
    await session.detach();
    await page.bringToFront();
  }
}

/** Presses the toolbar button for `page` and closes the popup, as a reader would after pressing "Tag this page" in it. */
export async function clickToolbarButton(context: BrowserContext, page: Page): Promise<void> {
  await withPopup(context, page, async () => undefined);
}

/** Loads the build again over the running extension, as "Reload" on chrome://extensions or an update does. */
export async function reloadExtension(context: BrowserContext): Promise<void> {
  const session = await context.browser()!.newBrowserCDPSession();
  await (session.send as Send)('Extensions.loadUnpacked', { path: EXTENSION_DIR });
  await session.detach();
}

/**
 * What the popup's "Tag this page" does on a site the content scripts are not declared for:
 * inject the content script into the tab (allowed by the activeTab grant of the toolbar click).
 */
export async function injectAnnotator(context: BrowserContext, page: Page): Promise<void> {
  await executeInTab(context, page, true);
}

/** Opens the panel on `page` as a reader does on a site the extension does not know: toolbar button, then "Tag this page". */
export async function openFromToolbar(context: BrowserContext, page: Page): Promise<void> {
  await clickToolbarButton(context, page);
  await injectAnnotator(context, page);
}

/**
 * Resolves once the browser has run the content scripts declared for `page` at document_idle:
 * a script injected through the activeTab grant (press the toolbar button first) runs after
 * them, and this one does nothing but come back.
 */
export async function idleScriptsRan(context: BrowserContext, page: Page): Promise<void> {
  await executeInTab(context, page, false);
}

/** Injects into the tab showing `page`, from the service worker: the page script, or a script that does nothing. */
async function executeInTab(context: BrowserContext, page: Page, pageScript: boolean): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(async ({ url, pageScript }) => {
    const api = (globalThis as any).chrome;
    const tab = (await api.tabs.query({})).find((t: { url?: string }) => t.url === url);
    if (!tab) throw new Error(`no access to the tab showing ${url}`);
    const target = { tabId: tab.id };
    await api.scripting.executeScript(pageScript ? { target, files: ['/content-scripts/page.js'] } : { target, func: () => true });
  }, { url: page.url(), pageScript });
}

/**
 * The durations of the extension's performance measures called `name` (lib/timings.ts) in the
 * page's document, oldest first. The content script's marks share the page's timeline, so the
 * page's own world reads them.
 */
export function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((measure) => performance.getEntriesByName(measure, 'measure').map((entry) => entry.duration), name);
}

/** Waits for the `n`th (counting from 1) measure called `name` in the page's document and returns its duration. */
export async function nthMeasure(page: Page, name: string, n: number): Promise<number> {
  await page.waitForFunction(([measure, count]) => performance.getEntriesByName(measure, 'measure').length >= count, [name, n] as const, { timeout: 300_000 });
  return (await measures(page, name))[n - 1];
}
