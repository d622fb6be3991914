import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, readStores, test } from './fixture';
import { extensionId, letThrough, press, rowTags, selectedKey } from './harness';
import { adminRequest, createProject, relayTo, startCouch, type CouchServer } from '../couch-server';

const XPERIA = fixture('002-xperiablog');
let server: CouchServer;

beforeAll(async () => {
  server = await startCouch();
  await createProject(server, 'study', ['alice', 'bob', 'lead']);
}, 60_000);
afterAll(() => server?.stop());

/** The options page of the extension in `context`. */
async function options(context: BrowserContext, base = server.url): Promise<Page> {
  await letThrough(context, base);
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  return tab;
}

/** Names the annotator and joins the project as `user` (password pw-USER) on the options page; returns the page. */
async function join(context: BrowserContext, user: string, password = `pw-${user}`, db = 'study', base = server.url): Promise<Page> {
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
    // The lead's agreement: one comment, coded by both (on-topic against off-topic).
    const agreement = review.locator('[data-testid="agreement"][data-state="ready"]');
    await expect.poll(() => agreement.textContent(), { timeout: 5_000 }).toContain('alice, bob · 1 comments coded by two or more coders');
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

  test('the server stops while a coder keeps tagging; once it is back every tag arrives, none twice', async ({ launchBrowser }) => {
    const relay = await relayTo(server);
    try {
      const { context } = await launchBrowser();
      const settings = await join(context, 'alice', 'pw-alice', 'study', relay.url);
      await expect.poll(() => status(settings), { timeout: 10_000 }).toMatch(/^synced/);
      const page = await context.newPage();
      const keys = [await openWithPanel(page, XPERIA.url)];
      await press(page, '3');
      await expect.poll(() => status(settings), { timeout: 10_000 }).toMatch(/^synced/);

      await relay.down();
      for (const key of ['4', '5']) {
        await press(page, 'j', key);
        keys.push((await selectedKey(page))!);
      }
      await expect.poll(() => status(settings), { timeout: 15_000 }).toMatch(/^Not synced: The server at .* does not answer.*1 page waiting, kept here/);

      await relay.up();
      await expect.poll(() => status(settings), { timeout: 20_000 }).toMatch(/^synced/);
      const { rows } = await adminRequest(server, 'study/_all_docs?include_docs=true');
      const mine = rows.map((r: { doc: { annotator?: string } }) => r.doc).filter((doc: { annotator?: string }) => doc.annotator === 'alice');
      expect(mine).toHaveLength(1);
      const coded = mine[0].annotations.map((a: { commentKey: string }) => a.commentKey).sort();
      expect(coded).toEqual([...new Set([...coded, ...keys])].sort());
      expect(mine[0].annotations.filter((a: { commentKey: string }) => keys.includes(a.commentKey))).toHaveLength(3);
    } finally {
      await relay.close();
    }
  });

  test('a coder tags offline, closes the browser and opens it again: nothing lost, sync resumes', async ({ launchBrowser }) => {
    const first = await launchBrowser();
    const settings = await join(first.context, 'bob');
    await expect.poll(() => status(settings), { timeout: 10_000 }).toMatch(/^synced/);
    const page = await first.context.newPage();
    await openWithPanel(page, XPERIA.url);
    await first.context.setOffline(true);
    await press(page, 'j', 'j', '6');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toContain('complaint');
    await first.context.close();

    const again = await launchBrowser(first.profileDir);
    const reopened = await options(again.context);
    await expect.poll(() => status(reopened), { timeout: 20_000 }).toMatch(/^synced/);
    const { rows } = await adminRequest(server, 'study/_all_docs?include_docs=true');
    const bobs = rows.map((r: { doc: { annotator?: string } }) => r.doc).filter((doc: { annotator?: string }) => doc.annotator === 'bob');
    expect(bobs.flatMap((doc: { annotations: { commentKey: string; tagIds: string[] }[] }) => doc.annotations).find((a: { commentKey: string }) => a.commentKey === key)?.tagIds).toContain('tag_complaint');
  });
});
