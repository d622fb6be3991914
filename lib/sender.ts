/** The parts of a message sender the background trusts. */
export interface SenderLike {
  id?: string;
  tab?: { id?: number };
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
