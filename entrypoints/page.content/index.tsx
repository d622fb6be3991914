import '../../components/panel.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '../../components/panel-host';
import { AnnotatorSession, type Send } from '../../lib/annotator-session';
import { outlineComment, watchCommentClicks } from '../../lib/comment-outline';
import { CommentStore } from '../../lib/comment-store';
import { watchComments } from '../../lib/comment-watcher';
import type { Request, ToContentScript } from '../../lib/messages';
import { pageAddress, readPageMetadata, type PageMetadata } from '../../lib/page-metadata';
import { PageChips, type Chip } from '../../lib/page-chips';
import { PortClient } from '../../lib/port-client';
import { COMMENT_SITES } from '../../lib/sites';

// The article page: finds its own thread, collects what its frames (Disqus) report, and runs
// the tagging panel. The database is reached only through the background.
export default defineContentScript({
  matches: COMMENT_SITES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const client = new PortClient(browser.runtime);
    const send: Send = (request: Request) => client.send(request);
    const store = new CommentStore();
    let metadata: PageMetadata | null = null;
    const session = new AnnotatorSession(store, {
      url: pageAddress(document, location.href),
      layout: () => store.snapshot().frames[0]?.layout ?? null,
      metadata: () => metadata,
    }, send);
    const chips = new PageChips(document);

    const focus = (key: string, frameId: number) => {
      if (frameId === 0) outlineComment(document, key);
      else void send({ type: 'focus-comment', frameId, key });
    };
    // Pages without comments (most pages of a site) cost one scan and nothing more: the saved
    // annotations, the panel and Readability's read of the whole page wait for a thread.
    let mounted: Promise<unknown> | undefined;
    const mount = () => {
      if (mounted) return mounted;
      void session.load();
      requestIdleCallback(() => { metadata = readPageMetadata(document, location.href); }, { timeout: 5_000 });
      return (mounted = mountPanel(ctx, session, {
        focus: (comment) => focus(comment.key, comment.frameId),
        openOptions: () => void send({ type: 'open-options' }),
      }));
    };

    store.subscribe((page) => {
      if (page.count > 0) mount();
    });
    let chipsFor: unknown[] = [];
    const sentToFrame = new Map<number, string>();
    session.subscribe((state) => {
      // Chips next to each tagged comment, here and in the frames; only when tags changed.
      if (chipsFor[0] === state.annotationOf && chipsFor[1] === state.codebook && chipsFor[2] === state.comments) return;
      chipsFor = [state.annotationOf, state.codebook, state.comments];
      const byFrame = new Map<number, Record<string, Chip[]>>();
      for (const comment of state.comments) {
        const tagIds = state.annotationOf.get(comment.key)?.tagIds;
        if (!byFrame.has(comment.frameId)) byFrame.set(comment.frameId, {});
        if (tagIds?.length) byFrame.get(comment.frameId)![comment.key] = state.codebook.filter((t) => tagIds.includes(t.id)).map((t) => ({ name: t.name, colour: t.colour }));
      }
      for (const [frameId, frameChips] of byFrame) {
        if (frameId === 0) {
          chips.render(frameChips);
          continue;
        }
        const signature = JSON.stringify(frameChips);
        if (sentToFrame.get(frameId) === signature) continue;
        sentToFrame.set(frameId, signature);
        void send({ type: 'frame-chips', chips: frameChips });
      }
    });

    const onMessage = (message: ToContentScript) => {
      switch (message?.type) {
        case 'frame-comments':
          store.set({ frameId: message.frameId, layout: message.layout, comments: message.comments });
          break;
        case 'comment-clicked':
          session.select(message.key);
          break;
        case 'toggle-panel':
          mount();
          session.setOpen(!session.snapshot().open);
          break;
        default:
          void session.onMessage(message);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    watchComments(document, (found) => {
      if (found.layout) store.set({ frameId: 0, layout: found.layout, comments: found.comments });
    }, ctx.signal);
    watchCommentClicks(document, () => store.snapshot().frames.find((f) => f.frameId === 0)?.layout ?? null, (key) => session.select(key), ctx.signal);
    await send({ type: 'request-frame-comments' }).catch(() => undefined);
  },
});
