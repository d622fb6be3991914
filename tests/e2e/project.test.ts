import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { openWithPanel, readStores, test } from './fixture';
import { extensionId, panel, press, rowTags, selectedKey } from './harness';
import { codeSameComment, join, joinSynced, options, reviewPage, syncStatus } from './project-join';
import { adminRequest, createProject, relayTo } from '../couch-server';
import { couchForFile } from '../couch-for-file';

const XPERIA = fixture('002-xperiablog');
const server = couchForFile('study', ['alice', 'bob', 'lead']);

describe('a team project through a CouchDB server', () => {
  test('two coders code the same thread; the lead sees both codings within 5 s', async ({ context, launchBrowser }) => {
    const bob = await launchBrowser();
    const lead = await launchBrowser();
    for (const [ctx, user] of [[context, 'alice'], [bob.context, 'bob'], [lead.context, 'lead']] as const) {
      await joinSynced(ctx, server.url, user);
    }
    const review = await reviewPage(lead.context);
    const { tagged } = await codeSameComment(context, bob.context, XPERIA.url);

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

  test('a coder codes a page; the lead, who never opened it, opens its saved thread: every comment of the page', async ({ launchBrowser }) => {
    await createProject(server, 'threads', ['carol', 'lead']);
    const carol = await launchBrowser();
    const lead = await launchBrowser();
    await joinSynced(carol.context, server.url, 'carol', 'threads');
    const leadOptions = await joinSynced(lead.context, server.url, 'lead', 'threads');
    const page = await carol.context.newPage();
    await openWithPanel(page, XPERIA.url);
    const count = Number(await panel(page).getAttribute('data-comment-count'));
    expect(count).toBe(flatten(XPERIA.page.comments).length);
    await press(page, '1');

    // The lead's database gets the page (with carol's coding) and then its whole thread.
    const keptKeys = async () => new Set((await readStores(leadOptions, 'threads')).threads.flatMap((part) => part.comments.map((c: { key: string }) => c.key))).size;
    await expect.poll(keptKeys, { timeout: 15_000 }).toBe(count);
    const [{ url }] = (await readStores(leadOptions, 'pages')).pages;
    const thread = await lead.context.newPage();
    await thread.goto(`chrome-extension://${await extensionId(lead.context)}/thread.html?url=${encodeURIComponent(url)}`);
    await expect.poll(() => thread.locator('[data-ca-saved-thread] article').count()).toBe(count);
  });

  test('says what is wrong: the password, the rights, a database that is not there; nothing is joined', async ({ launchBrowser }) => {
    const { context } = await launchBrowser();
    // A database with members, alice not among them (one without members is open to every user).
    await createProject(server, 'closed', ['bob']);
    const wrong = await join(context, server.url, 'alice', { password: 'not-her-password' });
    await expect.poll(() => wrong.locator('[data-testid="ca-sync-error"]').textContent()).toMatch(/does not accept the user name "alice"/);
    const outsider = await join(context, server.url, 'alice', { db: 'closed' });
    await expect.poll(() => outsider.locator('[data-testid="ca-sync-error"]').textContent()).toMatch(/"alice" may not use the database "closed"/);
    const missing = await join(context, server.url, 'alice', { db: 'no-such-db' });
    await expect.poll(() => missing.locator('[data-testid="ca-sync-error"]').textContent()).toMatch(/no database "no-such-db"|may not use/);
    expect(await missing.locator('[data-testid="ca-sync-status"]').count()).toBe(0);
  });

  test('the server stops while a coder keeps tagging; once it is back every tag arrives, none twice', async ({ launchBrowser }) => {
    const relay = await relayTo(server);
    try {
      const { context } = await launchBrowser();
      const settings = await join(context, relay.url, 'alice');
      await expect.poll(() => syncStatus(settings), { timeout: 10_000 }).toMatch(/^synced/);
      const page = await context.newPage();
      const keys = [await openWithPanel(page, XPERIA.url)];
      await press(page, '3');
      await expect.poll(() => syncStatus(settings), { timeout: 10_000 }).toMatch(/^synced/);

      await relay.down();
      for (const key of ['4', '5']) {
        await press(page, 'j', key);
        keys.push((await selectedKey(page))!);
      }
      await expect.poll(() => syncStatus(settings), { timeout: 15_000 }).toMatch(/^Not synced: The server at .* does not answer.*1 page waiting, kept here/);

      await relay.up();
      await expect.poll(() => syncStatus(settings), { timeout: 20_000 }).toMatch(/^synced/);
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
    await joinSynced(first.context, server.url, 'bob');
    const page = await first.context.newPage();
    await openWithPanel(page, XPERIA.url);
    await first.context.setOffline(true);
    await press(page, 'j', 'j', '6');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toContain('complaint');
    await first.context.close();

    const again = await launchBrowser(first.profileDir);
    const reopened = await options(again.context, server.url);
    await expect.poll(() => syncStatus(reopened), { timeout: 20_000 }).toMatch(/^synced/);
    const { rows } = await adminRequest(server, 'study/_all_docs?include_docs=true');
    const bobs = rows.map((r: { doc: { annotator?: string } }) => r.doc).filter((doc: { annotator?: string }) => doc.annotator === 'bob');
    expect(bobs.flatMap((doc: { annotations: { commentKey: string; tagIds: string[] }[] }) => doc.annotations).find((a: { commentKey: string }) => a.commentKey === key)?.tagIds).toContain('tag_complaint');
  });
});
