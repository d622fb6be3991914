import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, test } from './fixture';
import { press, rowTags, selectedKey } from './harness';
import { joinSynced } from './project-join';
import { axeViolations } from './axe';
import { adminRequest, relayTo } from '../couch-server';
import { couchForFile } from '../couch-for-file';

// A team project seen from the article page (issue 14): the panel says where sync stands.

const XPERIA = fixture('002-xperiablog');
const server = couchForFile('study', ['alice', 'bob', 'lead']);

/** The panel's sync line. */
const syncLine = (page: Page) => page.locator('[data-testid="ca-panel-sync"]');

describe('the panel and the team project', () => {
  test('the panel says the project and where its sync stands: synced after a press, the error in words and the page waiting while the server is down, synced again when it is back', async ({ context }) => {
    const relay = await relayTo(server);
    try {
      const page = await context.newPage();
      const first = await openWithPanel(page, XPERIA.url);
      // No project joined: no line.
      expect(await syncLine(page).count()).toBe(0);

      await joinSynced(context, relay.url, 'alice');
      await expect.poll(() => syncLine(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('synced');
      expect(await syncLine(page).textContent()).toMatch(/^study · synced just now/);
      await press(page, '1');
      await expect.poll(() => rowTags(page, first)).toBe('on-topic');
      // The press reached the server, and the line says so.
      await expect.poll(async () => (await adminRequest(server, 'study/_all_docs?include_docs=true')).rows.some((r: { doc: { annotations?: { commentKey: string }[] } }) => r.doc.annotations?.some((a) => a.commentKey === first)), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => syncLine(page).getAttribute('data-state'), { timeout: 10_000 }).toBe('synced');

      await relay.down();
      await press(page, 'j', '2');
      const second = (await selectedKey(page))!;
      await expect.poll(() => rowTags(page, second)).toBe('off-topic');
      await expect.poll(() => syncLine(page).getAttribute('data-state'), { timeout: 15_000 }).toBe('error');
      // The outage may be found before the press is noted (the long poll breaks first): then the page waits after.
      await expect.poll(() => syncLine(page).textContent()).toMatch(/^study · Not synced: The server at .* does not answer\..* · 1 page waiting/);
      // Said out loud once, in the status region beside the line.
      await expect.poll(() => syncLine(page).locator('[role="status"]').textContent()).toMatch(/^Project study not synced: The server at/);
      // The line, its error colour too, passes axe (WCAG 2.2 AA) in the panel's shadow root.
      expect(await axeViolations(page, 'comment-annotator-panel')).toEqual([]);

      await relay.up();
      await expect.poll(() => syncLine(page).getAttribute('data-state'), { timeout: 20_000 }).toBe('synced');
      // Said once the line has changed (the status region follows the line).
      await expect.poll(() => syncLine(page).locator('[role="status"]').textContent()).toBe('Project study syncs again');
    } finally {
      await relay.close();
    }
  });
});
