import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { createProject } from '../../scripts/project-create';
import { test } from './fixture';
import { press, rowTags } from './harness';
import { codeSameComment, join, reviewPage, syncStatus } from './project-join';
import { startCouch, type CouchServer } from '../couch-server';

// Blind coding end to end: the project made blind by npm run project:create's function, two
// coders and the lead in three browser profiles; each coder sees only their own codings, in the
// extension and when asking the server directly with their own credentials.

const XPERIA = fixture('002-xperiablog');
let server: CouchServer;
let passwords: Record<string, string>;

beforeAll(async () => {
  server = await startCouch();
  passwords = await createProject({ url: `${server.url}/study`, admin: server.admin, lead: 'lead', coders: ['alice', 'bob'], blind: true }, () => undefined);
}, 60_000);
afterAll(() => server?.stop());

/** A GET to the server as `user` with their own credentials, as a coder could send from anywhere. */
async function asUser(user: string, path: string): Promise<{ status: number; answer: any }> {
  const response = await fetch(`${server.url}/${path}`, { headers: { Authorization: `Basic ${btoa(`${user}:${passwords[user]}`)}` } });
  return { status: response.status, answer: await response.json() };
}

/** The annotators the review page's filter offers (without "Any annotator"). */
const annotators = async (tab: Page) => (await tab.locator('select[aria-label="Annotator"] option').allTextContents()).filter((a) => a !== 'Any annotator');

describe('blind coding', () => {
  test('each coder sees only their own codings, also asking the server directly; the lead sees both and the agreement', async ({ context, launchBrowser }) => {
    const bob = await launchBrowser();
    const lead = await launchBrowser();
    const settings = new Map<string, Page>();
    for (const [ctx, user] of [[context, 'alice'], [bob.context, 'bob'], [lead.context, 'lead']] as const) {
      const tab = await join(ctx, server.url, user, { password: passwords[user] });
      await expect.poll(() => syncStatus(tab), { timeout: 10_000 }).toMatch(/^synced/);
      settings.set(user, tab);
    }
    for (const user of ['alice', 'bob']) {
      await expect.poll(() => settings.get(user)!.locator('[data-testid="ca-sync-status-blind"]').textContent()).toBe('Blind coding: on — you see only your own codings');
      expect(await settings.get(user)!.locator('[data-testid="ca-sync-blind"]').count()).toBe(0);
    }
    await expect.poll(() => settings.get('lead')!.locator('[data-testid="ca-sync-blind"]').isChecked()).toBe(true);
    const leadReview = await reviewPage(lead.context);

    // Both code the same comment of the same thread, differently.
    const { key: first, pages: [alicePage], tagged } = await codeSameComment(context, bob.context, XPERIA.url);

    // The lead sees both, and their agreement, within 5 s.
    await leadReview.locator('[data-testid="review"][data-total="2"]').waitFor({ timeout: 5_000 });
    expect(Date.now() - tagged).toBeLessThan(5_000);
    expect(await annotators(leadReview)).toEqual(['alice', 'bob']);
    const agreement = leadReview.locator('[data-testid="agreement"][data-state="ready"]');
    await expect.poll(() => agreement.textContent(), { timeout: 5_000 }).toContain('alice, bob · 1 comments coded by two or more coders');

    // Alice's panel shows her coding of the comment, not bob's.
    expect(await rowTags(alicePage, first)).toBe('on-topic');
    // Bob's coding is on the server now; alice codes once more and her sync round runs after it.
    await press(alicePage, 'j', '3');
    await expect.poll(() => syncStatus(settings.get('alice')!), { timeout: 10_000 }).toMatch(/^synced/);
    const aliceDoc = async () => (await asUser('alice', 'study-coder-alice/_all_docs?include_docs=true')).answer.rows.find((r: { id: string }) => r.id.startsWith('coding:alice:'))?.doc;
    await expect.poll(async () => (await aliceDoc())?.annotations.length).toBe(2);
    const aliceReview = await reviewPage(context);
    await aliceReview.locator('[data-testid="review"][data-total="2"][data-blind="own"]').waitFor();
    expect(await annotators(aliceReview)).toEqual(['alice']);
    expect(await aliceReview.locator('[data-testid="review-blind"]').textContent()).toBe('Blind coding: on — you see only your own codings.');
    expect(await aliceReview.locator('[data-testid="agreement"]').textContent()).not.toContain('bob');

    // Asking the server with her own credentials: bob's database is closed to her, and the
    // project's database holds no coding at all.
    expect((await asUser('alice', 'study-coder-bob/_all_docs?include_docs=true')).status).toBeOneOf([401, 403]);
    const main = await asUser('alice', 'study/_all_docs?include_docs=true');
    expect(main.status).toBe(200);
    expect(main.answer.rows.map((r: { id: string }) => r.id).sort()).toEqual(['_design/comment-annotator', 'project']);
    expect((await asUser('bob', 'study-coder-alice/_all_docs')).status).toBeOneOf([401, 403]);

    // The lead turns blind coding off: the codings move back and alice sees bob's.
    await settings.get('lead')!.locator('[data-testid="ca-sync-blind"]').uncheck();
    await aliceReview.locator('[data-testid="review"][data-total="3"]:not([data-blind])').waitFor({ timeout: 15_000 });
    expect(await annotators(aliceReview)).toEqual(['alice', 'bob']);
    await expect.poll(() => settings.get('alice')!.locator('[data-testid="ca-sync-status-blind"]').count()).toBe(0);
  });
});
