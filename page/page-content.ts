import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showUpdatedNotice } from './updated-notice';
import type { Send } from './annotator-session';
import type { Request, ToContentScript } from '../lib/messages';
import { startPageAnnotator, type PageAnnotator } from './page-annotator';
import { PortClient } from './port-client';

/**
 * How the page script came to run: `seed` declared for a known comment site; `granted`
 * registered for a site the reader chose "Always run on this site" for (any comment system,
 * but the panel waits closed); `asked` injected because the reader asked on this page.
 */
export type PageMode = 'seed' | 'granted' | 'asked';

/** The article page's top frame: runs the annotator for each address the tab shows. */
export function runPageContent(ctx: ContentScriptContext, mode: PageMode): void {
  // A closed port is the first sign of an update or reload: then the extension's id is gone.
  // (WXT notices that only in its own timers, and its location watcher uses none here.)
  // Chromium clears the id a moment after closing the port, so look again shortly after.
  const checkGone = () => {
    if (!browser.runtime?.id) ctx.notifyInvalidated();
  };
  const client = new PortClient(browser.runtime, () => {
    for (const ms of [0, 500, 2_000, 5_000]) setTimeout(checkGone, ms);
  });
  const send: Send = (request: Request) => client.send(request);
  const onDemand = mode === 'asked';
  // On a granted site every page may use the generic layout; asked, only the page asked on.
  const generic = mode === 'granted';
  let annotator: PageAnnotator = startPageAnnotator(ctx, send, { onDemand, generic });

  // Single-page sites change the address without loading a page: start over for the new one,
  // so two pages' comments never mix. (On demand the reader asked for this page only.)
  // The location changes before the site swaps the content (pushState, then render), so the
  // new page is read a moment later, and whatever still shows the old page is not taken.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    const used = annotator.mounted();
    const stale = { keys: annotator.keys(), url: annotator.url() };
    annotator.stop();
    ctx.setTimeout(() => {
      annotator = startPageAnnotator(ctx, send, { onDemand: onDemand && used, generic, stale });
    }, 0);
  });

  const onMessage = (message: ToContentScript) => annotator.onMessage(message);
  browser.runtime.onMessage.addListener(onMessage);
  // The extension was updated, reloaded or removed: this script is cut off from it. (A newer
  // copy of this script taking over also ends this one; that needs no notice.)
  ctx.onInvalidated(() => {
    if (annotator.mounted() && !browser.runtime?.id) showUpdatedNotice(document, annotator.unsaved());
    annotator.stop();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // Already gone with the old extension context.
    }
  });
}
