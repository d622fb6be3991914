import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/panel/Panel';
import { syncLine, syncNews, timeAgo } from '../../components/panel/sync-line';
import { route } from '../../background/router';
import type { PanelSync, Request, Response } from '../../lib/messages';
import type { Send } from '../../page/annotator-session';
import { joinProject, updateSyncState } from '../../storage/project';
import { readPanelSync } from '../../storage/sync-status';
import { AnnotatorDB } from '../../storage/schema';
import { comment, memoryBackground, sessionOn } from './memory-background';
import { followSync } from '../../page/panel-sync';
import { renderRoot } from './render-root';

// The panel's line about the team project's sync (issue 14): what it says, what the page may
// learn of the project (words, never credentials), and how it follows the sync live.

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutesBefore: number) => new Date(NOW - minutesBefore * 60_000).toISOString();
const SYNCED: PanelSync = { project: 'study', lastSync: at(2), waiting: 0, error: null };
const DOWN = 'The server at 127.0.0.1:5984 does not answer.';

describe('the sync line’s words', () => {
  it('says when sync last went through, how many pages wait, or the error with what waits', () => {
    expect(timeAgo(at(0.5), NOW)).toBe('just now');
    expect(timeAgo(at(2), NOW)).toBe('2 min ago');
    expect(timeAgo(at(150), NOW)).toBe('2 h ago');
    expect(timeAgo(at(60 * 24), NOW)).toBe('1 day ago');
    expect(timeAgo(at(60 * 24 * 3), NOW)).toBe('3 days ago');
    expect(syncLine(SYNCED, NOW)).toEqual({ state: 'synced', text: 'synced 2 min ago' });
    expect(syncLine({ ...SYNCED, waiting: 1 }, NOW)).toEqual({ state: 'waiting', text: '1 page waiting' });
    expect(syncLine({ ...SYNCED, waiting: 3 }, NOW)).toEqual({ state: 'waiting', text: '3 pages waiting' });
    expect(syncLine({ ...SYNCED, lastSync: null }, NOW)).toEqual({ state: 'connecting', text: 'connecting…' });
    expect(syncLine({ ...SYNCED, error: DOWN, waiting: 1 }, NOW)).toEqual({ state: 'error', text: `Not synced: ${DOWN} · 1 page waiting` });
  });

  it('tells a screen reader only real news: an error, a new error, sync going through again', () => {
    expect(syncNews(null, SYNCED)).toBeNull();
    expect(syncNews(SYNCED, { ...SYNCED, waiting: 1 })).toBeNull();
    expect(syncNews({ ...SYNCED, waiting: 1 }, { ...SYNCED, lastSync: at(0) })).toBeNull();
    const failed = { ...SYNCED, error: DOWN, waiting: 1 };
    expect(syncNews(SYNCED, failed)).toBe(`Project study not synced: ${DOWN}`);
    expect(syncNews(failed, { ...failed, waiting: 2 })).toBeNull();
    expect(syncNews(failed, { ...failed, error: 'Refused.' })).toBe('Project study not synced: Refused.');
    expect(syncNews(failed, SYNCED)).toBe('Project study syncs again');
    expect(syncNews(SYNCED, null)).toBeNull();
  });
});

describe('the session reading where sync stands', () => {
  it('one request at a time: news during one makes one more after it; a request that failed outright does not stop the next', async () => {
    const answers: ((sync: PanelSync | null) => void)[] = [];
    let fail = false;
    const send = (async () => {
      if (fail) throw new Error('the extension went away');
      return { ok: true, value: await new Promise<PanelSync | null>((done) => answers.push(done)) };
    }) as unknown as Send;
    const shown: (PanelSync | null)[] = [];
    const read = followSync(send, (sync) => shown.push(sync));
    read();
    read();
    read();
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0](SYNCED);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]({ ...SYNCED, waiting: 1 });
    await vi.waitFor(() => expect(shown).toEqual([SYNCED, { ...SYNCED, waiting: 1 }]));
    expect(answers).toHaveLength(2);

    fail = true;
    read();
    fail = false;
    await vi.waitFor(() => {
      read();
      expect(answers).toHaveLength(3);
    });
    answers[2](null);
    await vi.waitFor(() => expect(shown.at(-1)).toBeNull());
  });
});

describe('what the page may learn of the project', () => {
  let db: AnnotatorDB;
  beforeEach(() => {
    db = new AnnotatorDB(`panel-sync-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('nothing without a project; with one, its database’s name, the pages waiting and the error in words, never its address, user or password', async () => {
    expect(await readPanelSync(db)).toBeNull();
    await db.pages.put({ url: 'https://phandroid.com/a/', layout: 'wp', metadata: null, firstSeen: '', lastSeen: '', commentCount: 3, codedCount: 0 });
    await joinProject(db, { url: 'https://couch.example.org/team%20study', user: 'alice-user', password: 's3cret-pw' });
    expect(await readPanelSync(db)).toEqual({ project: 'team study', lastSync: null, waiting: 1, error: null });
    await updateSyncState(db, (state) => ({ ...state, lastSync: at(1), error: 'The server refused s3cret-pw.' }));
    const sync = await readPanelSync(db);
    expect(sync).toEqual({ project: 'team study', lastSync: at(1), waiting: 1, error: 'The server refused ….' });
    expect(JSON.stringify(sync)).not.toMatch(/s3cret-pw|alice-user|couch\.example\.org/);
  });

  it('the background answers a panel’s get-sync-status, and refuses one that is not that shape', async () => {
    const deps = { db, extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', sendToTab: async () => undefined, openOptions: async () => undefined, cache: {} };
    const own = { id: 'ext', tab: { id: 7 }, frameId: 0, url: 'https://phandroid.com/a/' };
    expect(await route({ type: 'get-sync-status' }, own, deps)).toEqual({ ok: true, value: null });
    await joinProject(db, { url: 'https://couch.example.org/study', user: 'alice', password: 'pw' });
    expect(await route({ type: 'get-sync-status' }, own, deps)).toEqual({ ok: true, value: { project: 'study', lastSync: null, waiting: 0, error: null } });
    expect(await route({ type: 'get-sync-status', url: 'https://evil.example/' }, own, deps)).toMatchObject({ ok: false });
  });
});

describe('the panel’s sync line', () => {
  const root = renderRoot();

  /** The panel open on a page, its background saying `sync` of the project (changed by the test). */
  async function panelWith(initial: PanelSync | null) {
    const state = { sync: initial, asked: 0 };
    const background = memoryBackground();
    const send = (async (request: Request): Promise<Response> => {
      if (request.type !== 'get-sync-status') return background.send(request);
      state.asked++;
      return { ok: true, value: state.sync };
    }) as Send;
    const { session } = await sessionOn([comment('wp:1')], { ...background, send });
    render(<Panel session={session} page={{ focus: () => undefined, openOptions: () => undefined, pickThread: () => undefined, frameKeys: () => () => undefined, placement: { load: async () => null, save: () => undefined }, makeRoom: () => undefined, takePassage: () => null }} />, root);
    session.setOpen(true);
    await vi.waitFor(() => expect(state.asked).toBe(1));
    /** Sync moved on: storage announces it, the background relays it. */
    const moved = async (sync: PanelSync | null) => {
      state.sync = sync;
      const asked = state.asked;
      await session.onMessage({ type: 'stored-change', change: { kind: 'project' } });
      await vi.waitFor(() => expect(state.asked).toBe(asked + 1));
    };
    return { moved };
  }
  const line = () => root.querySelector<HTMLElement>('[data-testid="ca-panel-sync"]');
  const news = () => line()?.querySelector('[role="status"]')?.textContent;

  it('shows nothing without a project; follows the project’s sync as it moves, saying only real news out loud', async () => {
    const { moved } = await panelWith(null);
    expect(root.querySelector('.ca-sheet')).not.toBeNull();
    expect(line()).toBeNull();

    await moved({ ...SYNCED, lastSync: new Date().toISOString(), waiting: 1 });
    await vi.waitFor(() => expect(line()?.getAttribute('data-state')).toBe('waiting'));
    expect(line()!.textContent).toContain('study · 1 page waiting');
    expect(news()).toBe('');

    await moved({ ...SYNCED, lastSync: new Date().toISOString() });
    await vi.waitFor(() => expect(line()?.getAttribute('data-state')).toBe('synced'));
    expect(line()!.textContent).toContain('study · synced just now');
    expect(news()).toBe('');

    await moved({ ...SYNCED, error: DOWN, waiting: 1 });
    await vi.waitFor(() => expect(line()?.getAttribute('data-state')).toBe('error'));
    expect(line()!.textContent).toContain(`Not synced: ${DOWN} · 1 page waiting`);
    await vi.waitFor(() => expect(news()).toBe(`Project study not synced: ${DOWN}`));
    expect(line()!.querySelector('[role="status"]')!.getAttribute('aria-live')).toBe('polite');

    await moved({ ...SYNCED, lastSync: new Date().toISOString() });
    await vi.waitFor(() => expect(news()).toBe('Project study syncs again'));

    await moved(null);
    await vi.waitFor(() => expect(line()).toBeNull());
  });
});
