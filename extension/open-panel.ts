import { browser } from 'wxt/browser';
import type { ToContentScript } from '../lib/messages';

/** The built content script, injected on pages the manifest does not name. */
const CONTENT_SCRIPT = '/content-scripts/page.js';

/**
 * What to do with the panel: the shortcut toggles it (README: Alt+Shift+A opens and closes);
 * the popup's "Tag this page" only opens it, leaving an open panel open.
 */
export type PanelAction = 'toggle' | 'open';

/** Why the panel could not open: a sentence for the reader, and the browser's own words. */
export interface PanelProblem {
  message: string;
  /** The browser's error text ("Cannot access a chrome:// URL"), for a tooltip, not the sentence. */
  detail: string;
}

/**
 * Opens (or toggles) the panel in a tab. Where the content script runs already (the known
 * sites, or a page it was injected into before) it is told what to do; anywhere else it is
 * injected, which the activeTab grant of a toolbar click or the shortcut allows, and it opens
 * the panel itself. Resolves with what went wrong, in words, when neither works.
 */
export async function openPanelInTab(tabId: number, action: PanelAction = 'toggle'): Promise<PanelProblem | null> {
  const message: ToContentScript = action === 'open' ? { type: 'open-panel' } : { type: 'toggle-panel' };
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return null;
  } catch {
    // No listener: the content script is not in this tab yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return null;
  } catch (error) {
    // Injection fails where the browser keeps extensions out: its own pages, the extension
    // stores and its PDF viewer. The browser's words name a URL scheme, not what happened.
    return {
      message: 'Comment Annotator cannot run here: the browser does not let extensions run on this page (its own pages, the Web Store, or a PDF). Open an article with comments and try again.',
      detail: String((error as Error)?.message ?? error),
    };
  }
}
