import { FOREIGN_PAGE, sameSite } from '../lib/site';

/** The parts of a message sender the background trusts. */
export interface SenderLike {
  id?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  url?: string;
}

/**
 * True when a message comes from one of this extension's content scripts: same extension id,
 * and sent from a tab. Pages cannot use runtime.sendMessage to reach us (no externally_connectable),
 * and other extensions carry their own id.
 */
export function isOwnContentScript(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.tab?.id === 'number' && sender.tab.id >= 0;
}

/** True when a message comes from one of this extension's own pages (review, options, popup). */
export function isOwnExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/**
 * Why a content script may not read or write the codings of `pageUrls`, or null when it may.
 * Only the top frame names its page (frames report their comments to it), and only addresses
 * on its own site: the page chooses its canonical link, and a canonical naming another site
 * would hand that site's codings to this page. The sender's address is the browser's record of
 * the document that opened the port (a single-page site changing its address with pushState
 * stays on its origin, so its site still matches).
 */
export function foreignPageReason(sender: { frameId: number; url: string; tabUrl?: string }, pageUrls: string[]): string | null {
  if (sender.frameId !== 0) return `${FOREIGN_PAGE}: only the top frame names its page, and this is frame ${sender.frameId}`;
  const own = sender.url || sender.tabUrl || '';
  const foreign = pageUrls.find((url) => !sameSite(url, own));
  if (foreign === undefined) return null;
  return `${FOREIGN_PAGE}: ${hostOf(foreign)} is not on the site of this tab (${hostOf(own) || 'unknown'}), so its codings stay out of this page`;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};
