import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { showUpdatedNotice } from '../../components/updated-notice';
import type { Send } from '../../lib/annotator-session';
import type { Request, ToContentScript } from '../../lib/messages';
import { startPageAnnotator, type PageAnnotator } from '../../lib/page-annotator';
import { PortClient } from '../../lib/port-client';
import { COMMENT_SITES, isCommentSite } from '../../lib/sites';

// The article page's top frame. Declared for the known comment sites; anywhere else it is
// injected when the reader asks (lib/open-panel.ts). The database is reached only through the
// background.
export default defineContentScript({
  matches: COMMENT_SITES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
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
    const onDemand = !isCommentSite(location.href);
    let annotator: PageAnnotator = startPageAnnotator(ctx, send, { onDemand });

    // Single-page sites change the address without loading a page: start over for the new one,
    // so two pages' comments never mix. (On demand the reader asked for this page only.)
    // The location changes before the site swaps the content (pushState, then render), so the
    // new page is read a moment later, and whatever still shows the old page is not taken.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      const used = annotator.mounted();
      const stale = { keys: annotator.keys(), url: annotator.url() };
      annotator.stop();
      ctx.setTimeout(() => {
        annotator = startPageAnnotator(ctx, send, { onDemand: onDemand && used, stale });
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
  },
});
