import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnotatorSession, type Send } from '../../page/annotator-session';
import { CommentStore } from '../../page/comment-store';
import type { Request, Response, ToContentScript } from '../../lib/messages';
import { PortClient, RESEND_FOR_MS } from '../../page/port-client';
import { route, type RouterDeps } from '../../background/router';
import { readEverything } from '../../storage/codings';
import { loadCodebook } from '../../storage/codebook';
import { classicCodebook } from './classic';
import { AnnotatorDB } from '../../storage/schema';

// The write path between the panel and the background: a port that may close under any request
// (the MV3 worker stopping), requests resent on a new one, and writes that say what they change.

type Listener<T> = (value: T) => void;

/** A port of the fake runtime; `kill` closes it as the worker stopping does (the client hears it a tick later). */
class FakePort {
  dead = false;
  private readonly messageListeners: Listener<any>[] = [];
  private readonly disconnectListeners: Listener<void>[] = [];
  readonly onMessage = { addListener: (l: Listener<any>) => void this.messageListeners.push(l) };
  readonly onDisconnect = { addListener: (l: Listener<void>) => void this.disconnectListeners.push(l) };
  constructor(private readonly received: (port: FakePort, message: { id: number; request: Request }) => void) {}
  postMessage(message: { id: number; request: Request }): void {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    this.received(this, message);
  }
  answer(message: unknown): void {
    if (!this.dead) for (const l of this.messageListeners) l(message);
  }
  kill(): void {
    if (this.dead) return;
    this.dead = true;
    setTimeout(() => this.disconnectListeners.forEach((l) => l()), 0);
  }
}

/** A runtime whose background is `handle`; `connect` throws once the extension is `gone`. */
function fakeRuntime(handle: (port: FakePort, message: { id: number; request: Request }) => void) {
  const runtime = {
    gone: false,
    ports: [] as FakePort[],
    connect() {
      if (runtime.gone) throw new Error('Extension context invalidated.');
      const port = new FakePort(handle);
      runtime.ports.push(port);
      return port as any;
    },
  };
  return runtime;
}

const ask = (n: number): Request => ({ type: 'get-thread-pick', n } as unknown as Request);

describe('the port client', () => {
  it('sends a request again after every disconnect, in the order they were made, until one is answered', async () => {
    const seen: number[][] = [];
    let cutOffs = 3;
    const runtime = fakeRuntime((port, { id, request }) => {
      const n = (request as unknown as { n: number }).n;
      (seen[runtime.ports.indexOf(port)] ??= []).push(n);
      // The worker stops three times in a row before answering anything.
      if (cutOffs > 0) {
        if (n === 2) { cutOffs--; port.kill(); }
        return;
      }
      port.answer({ id, response: { ok: true, value: n } });
    });
    const client = new PortClient(runtime);
    const answers = [client.send(ask(1)), client.send(ask(2))];
    // One more made while the client waits to send again: it must not overtake the first two.
    await new Promise((resolve) => setTimeout(resolve, 1));
    answers.push(client.send(ask(3)));
    expect(await Promise.all(answers)).toEqual([1, 2, 3].map((value) => ({ ok: true, value })));
    expect(runtime.ports.length).toBe(4);
    // No port saw a request before one made earlier, and the last carried all three.
    for (const ns of seen) expect(ns).toEqual([...ns].sort());
    expect(seen[3]).toEqual([1, 2, 3]);
  });

  it('tells the reader "not saved" once the background has not answered for RESEND_FOR_MS, or at once when the extension is gone', async () => {
    let now = 0;
    const runtime = fakeRuntime((port) => port.kill());
    const client = new PortClient(runtime, () => undefined, () => now);
    const lost = client.send(ask(1));
    const start = runtime.ports.length;
    // Disconnect after disconnect; time passes.
    await vi.waitFor(() => expect(runtime.ports.length).toBeGreaterThan(start + 3), { timeout: 5_000 });
    now = RESEND_FOR_MS + 1;
    expect(await lost).toEqual({ ok: false, error: expect.stringContaining('Not saved') });

    runtime.gone = true;
    expect(await client.send(ask(2))).toEqual({ ok: false, error: 'Not saved: Extension context invalidated.' });
  });
});

describe('presses through a worker that stops under them', () => {
  let db: AnnotatorDB;
  let name: string;
  beforeEach(async () => {
    name = `writes-${crypto.randomUUID()}`;
    db = new AnnotatorDB(name);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(name);
  });

  const comments = Array.from({ length: 40 }, (_, i) => ({ key: `wp:${i + 1}`, parentKey: null, depth: 0, kind: 'comment' as const, author: `A${i}`, publishedAt: null, permalink: null, text: `comment ${i}` }));

  /**
   * The real router and database behind ports that each live for 1–8 requests: the last one is
   * stored but never answered (the worker stopped between commit and answer: the case that turned
   * resent toggles into lost tags), and any sent after it are never handled.
   */
  function flakyBackground(random: () => number) {
    const deps = plainDeps(db);
    const sender = { id: 'ext', tab: { id: 1 }, frameId: 0, url: 'https://phandroid.com/a/' };
    let stops = 0;
    const life = new Map<FakePort, { budget: number; seen: number }>();
    const runtime = fakeRuntime((port, { id, request }) => {
      if (!life.has(port)) life.set(port, { budget: 1 + Math.floor(random() * 8), seen: 0 });
      const count = life.get(port)!;
      const n = ++count.seen;
      if (n > count.budget) return;
      void route(request, sender, deps).then((response) => {
        if (n < count.budget) return port.answer({ id, response });
        stops++;
        port.kill();
      });
    });
    return { runtime, stops: () => stops };
  }

  function seeded(seed: number) {
    return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  }

  it('stores every press exactly once, the same tag pressed twice in a row comes off again, and undo takes off only its own tag', async () => {
    const codebook = await classicCodebook(db); // several codes on one comment: the classic codebook's
    const background = flakyBackground(seeded(7));
    const client = new PortClient(background.runtime);
    const store = new CommentStore();
    const session = new AnnotatorSession(store, { url: 'https://phandroid.com/a/', layout: () => 'wp', metadata: () => null }, ((request: Request) => client.send(request)) as Send);
    store.set({ frameId: 0, layout: 'wp', comments });
    await session.load();

    // Presses as fast as a reader types: none waits for the one before.
    const presses: Promise<void>[] = [];
    const expected = new Map<string, string[]>();
    for (const [i, comment] of comments.entries()) {
      const tag = codebook[i % 8].id;
      session.select(comment.key);
      presses.push(session.toggleTag(tag));
      if (i % 5 === 0) {
        // Another tag on and off again at once: it must end up off.
        presses.push(session.toggleTag(codebook[(i + 1) % 8].id), session.toggleTag(codebook[(i + 1) % 8].id));
      }
      expected.set(comment.key, [tag]);
    }
    await Promise.all(presses);
    expect(background.stops()).toBeGreaterThan(10);
    expect(session.unsaved()).toBe(0);
    expect(session.snapshot().status).toBeNull();
    const stored = (await readEverything(db)).annotations;
    expect(stored).toHaveLength(40);
    expect(new Map(stored.map((a) => [a.commentKey, a.tagIds]))).toEqual(expected);
    expect(new Map([...session.snapshot().thread.annotationOf].map(([key, a]) => [key, a.tagIds]))).toEqual(expected);

    // Meanwhile another tab put a second tag on the last comment; undo takes off only this panel's.
    const last = comments[39].key;
    const { key, author, publishedAt, permalink, parentKey, text } = comments[39];
    const target = { page: { url: 'https://phandroid.com/a/', layout: 'wp', metadata: null, commentCount: 40 }, comment: { key, author, publishedAt, permalink, parentKey, text } };
    expect(await route({ type: 'set-tag', target, tagId: codebook[0].id, on: true }, { id: 'ext', tab: { id: 2, url: 'https://phandroid.com/a/' }, frameId: 0, url: 'https://phandroid.com/a/' }, plainDeps(db))).toMatchObject({ ok: true });
    await session.undo();
    expect((await readEverything(db)).annotations.find((a) => a.commentKey === last)?.tagIds).toEqual([codebook[0].id]);
  });

  it('keeps the later of two pieces of news about one annotation, whatever order they arrive in', async () => {
    const [a, b] = await loadCodebook(db);
    const store = new CommentStore();
    const answers: Response[] = [{ ok: true, value: { codebook: [a, b], annotator: 'me', annotations: [], snapshots: [], rev: 3 } }];
    const session = new AnnotatorSession(store, { url: 'https://phandroid.com/a/', layout: () => 'wp', metadata: () => null }, (async (request: Request) => (request.type === 'get-sync-status' ? { ok: true, value: null } : answers.shift()!)) as Send);
    store.set({ frameId: 0, layout: 'wp', comments });
    await session.load();
    const annotation = (tagIds: string[]) => ({ id: 'ann_1', pageUrl: 'https://phandroid.com/a/', commentKey: 'wp:1', tagIds, note: '', annotator: 'me', createdAt: '', updatedAt: '' });
    const news = (tagIds: string[], rev: number): ToContentScript => ({ type: 'stored-change', change: { kind: 'annotation', pageUrl: 'https://phandroid.com/a/', commentKey: 'wp:1', annotator: 'me', annotation: annotation(tagIds), rev } });
    await session.onMessage(news([a.id, b.id], 6));
    await session.onMessage(news([a.id], 5)); // read before the change of rev 6, delivered after it
    expect(session.snapshot().thread.annotationOf.get('wp:1')?.tagIds).toEqual([a.id, b.id]);
    await session.onMessage(news([b.id], 2)); // older than what the panel loaded
    expect(session.snapshot().thread.annotationOf.get('wp:1')?.tagIds).toEqual([a.id, b.id]);
    await session.onMessage(news([b.id], 7));
    expect(session.snapshot().thread.annotationOf.get('wp:1')?.tagIds).toEqual([b.id]);
  });
});

/** A router that tells no tab anything. */
function plainDeps(db: AnnotatorDB): RouterDeps {
  return { db, extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', sendToTab: async () => undefined, openOptions: async () => undefined, cache: {} };
}
