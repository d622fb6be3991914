import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchComments } from '../lib/comment-watcher';
import type { FrameComments, ToContentScript } from '../lib/messages';
import { DISQUS_EMBED } from '../lib/sites';

// Inside the cross-origin Disqus iframe: finds the thread and reports it to the article page's
// frame through the background (the two frames cannot talk directly).
export default defineContentScript({
  matches: DISQUS_EMBED,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    let latest: FrameComments | undefined;
    const report = () => {
      if (latest) browser.runtime.sendMessage(latest).catch(() => undefined);
    };
    const onMessage = (message: ToContentScript) => {
      if (message?.type === 'report-comments') report();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    watchComments(document, (found) => {
      if (!found.layout) return;
      latest = { type: 'frame-comments', layout: found.layout, comments: found.comments };
      report();
    }, ctx.signal);
  },
});
