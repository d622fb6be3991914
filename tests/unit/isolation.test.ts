import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from '../../page/content-script-context';
import { AnnotatorSession, type Send } from '../../page/annotator-session';
import { CommentStore } from '../../page/comment-store';
import type { Request, Response } from '../../lib/messages';
import { FOREIGN_PAGE } from '../../lib/site';

const contexts: ContentScriptContext[] = [];
const start = (name = 'page') => {
  const ctx = new ContentScriptContext(name, { cssInjectionMode: 'manual' });
  contexts.push(ctx);
  return ctx;
};
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('the content scripts’ life cycle (replaces WXT’s ContentScriptContext)', () => {
  it('tells the page nothing when it starts: no window message, no DOM event', async () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    start();
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
  });

  it('is not stopped or restarted by events a page dispatches, even with the extension id in their names', () => {
    const ctx = start();
    const moved = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', moved);
    const id = browser.runtime.id;
    // WXT names its events "<id>:<entrypoint>:wxt:…" (the entrypoint is unset under vitest).
    const entrypoints = ['page', String((import.meta as { env?: Record<string, unknown> }).env?.ENTRYPOINT)];
    const names = entrypoints.flatMap((entry) => [`${id}:${entry}:wxt:content-script-started`, `${id}:${entry}:wxt:locationchange`]);
    for (const name of [...names, 'wxt:content-script-started', 'wxt:locationchange']) {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'page', messageId: 'forged' } }));
      window.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'page', messageId: 'forged' } }));
    }
    window.postMessage({ type: `${id}:page:wxt:content-script-started`, contentScriptName: 'page', messageId: 'forged' }, '*');
    expect(ctx.signal.aborted).toBe(false);
    expect(moved).not.toHaveBeenCalled();
  });

  it('a newer copy of the same script ends the older one; other scripts are left alone', () => {
    const older = start('page');
    const frame = start('comment-frame');
    const ended = vi.fn();
    older.onInvalidated(ended);
    const newer = start('page');
    expect(ended).toHaveBeenCalledTimes(1);
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(frame.signal.aborted).toBe(false);
  });

  it('timers and listeners stop with it', () => {
    vi.useFakeTimers();
    const ctx = start();
    const fired = vi.fn();
    ctx.setTimeout(fired, 10);
    ctx.addEventListener(document, 'click', fired);
    ctx.notifyInvalidated();
    vi.advanceTimersByTime(20);
    document.body.click();
    expect(fired).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});

describe('a canonical link the background refuses', () => {
  it('the page falls back to its own address, and saves there with metadata naming it', async () => {
    const sent: Request[] = [];
    const send = (async (request: Request): Promise<Response> => {
      sent.push(request);
      const url = request.type === 'get-page-state' ? request.pageUrl : request.type === 'set-tag' ? request.target.page.url : '';
      if (url.startsWith('https://www.xperiablog.net/')) return { ok: false, error: `${FOREIGN_PAGE}: www.xperiablog.net is not on the site of this tab (phandroid.com)` };
      if (request.type === 'get-page-state') return { ok: true, value: { codebook: [], annotator: 'me', annotations: [], snapshots: [] } };
      return { ok: true, value: { before: null, after: null } };
    }) as Send;
    const store = new CommentStore();
    const metadata = { url: 'https://www.xperiablog.net/a/', title: 't', byline: null, siteName: null, publishedTime: null, excerpt: null };
    const session = new AnnotatorSession(store, { url: 'https://www.xperiablog.net/a/', ownUrl: 'https://phandroid.com/fake/', layout: () => 'wp', metadata: () => metadata }, send);
    await session.load();
    expect(session.pageUrl()).toBe('https://phandroid.com/fake/');
    expect(session.snapshot()).toMatchObject({ thread: { loaded: true }, status: null });
    store.set({ frameId: 0, layout: 'wp', comments: [{ key: 'wp:1', parentKey: null, depth: 0, kind: 'comment', author: 'A', publishedAt: null, permalink: null, text: 'Hi' }] });
    session.select('wp:1');
    await session.toggleTag('tag_x');
    const toggle = sent.find((r) => r.type === 'set-tag');
    expect(toggle).toMatchObject({ target: { page: { url: 'https://phandroid.com/fake/', metadata: { url: 'https://phandroid.com/fake/' } } } });
  });
});
