import { answerCodingRequest, isCodingRequest } from '../storage/coding-requests';
import { loadCodebook } from '../storage/codebook';
import { SETTING_KEYS, type AnnotatorDB } from '../storage/schema';
import { saveThread } from '../storage/threads';
import { readPanelSync } from '../storage/sync-status';
import { parsePageRequest, parseRequest, type Request, type Response, type ToContentScript } from '../lib/messages';
import { foreignPageReason, isOwnContentScript, isOwnExtensionPage, type SenderLike } from './sender';
import type { Tag } from '../lib/records';

/** What the router needs from the browser; injected so it can be tested without one. */
export interface RouterDeps {
  db: AnnotatorDB;
  extensionId: string;
  /** chrome-extension://<id>/ (moz-extension://<uuid>/ in Firefox): where the extension's pages live. */
  extensionOrigin: string;
  sendToTab(tabId: number, message: ToContentScript, frameId?: number): Promise<unknown>;
  openOptions(): Promise<void>;
  /**
   * The codebook, kept between messages (every press checks its tag against it); dropped when
   * storage announces a codebook change (background/relay.ts). The annotator name is not kept:
   * a write reads it in its own transaction, so a rename cannot fall between name and write.
   */
  cache: RouterCache;
}

/** What the router keeps between messages. */
export interface RouterCache {
  codebook?: Promise<Tag[]>;
}

function codebookOf(deps: RouterDeps): Promise<Tag[]> {
  return (deps.cache.codebook ??= loadCodebook(deps.db).catch((error: unknown) => {
    deps.cache.codebook = undefined;
    throw error;
  }));
}

/** Turns storage failures into words a reader can act on. */
export function describeError(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name;
  if (name === 'QuotaExceededError') return 'Not saved: the disk is full. Free some space and try again; nothing was changed.';
  return `Not saved: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * Handles one message from a content script. Anything not from this extension's own content
 * scripts gets no answer; anything that fails the schema is refused with the reason.
 */
export async function route(message: unknown, sender: SenderLike, deps: RouterDeps): Promise<Response | undefined> {
  const fromPage = isOwnExtensionPage(sender, deps.extensionId, deps.extensionOrigin);
  if (!fromPage && !isOwnContentScript(sender, deps.extensionId)) return undefined;
  try {
    if (fromPage) return await routePageRequest(message);
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    return await handle(parsed.request, { tabId: sender.tab!.id!, frameId: sender.frameId ?? 0, url: sender.url ?? '', tabUrl: sender.tab?.url }, deps);
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

const ok = <T>(value: T): Response<T> => ({ ok: true, value });

/**
 * An extension page that writes keeps the background running (extension/keep-background-listening.ts):
 * the message itself is all it takes, since every event restarts the service worker's idle timer.
 */
async function routePageRequest(message: unknown): Promise<Response> {
  const parsed = parsePageRequest(message);
  return parsed.ok ? ok(null) : { ok: false, error: parsed.error };
}
const quiet = (promise: Promise<unknown>) => void promise.catch(() => undefined);

/** The settings row holding a site's picked thread; sites are told apart by host name. */
const pickKey = (url: string) => {
  try {
    const { protocol, host } = new URL(url);
    return /^https?:$/.test(protocol) ? `thread-pick:${host}` : null;
  } catch {
    return null;
  }
};

/** The page addresses a request reads or writes the codings of. */
function pagesNamed(request: Request): string[] {
  if (request.type === 'get-page-state') return [request.pageUrl];
  if (request.type === 'set-tag' || request.type === 'set-codes' || request.type === 'set-note' || request.type === 'edit-segments' || request.type === 'save-thread') {
    const { url, metadata } = request.type === 'save-thread' ? request.page : request.target.page;
    return metadata ? [url, metadata.url] : [url];
  }
  return [];
}

async function handle(request: Request, from: { tabId: number; frameId: number; url: string; tabUrl?: string }, deps: RouterDeps): Promise<Response> {
  const { db } = deps;
  const { tabId, frameId } = from;
  // A page's codings only to a page of its own site (its canonical link is the page's to choose).
  const named = pagesNamed(request);
  const foreign = named.length ? foreignPageReason(from, named) : null;
  if (foreign) return { ok: false, error: foreign };
  if (isCodingRequest(request)) return answerCodingRequest(db, request, () => codebookOf(deps));
  switch (request.type) {
    case 'request-frame-comments':
      quiet(deps.sendToTab(tabId, { type: 'report-comments' }));
      return ok(null);
    case 'frame-comments':
      if (frameId === 0) return { ok: false, error: 'frame-comments: only frames report comments' };
      // The top frame may not listen yet; then it asks with request-frame-comments when it starts.
      quiet(deps.sendToTab(tabId, { ...request, frameId }, 0));
      return ok(null);
    case 'focus-comment':
      quiet(deps.sendToTab(tabId, { type: 'focus-comment', key: request.key, scroll: request.scroll }, request.frameId));
      return ok(null);
    case 'comment-clicked':
      quiet(deps.sendToTab(tabId, { type: 'comment-clicked', key: request.key, frameId }, 0));
      return ok(null);
    case 'frame-chips':
      quiet(deps.sendToTab(tabId, { type: 'frame-chips', chips: request.chips, open: request.open, ...(request.highlights && { highlights: request.highlights }) }, request.frameId));
      return ok(null);
    case 'frame-key':
      if (frameId === 0) return { ok: false, error: 'frame-key: only frames forward keys' };
      quiet(deps.sendToTab(tabId, { type: 'frame-key', press: request.press, ...(request.passage && { passage: request.passage }) }, 0));
      return ok(null);
    case 'open-options':
      await deps.openOptions();
      return ok(null);
    case 'get-thread-pick': {
      // The site is the sender's own address, never one the message names.
      const key = pickKey(from.url);
      const row = key ? await db.settings.get(key) : undefined;
      return ok(row ? JSON.parse(row.value) : null);
    }
    case 'save-thread-pick': {
      const key = pickKey(from.url);
      if (!key || frameId !== 0) return { ok: false, error: 'save-thread-pick: only the top frame of a web page picks a thread' };
      await db.settings.put({ key, value: JSON.stringify(request.pick) });
      return ok(null);
    }
    case 'get-panel-placement': {
      const row = await db.settings.get(SETTING_KEYS.panelPlacement);
      return ok(row ? JSON.parse(row.value) : null);
    }
    case 'save-panel-placement':
      await db.settings.put({ key: SETTING_KEYS.panelPlacement, value: JSON.stringify(request.placement) });
      return ok(null);
    case 'save-thread':
      return ok(await saveThread(db, request.page, request.comments));
    case 'get-sync-status':
      return ok(await readPanelSync(db));
  }
}
