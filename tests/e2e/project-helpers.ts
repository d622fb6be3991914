import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readStores } from './fixture';
import { extensionId, letThrough } from './harness';
import type { CouchServer } from '../couch-server';

// What the team project tests share: the extension's options page, joining a project there as
// a user, and the sync status line.

/** The helpers, for the server `server()` answers (started in the test file's beforeAll). */
export function projectPages(server: () => CouchServer) {
  /** The options page of the extension in `context`. */
  async function options(context: BrowserContext, base = server().url): Promise<Page> {
    await letThrough(context, base);
    const tab = await context.newPage();
    await tab.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    return tab;
  }

  /** Names the annotator and joins the project as `user` (password pw-USER) on the options page; returns the page. */
  async function join(context: BrowserContext, user: string, password = `pw-${user}`, db = 'study', base = server().url): Promise<Page> {
    const tab = await options(context, base);
    const name = tab.locator('[data-testid="annotator-name"]');
    // The stored name shows first (made up on a new profile); then it is renamed.
    await expect.poll(() => name.inputValue()).not.toBe('');
    await name.fill(user);
    await name.press('Tab');
    // Renamed once the database says so (the options page saves on change, asynchronously).
    await expect.poll(async () => (await readStores(tab, 'settings')).settings.find((row) => row.key === 'annotator')?.value).toBe(user);
    await tab.locator('[data-testid="ca-sync-url"]').fill(`${base}/${db}`);
    await tab.locator('[data-testid="ca-sync-user"]').fill(user);
    await tab.locator('[data-testid="ca-sync-password"]').fill(password);
    await tab.locator('[data-testid="ca-sync-join"]').click();
    return tab;
  }

  return { options, join };
}

/** The options page's sync status line. */
export const status = (tab: Page) => tab.locator('[data-testid="ca-sync-status"]').textContent({ timeout: 10_000 });
