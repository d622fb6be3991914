import { onChange } from '../storage/changes';
import type { StoreChange } from '../lib/changes';
import type { ToContentScript } from '../lib/messages';
import type { RouterCache } from './router';

/** What the relay needs: the database it hears of, a way to reach every tab, and the router's cache. */
export interface RelayDeps {
  db: { readonly name: string };
  /** Sends to every tab (content scripts cannot join the extension's BroadcastChannel). */
  broadcast(message: ToContentScript): Promise<void>;
  cache: RouterCache;
}

/**
 * Hears every change storage announces, from any context (a panel's press stored here, an edit
 * on the review page, an import in its worker, the options page), drops what the router keeps of
 * it, and passes it on to every tab: each panel takes what concerns its page and annotator. The
 * panel that made a change hears of it too, at the revision its answer had: no news to it.
 * Returns the function that stops.
 */
export function relayChanges(deps: RelayDeps): () => void {
  return onChange(deps.db, (change: StoreChange) => {
    if (change.kind === 'codebook') deps.cache.codebook = undefined;
    // A thread's snapshot grew: news for sync, not for any panel (it shows the page's own comments).
    if (change.kind === 'thread') return;
    deps.broadcast({ type: 'stored-change', change }).catch(() => undefined);
  });
}
