// Firefox end-to-end harness: puppeteer-core drives Firefox ESR over WebDriver BiDi (no
// geckodriver) with the Firefox build installed as a temporary add-on, and serves the offline
// fixtures under their real addresses with BiDi request interception, so no test touches the network.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadFixtures, type Fixture } from '../../seeds/fixtures';

/** The Firefox build the tests install, as `npx wxt build -b firefox` writes it. */
export const FIREFOX_BUILD = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'comment-annotator@example.org';
/** Fixed before launch (pref extensions.webextensions.uuids) so the extension's addresses are known. */
export const EXTENSION_UUID = '5c0a2f7e-9d41-4b8e-a3c6-1f2e3d4c5b6a';

/** Where Firefox saves downloads without asking (prefs browser.download.*), one folder per run. */
export const DOWNLOAD_DIR = mkdtempSync(join(tmpdir(), 'ca-ff-downloads-'));

/** Firefox ESR, headless, with the build installed as a temporary add-on. */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_BUILD}: run "npx wxt build -b firefox" first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'browser.download.folderList': 2,
      'browser.download.dir': DOWNLOAD_DIR,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

/** The address of one of the extension's own pages. */
export const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

const withoutHash = (url: string) => url.split('#')[0];

/** A new tab whose web requests are answered from the fixtures (404 for anything else). */
export async function fixturePage(browser: Browser, fixtures: Fixture[] = loadFixtures()): Promise<Page> {
  const pages = new Map<string, () => string>();
  for (const f of fixtures) {
    pages.set(withoutHash(f.url), f.html);
    if (f.frame) pages.set(withoutHash(f.frame.url), f.frame.html);
  }
  const cache = new Map<string, string>();
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = withoutHash(request.url());
    // Only web addresses: the extension's own moz-extension:// files load as usual.
    if (!/^https?:\/\//.test(url)) return void request.continue();
    const html = pages.get(url);
    if (!html) return void request.respond({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
    if (!cache.has(url)) cache.set(url, html());
    return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: cache.get(url)! });
  });
  return page;
}

/** Waits for the panel (in its open shadow root) and returns the number of comments it shows. */
export async function panelCount(page: Page, timeout = 20_000): Promise<number> {
  const handle = await page.waitForSelector('>>> [data-testid="ca-panel"]', { timeout });
  return Number(await handle!.evaluate((el) => el.getAttribute('data-comment-count')));
}

/** Opens the panel from its tab and waits until it lists comments. */
export async function openPanel(page: Page): Promise<void> {
  await (await page.waitForSelector('>>> [data-testid="ca-toggle"]', { timeout: 20_000 }))!.click();
  await page.waitForSelector('>>> [data-comment-key]', { timeout: 20_000 });
}

/** The key of the selected row. */
export async function selectedKey(page: Page): Promise<string | null> {
  const row = await page.waitForSelector('>>> .ca-row[aria-selected="true"]', { timeout: 5_000 });
  return row!.evaluate((el) => el.getAttribute('data-comment-key'));
}

/** The tags a panel row shows, or null when the row is not rendered. */
export async function rowTags(page: Page, key: string): Promise<string | null> {
  const row = await page.$(`>>> .ca-row[data-comment-key="${key}"]`);
  return row ? row.evaluate((el) => el.getAttribute('data-tags')) : null;
}

/** The progress line: "N of M coded". */
export async function progress(page: Page): Promise<string> {
  const line = await page.waitForSelector('>>> [data-testid="ca-progress"]', { timeout: 5_000 });
  return line!.evaluate((el) => el.textContent ?? '');
}

/**
 * Where a tab really is. puppeteer's page.url() keeps saying about:blank for a tab that shows an
 * extension page (Firefox reports no navigation for moz-extension:// documents), so ask the document.
 */
export function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/**
 * Presses the panel's ⚙ button, as a reader would, and returns the tab the extension opens its
 * options page in: the way into the extension's own pages, since WebDriver BiDi refuses to
 * navigate a tab to a moz-extension:// address.
 */
export async function openOptionsFromPanel(browser: Browser, page: Page): Promise<Page> {
  const before = new Set(await browser.pages());
  await (await page.waitForSelector('>>> button[aria-label="Edit the codebook"]', { timeout: 5_000 }))!.click();
  // browser.pages(), not waitForTarget: puppeteer also reports every iframe as a "page" target.
  const options = await pollFor('a new tab', async () => (await browser.pages()).find((tab) => !before.has(tab)));
  await waitForLocation(options, extensionUrl('options.html'));
  return options;
}

/**
 * Sends an extension page's tab to another page of the extension from inside the page (a script
 * navigation between pages of one origin, which Firefox allows) and waits until it is there.
 */
export async function goToExtensionPage(tab: Page, path: string): Promise<void> {
  await tab.evaluate((url) => location.assign(url), extensionUrl(path));
  await waitForLocation(tab, extensionUrl(path));
}

/**
 * Waits until the tab's document is `url` and has loaded. A poll of page.evaluate (which runs in
 * whatever document the tab shows now), not waitForFunction: puppeteer re-arms that only on
 * navigation events, and Firefox sends none for moz-extension:// documents, so it can wait on the
 * tab's discarded about:blank forever.
 */
async function waitForLocation(tab: Page, url: string): Promise<void> {
  let at = '';
  await pollFor(`the tab to reach ${url}`, async () => {
    // While one document replaces another the evaluation can fail; the next poll asks the new one.
    at = await tab.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => at);
    return at === url || undefined;
  }, () => `last seen at "${at}"`);
}

/** Asks `probe` every 100 ms until it gives a value; throws after 10 s, saying what it waited for. */
async function pollFor<T>(what: string, probe: () => Promise<T | undefined>, lastSeen = () => ''): Promise<T> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Waited 10 s for ${what} ${lastSeen()}`.trim());
}
