import { extractAdditionalPermissions } from 'webext-permissions';
import { browser } from 'wxt/browser';
import { COMMENT_SITES, isCommentSite } from '../lib/sites';

/** The id of the one registered content script that covers every site the reader granted. */
export const ALWAYS_SCRIPT_ID = 'comment-annotator-granted-sites';
/** The built script it registers (entrypoints/granted-site.content.ts): the page script in its granted-site mode. */
export const GRANTED_SITE_SCRIPT = '/content-scripts/granted-site.js';

/**
 * The match pattern of a tab's site, scheme and host (`https://www.example.org/*`), or null
 * where no content script may run or a grant means nothing: the browser's own pages, files,
 * extension pages, data: and the like. The port is left out: match patterns cannot name one.
 */
export function sitePattern(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const { protocol, hostname } = new URL(url);
  if ((protocol !== 'https:' && protocol !== 'http:') || !hostname) return null;
  return `${protocol}//${hostname}/*`;
}

/** What the popup can offer for a tab: nothing, already on by itself (seed or granted), or the grant. */
export type SiteStatus = { kind: 'none' } | { kind: 'seed' | 'granted' | 'offer'; pattern: string; host: string };

/** The popup's choice for the tab's address, given the granted patterns. */
export function siteStatus(url: string | undefined, granted: string[]): SiteStatus {
  const pattern = sitePattern(url);
  if (!url || !pattern) return { kind: 'none' };
  const host = new URL(url).hostname;
  if (isCommentSite(url)) return { kind: 'seed', pattern, host };
  return { kind: granted.includes(pattern) ? 'granted' : 'offer', pattern, host };
}

/**
 * The sites the reader granted, sorted: every granted origin but those the manifest declares
 * (Chromium counts the content scripts' matches among granted origins).
 */
export async function grantedSites(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const { origins } = extractAdditionalPermissions(all, { manifest: browser.runtime.getManifest() });
  return origins.sort();
}

/**
 * Makes the registered script match exactly the granted sites: registered, updated, or gone
 * when none are left. The browser keeps the registration across restarts, but forgets it on
 * an update and never drops it by itself when a site is revoked, hence this on every change.
 * The seed sites are excluded: their manifest script runs there already.
 */
export async function syncGrantedSiteScript(): Promise<void> {
  const origins = await grantedSites();
  const ids = [ALWAYS_SCRIPT_ID];
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  if (origins.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids });
    return;
  }
  const script = {
    id: ALWAYS_SCRIPT_ID,
    js: [GRANTED_SITE_SCRIPT],
    matches: origins,
    excludeMatches: COMMENT_SITES,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/**
 * Keeps the registration in step from the background: on install or update, at browser start,
 * and whenever a site is granted or revoked (from the popup, the options page or the browser's
 * own extension settings). One sync at a time, so two quick changes cannot register twice.
 */
export function keepGrantedSitesRegistered(): void {
  let queue = Promise.resolve();
  const sync = () => {
    queue = queue.then(syncGrantedSiteScript).catch((error: unknown) => console.error('Comment Annotator: granted sites not registered', error));
  };
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
