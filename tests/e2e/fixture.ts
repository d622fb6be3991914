import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, test as base } from 'vitest';
import { loadFixtures, type Fixture } from '../../seeds/fixtures';
import { CLASSIC_CODEBOOK, CLASSIC_VARIABLE } from '../classic-codebook';
import { annotatorProgress, extensionId, launchWithExtension, openPanel, panel, serveFixtures } from './harness';

// What every end-to-end test file shares: one Chromium per file with the production build loaded
// and the fixture pages served under their real addresses, a fresh tab per test, and every tab a
// test opened closed after it. The page-level helpers are in harness.ts.

/** The file's browser with the extension loaded: tests reach the extension's own pages through it. */
export interface ExtensionBrowser {
  /** The running browser's context (another one after `restart`). */
  readonly context: BrowserContext;
  /** The extension's id (the profile keeps it over a restart). */
  readonly id: string;
  /** The address of one of the extension's pages, e.g. url('review.html'). */
  url(path: string): string;
  /** Opens one of the extension's pages in a new tab. */
  open(path: string): Promise<Page>;
  /** Quits the browser and starts it again on the same profile, as a reader's next session. */
  restart(): Promise<void>;
  /** Leaves `tab` open over the file's later tests (steps that build on each other, one test each) and returns it. */
  keep(tab: Page): Page;
}

/** A browser started on a profile of a test's own (see `launchBrowser`). */
export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
}

/**
 * Chromium with the extension on `profileDir`, answering `served` under their addresses, and the
 * tabs it opened with. A new profile gets the classic codebook (see useClassicCodebook).
 */
async function start(profileDir: string, served: Fixture[], fresh: boolean): Promise<{ context: BrowserContext; firstTabs: Set<Page> }> {
  const { context } = await launchWithExtension({ profileDir });
  await serveFixtures(context, served);
  const firstTabs = new Set(context.pages());
  if (fresh) await useClassicCodebook(context);
  return { context, firstTabs };
}

/**
 * Replaces a new profile's example codebook with the classic one (tests/classic-codebook.ts):
 * the coding tests put several codes on one comment by their keys 1–8. The options page seeds
 * the example (and creates the database); the classic codes are written over it before any
 * panel has read the codebook.
 */
async function useClassicCodebook(context: BrowserContext): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await expect.poll(async () => (await readStores(tab, 'settings')).settings.some((s) => s.key === 'codebook-seeded'), { timeout: 10_000 }).toBe(true);
  await tab.evaluate(({ variable, tags }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('comment-annotator');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['tags', 'variables'], 'readwrite');
      tx.objectStore('tags').clear();
      tx.objectStore('variables').clear();
      tx.objectStore('variables').put(variable);
      for (const tag of tags) tx.objectStore('tags').put(tag);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  }), { variable: CLASSIC_VARIABLE, tags: CLASSIC_CODEBOOK });
  await tab.close();
}

/** The end-to-end `test`, with the fixtures below; `test.override('served', pages)` serves other pages for a file. */
export const test = base
  // The pages the file's browser serves: every fixture page unless the file overrides it.
  .extend('served', { scope: 'file' }, (): Fixture[] => loadFixtures())
  .extend('extension', { scope: 'file' }, async ({ served }, { onCleanup }): Promise<ExtensionBrowser & { keptTabs(): Set<Page> }> => {
    const profileDir = mkdtempSync(join(tmpdir(), 'ca-profile-'));
    let running = await start(profileDir, served, true);
    const kept = new Set<Page>();
    const id = await extensionId(running.context);
    onCleanup(async () => {
      await running.context.close();
      rmSync(profileDir, { recursive: true, force: true });
    });
    const url = (path: string) => `chrome-extension://${id}/${path}`;
    return {
      get context() {
        return running.context;
      },
      id,
      url,
      async open(path) {
        const tab = await running.context.newPage();
        await tab.goto(url(path));
        return tab;
      },
      async restart() {
        await running.context.close();
        running = await start(profileDir, served, false);
        expect(await extensionId(running.context)).toBe(id);
      },
      keep(tab) {
        kept.add(tab);
        return tab;
      },
      // The tabs left open between tests: the ones the browser opened with, and those kept.
      keptTabs: () => new Set([...running.firstTabs, ...kept]),
    };
  })
  // A test may leave its tabs open: they are closed after it (unless kept), so the next test starts clean.
  .extend('closeTabsAfterTest', { auto: true }, ({ extension }, { onCleanup }) => {
    onCleanup(async () => {
      for (const tab of extension.context.pages()) {
        if (!extension.keptTabs().has(tab) && !tab.isClosed()) await tab.close();
      }
    });
    return true;
  })
  // The file's browser context, as the test starts (ExtensionBrowser.context follows a restart).
  .extend('context', ({ extension }) => extension.context)
  // A fresh tab (closed after the test, with every other tab it opened).
  .extend('page', ({ context }) => context.newPage())
  // Starts another browser with the extension and the same pages, on a new profile or the one
  // given; each is closed (and a new profile removed) after the test.
  .extend('launchBrowser', ({ served }, { onCleanup }) => {
    const launched: { context: BrowserContext; profileDir: string; owned: boolean }[] = [];
    onCleanup(async () => {
      // Every browser first: a later one may run on an earlier one's profile.
      for (const { context } of launched) await context.close();
      for (const { profileDir, owned } of launched) if (owned) rmSync(profileDir, { recursive: true, force: true });
    });
    return async (profileDir?: string): Promise<LaunchedBrowser> => {
      const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'ca-profile-'));
      const { context } = await start(dir, served, !profileDir);
      launched.push({ context, profileDir: dir, owned: !profileDir });
      return { context, profileDir: dir };
    };
  });

/** Opens `url` in `page` with the panel open and returns the key of the comment it selected first. */
export async function openWithPanel(page: Page, url: string): Promise<string> {
  await page.goto(url);
  return openPanel(page);
}

/** Waits for the annotator's first scan of `page` to find no comments, then checks that no panel came with it. */
export async function expectNoPanel(page: Page): Promise<void> {
  await expect.poll(async () => (await annotatorProgress(page))?.scans ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  expect((await annotatorProgress(page))?.comments).toBe(0);
  expect(await panel(page).count()).toBe(0);
}

/** Waits until the annotator of `page` has read the page's metadata, so the next save carries it. */
export async function metadataRead(page: Page): Promise<void> {
  await expect.poll(async () => (await annotatorProgress(page))?.metadataRead, { timeout: 10_000 }).toBe(true);
}

/** Clicks the popup's export button and returns the parsed download. */
export async function exportFromPopup(extension: ExtensionBrowser): Promise<any> {
  const popup = await extension.open('popup.html');
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-testid="ca-export-json"]').click()]);
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  await popup.close();
  return data;
}

/** Every record of the named stores of the extension's IndexedDB, read in one transaction by an extension page. */
export function readStores(extensionPage: Page, ...stores: string[]): Promise<Record<string, any[]>> {
  return extensionPage.evaluate((names) => new Promise<Record<string, any[]>>((resolve, reject) => {
    const open = indexedDB.open('comment-annotator');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(names, 'readonly');
      const requests = names.map((name) => tx.objectStore(name).getAll());
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(names.map((name, i) => [name, requests[i].result])));
      };
      tx.onerror = () => reject(tx.error);
    };
  }), stores);
}

/** Gives the review page's import a file holding `data` (as JSON). */
export async function importInReview(review: Page, data: unknown, name = 'file.json'): Promise<void> {
  await review.locator('[data-testid="import-file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
}
