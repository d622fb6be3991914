import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, readStores, test } from './fixture';
import { extensionId, letThrough, press, rowTags, selectedKey } from './harness';
import { createProject, startCouch, type CouchServer } from '../couch-server';

const XPERIA = fixture('002-xperiablog');
let server: CouchServer;

beforeAll(async () => {
  server = await startCouch();
  await createProject(server, 'study', ['alice', 'bob', 'lead']);
}, 60_000);
afterAll(() => server?.stop());

/** The options page of the extension in `context`. */
async function options(context: BrowserContext): Promise<Page> {
  await letThrough(context, server.url);
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  return tab;
}

/** Names the annotator and joins the project as `user` (password pw-USER) on the options page; returns the page. */
async function join(context: BrowserContext, user: string, password = `pw-${user}`, db = 'study'): Promise<Page> {
  const tab = await options(context);
  const name = tab.locator('[data-testid="annotator-name"]');
  // The stored name shows first (made up on a new profile); then it is renamed.
  await expect.poll(() => name.inputValue()).not.toBe('');
  await name.fill(user);
  await name.press('Tab');
  // Renamed once the database says so (the options page saves on change, asynchronously).
  await expect.poll(async () => (await readStores(tab, 'settings')).settings.find((row) => row.key === 'annotator')?.value).toBe(user);
  await tab.locator('[data-testid="ca-sync-url"]').fill(`${server.url}/${db}`);
  await tab.locator('[data-testid="ca-sync-user"]').fill(user);
  await tab.locator('[data-testid="ca-sync-password"]').fill(password);
  await tab.locator('[data-testid="ca-sync-join"]').click();
  return tab;
}

const status = (tab: Page) => tab.locator('[data-testid="ca-sync-status"]').textContent({ timeout: 10_000 });

describe('a team project through a CouchDB server', () => {
  test('two coders code the same thread; the lead sees both codings within 5 s', async ({ context, launchBrowser }) => {
    const bob = await launchBrowser();
    const lead = await launchBrowser();
    for (const [ctx, user] of [[context, 'alice'], [bob.context, 'bob'], [lead.context, 'lead']] as const) {
      const tab = await join(ctx, user);
      await expect.poll(() => status(tab), { timeout: 10_000 }).toMatch(/^synced/);
    }
    const review = await (await lead.context.newPage());
    await review.goto(`chrome-extension://${await extensionId(lead.context)}/review.html`);

    const alicePage = await context.newPage();
    const first = await openWithPanel(alicePage, XPERIA.url);
    await press(alicePage, '1');
    await expect.poll(() => rowTags(alicePage, first)).toBe('on-topic');
    const bobPage = await bob.context.newPage();
    await openWithPanel(bobPage, XPERIA.url);
    await press(bobPage, '2');
    expect(await selectedKey(bobPage)).toBe(first);
    const tagged = Date.now();

    await review.locator('[data-testid="review"][data-total="2"]').waitFor({ timeout: 5_000 });
    expect(Date.now() - tagged).toBeLessThan(5_000);
    const annotators = await review.locator('select[aria-label="Annotator"] option').allTextContents();
    expect(annotators).toEqual(expect.arrayContaining(['alice', 'bob']));
    // The popup says where sync stands.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="ca-popup-sync"]').textContent()).toMatch(/^synced/);
  });

  test('says what is wrong: the password, the rights, a database that is not there; nothing is joined', async ({ launchBrowser }) => {
    const { context } = await launchBrowser();
    // A database with members, alice not among them (one without members is open to every user).
    await createProject(server, 'closed', ['bob']);
    const wrong = await join(context, 'alice', 'not-her-password');
    await expect.poll(() => wrong.locator('[data-testid="ca-sync-error"]').textContent()).toMatch(/does not accept the user name "alice"/);
    const outsider = await join(context, 'alice', 'pw-alice', 'closed');
    await expect.poll(() => outsider.locator('[data-testid="ca-sync-error"]').textContent()).toMatch(/"alice" may not use the database "closed"/);
    const missing = await join(context, 'alice', 'pw-alice', 'no-such-db');
    await expect.poll(() => missing.locator('[data-testid="ca-sync-error"]').textContent()).toMatch(/no database "no-such-db"|may not use/);
    expect(await missing.locator('[data-testid="ca-sync-status"]').count()).toBe(0);
  });
});
