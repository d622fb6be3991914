import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { keepGrantedSitesRegistered } from '../extension/always-sites';
import type { ToContentScript } from '../lib/messages';
import { PANEL_PORT_NAME } from '../lib/panel-port';
import { openPanelInTab } from '../extension/open-panel';
import { keepProjectInSync } from '../background/project-sync';
import { relayChanges } from '../background/relay';
import { route, type RouterDeps } from '../background/router';
import { AnnotatorDB } from '../storage/schema';

// The database lives here (the extension's origin, never the page's); content scripts reach it
// only through validated messages (background/router.ts).
export default defineBackground(() => {
  const db = new AnnotatorDB();

  const deps: RouterDeps = {
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    sendToTab: (tabId, message, frameId) =>
      frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId }),
    openOptions: () => browser.runtime.openOptionsPage(),
    cache: {},
  };

  // Every write, wherever it was made, is announced by storage (storage/changes.ts): open panels
  // hear it from here, and the router drops the codebook it keeps when that changes.
  relayChanges({
    db,
    cache: deps.cache,
    broadcast: async (message: ToContentScript) => {
      const tabs = await browser.tabs.query({});
      await Promise.all(tabs.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, message).catch(() => undefined)));
    },
  });

  // A team project's database, when one was joined in the options: both ways, from the start.
  keepProjectInSync(db);

  // "Always run on this site": the page script registered for the sites the reader granted.
  keepGrantedSitesRegistered();

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => route(message, sender, deps));
  // The panel's requests come over a port (page/port-client.ts): same checks, same answers.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT_NAME) return port.disconnect();
    port.onMessage.addListener(async (message: { id?: unknown; request?: unknown }) => {
      if (typeof message?.id !== 'number') return;
      const response = await route(message.request, port.sender ?? {}, deps);
      if (response) port.postMessage({ id: message.id, response });
    });
  });

  // The toolbar button opens the popup (whose "Tag this page" does the same); the shortcut
  // opens the panel directly, injecting it on sites the manifest does not name.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await openPanelInTab(tab.id);
  });
});
