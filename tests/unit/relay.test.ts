import { beforeEach, describe, expect, it, vi } from 'vitest';
import { relayChanges } from '../../background/relay';
import { route, type RouterDeps } from '../../background/router';
import { KEEP_LISTENING_MS, keepBackgroundListening } from '../../extension/keep-background-listening';
import type { StoreChange } from '../../lib/changes';
import type { PageRequest, Request, ToContentScript } from '../../lib/messages';
import { AnnotatorSession, type Send } from '../../page/annotator-session';
import { CommentStore } from '../../page/comment-store';
import { annotatorName, editAnnotation, renameAnnotator } from '../../storage/annotations';
import { readEverything } from '../../storage/codings';
import { announce } from '../../storage/changes';
import { loadCodebook } from '../../storage/codebook';
import { classicCodebook } from './classic';
import { AnnotatorDB } from '../../storage/schema';
import { freshDatabases } from '../fresh-databases';

// The background relays storage's announcements to the open panels, and a panel's session takes
// them: the annotator rename above all, which used to leave open panels on the old name.

const fresh = freshDatabases('relay');
let db: AnnotatorDB;
beforeEach(async () => {
  db = await fresh();
});

const PAGE = 'https://phandroid.com/a/';
const comments = Array.from({ length: 3 }, (_, i) => ({ key: `wp:${i + 1}`, parentKey: null, depth: 0, kind: 'comment' as const, author: `A${i}`, publishedAt: null, permalink: null, text: `comment ${i}` }));
const routerDeps = (): RouterDeps => ({ db, extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', sendToTab: async () => undefined, openOptions: async () => undefined, cache: {} });

describe('the background relay', () => {
  it('passes every announced change but a thread’s to every tab, and drops the router’s codebook only when the codebook changed', async () => {
    const deps = routerDeps();
    const sent: ToContentScript[] = [];
    const stop = relayChanges({ db, cache: deps.cache, broadcast: async (message) => void sent.push(message) });
    const changes: StoreChange[] = [
      { kind: 'annotation', pageUrl: PAGE, commentKey: 'wp:1', annotator: 'me', annotation: null, rev: 3 },
      { kind: 'annotator', name: 'Alice', previous: 'me' },
      { kind: 'pages', pageUrls: [PAGE] },
    ];
    const kept = Promise.resolve([]);
    deps.cache.codebook = kept;
    announce(db, ...changes);
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent).toEqual(changes.map((change) => ({ type: 'stored-change', change })));
    expect(deps.cache.codebook).toBe(kept);
    // A thread's snapshot growing is news for sync only: no tab hears of it.
    announce(db, { kind: 'thread', pageUrl: PAGE }, { kind: 'codebook' });
    await vi.waitFor(() => expect(sent).toHaveLength(4));
    expect(sent[3]).toEqual({ type: 'stored-change', change: { kind: 'codebook' } });
    expect(deps.cache.codebook).toBeUndefined();
    stop();
  });
});

describe('an open panel following what the relay passes on', () => {
  /** A panel's session on PAGE, talking to the real router, hearing what the relay sends every tab. */
  async function openPanel() {
    const deps = routerDeps();
    const sender = { id: 'ext', tab: { id: 1, url: PAGE }, frameId: 0, url: PAGE };
    const asked: Request[] = [];
    const store = new CommentStore();
    const session = new AnnotatorSession(store, { url: PAGE, layout: () => 'wp', metadata: () => null }, ((request: Request) => {
      asked.push(request);
      return route(request, sender, deps);
    }) as Send);
    const stop = relayChanges({ db, cache: deps.cache, broadcast: (message) => session.onMessage(message) });
    store.set({ frameId: 0, layout: 'wp', comments });
    return { session, asked, stop };
  }

  it('after a rename on the options page: shows the new name and its annotations, takes news for it, and its next press changes the same annotation', async () => {
    const codebook = await classicCodebook(db); // several codes on one comment: the classic codebook's
    const order = codebook.map((t) => t.id);
    const [a, b, c] = order;
    const { session, stop } = await openPanel();
    await session.load();
    session.select('wp:1');
    await session.toggleTag(a);
    const first = session.snapshot().thread.annotationOf.get('wp:1')!;
    expect(first.annotator).toMatch(/^annotator-/);

    // The options page: its own connection to the database.
    const options = new AnnotatorDB(db.name);
    await renameAnnotator(options, 'Alice');
    await vi.waitFor(() => expect(session.snapshot().thread.annotator).toBe('Alice'));
    expect(session.snapshot().thread.annotationOf.get('wp:1')).toEqual({ ...first, annotator: 'Alice' });

    // The review page edits the comment under the new name: the panel takes it.
    await editAnnotation(options, { pageUrl: PAGE, commentKey: 'wp:1', annotator: 'Alice' }, { tags: { [b]: true } }, order);
    await vi.waitFor(() => expect(session.snapshot().thread.annotationOf.get('wp:1')?.tagIds).toEqual([a, b]));

    await session.toggleTag(c);
    expect((await readEverything(db)).annotations).toEqual([expect.objectContaining({ id: first.id, annotator: 'Alice', tagIds: [a, b, c] })]);
    expect(session.snapshot().thread.annotationOf.get('wp:1')).toMatchObject({ id: first.id, tagIds: [a, b, c] });
    options.close();
    stop();
  });

  it('reads the page again for a codebook change, an import of its page or a rename only once it has read it at all', async () => {
    await Promise.all([loadCodebook(db), annotatorName(db)]);
    const { session, asked, stop } = await openPanel();
    const reads = () => asked.filter((r) => r.type === 'get-page-state').length;
    const hear = (change: StoreChange) => session.onMessage({ type: 'stored-change', change });
    await hear({ kind: 'codebook' });
    await hear({ kind: 'annotator', name: 'Alice', previous: null });
    expect(reads()).toBe(0); // no panel shown yet: it reads when it mounts
    await session.load();
    expect(reads()).toBe(1);
    await hear({ kind: 'codebook' });
    await hear({ kind: 'pages', pageUrls: ['https://phandroid.com/b/'] });
    await hear({ kind: 'pages', pageUrls: [PAGE] });
    await hear({ kind: 'pages', pageUrls: null });
    await hear({ kind: 'annotator', name: session.snapshot().thread.annotator, previous: null });
    await hear({ kind: 'annotator', name: 'Alice', previous: session.snapshot().thread.annotator });
    expect(reads()).toBe(5);
    stop();
  });
});

describe('extension pages that write keep the background listening', () => {
  it('says so at once and every KEEP_LISTENING_MS (under the worker’s 30 s idle stop) until stopped', () => {
    vi.useFakeTimers();
    try {
      const sent: PageRequest[] = [];
      const stop = keepBackgroundListening(async (message) => void sent.push(message));
      expect(sent).toEqual([{ type: 'keep-listening' }]);
      expect(KEEP_LISTENING_MS).toBeLessThan(30_000);
      vi.advanceTimersByTime(KEEP_LISTENING_MS * 3);
      expect(sent).toHaveLength(4);
      stop();
      vi.advanceTimersByTime(KEEP_LISTENING_MS * 3);
      expect(sent).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
