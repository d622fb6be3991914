import '../../components/panel.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '../../components/panel-host';
import { CommentStore } from '../../lib/comment-store';
import { watchComments } from '../../lib/comment-watcher';
import type { FrameReport, ToContentScript } from '../../lib/messages';
import { COMMENT_SITES } from '../../lib/sites';

// The article page: finds its own thread, collects what its frames (Disqus) report, and shows
// the panel as soon as there is anything to count.
export default defineContentScript({
  matches: COMMENT_SITES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const store = new CommentStore();
    let mounted: Promise<unknown> | undefined;
    store.subscribe((page) => {
      if (page.count > 0 && !mounted) mounted = mountPanel(ctx, store);
    });

    const onMessage = (message: ToContentScript) => {
      if (message?.type !== 'frame-comments') return;
      const report = message as FrameReport;
      store.set({ frameId: report.frameId, layout: report.layout, comments: report.comments });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    watchComments(document, (found) => {
      if (found.layout) store.set({ frameId: 0, layout: found.layout, comments: found.comments });
    }, ctx.signal);
    await browser.runtime.sendMessage({ type: 'request-frame-comments' }).catch(() => undefined);
  },
});
