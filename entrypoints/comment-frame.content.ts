import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { boundComment } from '../lib/bounds';
import { outlineComment, watchCommentClicks } from '../page/comment-outline';
import { watchComments } from '../page/comment-watcher';
import type { FrameComments, FrameHighlights, Request, ToContentScript } from '../lib/messages';
import { PageChips } from '../page/page-chips';
import { SegmentHighlights } from '../page/segment-highlights';
import { forwardPanelKeys } from '../page/frame-keys';
import { takeSelectedPassage } from '../page/selected-passage';
import { COMMENT_FRAMES } from '../lib/sites';
import { FRAME_LAYOUTS } from '../layouts/frame-layouts';

// Inside a comment system's cross-origin iframe (Disqus, giscus, utterances): finds the thread
// and reports it to the article page's frame through the background (the two frames cannot talk
// directly); shows the panel's selection and tags on the comments here, and forwards the keys
// the reader presses here to the open panel. The background sends each frame only its own chips
// and outlines, so two comment frames on a page stay apart.
export default defineContentScript({
  matches: COMMENT_FRAMES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const send = (request: Request) => browser.runtime.sendMessage(request).catch(() => undefined);
    const chips = new PageChips(document, FRAME_LAYOUTS);
    const highlights = new SegmentHighlights(document, FRAME_LAYOUTS);
    let spans: FrameHighlights = {};
    // Offsets count in the texts this frame reported, so the passages are found in those.
    const highlight = () => highlights.render(spans, (key) => latest?.comments.find((c) => c.key === key)?.text);
    let latest: FrameComments | undefined;
    let panelOpen = false;
    const report = () => {
      if (latest) void send(latest);
    };
    const onMessage = (message: ToContentScript) => {
      if (message?.type === 'report-comments') report();
      else if (message?.type === 'focus-comment') outlineComment(document, FRAME_LAYOUTS, message.key, message.scroll);
      else if (message?.type === 'frame-chips') {
        chips.render(message.chips);
        panelOpen = message.open;
        spans = message.highlights ?? {};
        highlight();
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    watchComments(document, FRAME_LAYOUTS, (found) => {
      if (!found.layout) return;
      // Texts are cut before they cross to the background: a huge comment must not block the report.
      latest = { type: 'frame-comments', layout: found.layout, comments: found.comments.map(boundComment) };
      report();
      highlight();
    }, ctx.signal);
    watchCommentClicks(document, FRAME_LAYOUTS, () => latest?.layout ?? null, (key) => void send({ type: 'comment-clicked', key }), ctx.signal);
    forwardPanelKeys(window, () => panelOpen, (press, passage) => void send({ type: 'frame-key', press, ...(passage && { passage }) }), ctx.signal,
      () => takeSelectedPassage(document, FRAME_LAYOUTS, latest?.layout ?? null, (key) => latest?.comments.find((c) => c.key === key)?.text));
  },
});
