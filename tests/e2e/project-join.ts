import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openWithPanel, readStores } from './fixture';
import { extensionId, letThrough, press, rowTags, selectedKey } from './harness';

// Joining a team project in a test browser, as a coder does on the options page (issue 14).

/** The options page of the extension in `context`, the project's server (`base`) let through. */
export async function options(context: BrowserContext, base: string): Promise<Page> {
  await letThrough(context, base);
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  return tab;
}

/**
 * Names the annotator `user` and joins the database `db` on the server at `base` as `user`
 * (password pw-USER unless given) on the options page; returns the page.
 */
export async function join(context: BrowserContext, base: string, user: string, { password = `pw-${user}`, db = 'study' } = {}): Promise<Page> {
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

/** The options page's sync status line. */
export const syncStatus = (tab: Page) => tab.locator('[data-testid="ca-sync-status"]').textContent({ timeout: 10_000 });

/** Joins as `join` does (the database `db`) and waits until the options page says "synced". */
export async function joinSynced(context: BrowserContext, base: string, user: string, db = 'study'): Promise<Page> {
  const tab = await join(context, base, user, { db });
  await expect.poll(() => syncStatus(tab), { timeout: 10_000 }).toMatch(/^synced/);
  return tab;
}

/** The review page of the extension in `context`. */
export async function reviewPage(context: BrowserContext): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${await extensionId(context)}/review.html`);
  return tab;
}

/**
 * Two coders code the same comment of the page at `url` differently: the first selected comment
 * gets key 1 (on-topic) in `first`, key 2 in `second`. Returns the comment's key and when the
 * second press was made.
 */
export async function codeSameComment(first: BrowserContext, second: BrowserContext, url: string): Promise<{ key: string; pages: [Page, Page]; tagged: number }> {
  const firstPage = await first.newPage();
  const key = await openWithPanel(firstPage, url);
  await press(firstPage, '1');
  await expect.poll(() => rowTags(firstPage, key)).toBe('on-topic');
  const secondPage = await second.newPage();
  await openWithPanel(secondPage, url);
  await press(secondPage, '2');
  expect(await selectedKey(secondPage)).toBe(key);
  return { key, pages: [firstPage, secondPage], tagged: Date.now() };
}
