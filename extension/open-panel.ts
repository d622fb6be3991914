import { browser } from 'wxt/browser';
import type { ToContentScript } from '../lib/messages';

/** The built content script, injected on pages the manifest does not name. */
const CONTENT_SCRIPT = '/content-scripts/page.js';

/**
 * Opens (or closes) the panel in a tab. Where the content script runs already (the known
 * sites, or a page it was injected into before) it is told to toggle; anywhere else it is
 * injected, which the activeTab grant of a toolbar click or the shortcut allows, and it opens
 * the panel itself. Resolves with a message for the reader when neither works.
 */
export async function openPanelInTab(tabId: number): Promise<string | null> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'toggle-panel' } satisfies ToContentScript, { frameId: 0 });
    return null;
  } catch {
    // No listener: the content script is not in this tab yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return null;
  } catch (error) {
    return `Comment Annotator cannot run on this page (${(error as Error).message}).`;
  }
}
