import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPanel } from './panel-host';
import { allowGenericLayout, generalisePick, usePick, type ThreadPick } from '../layouts/generic';
import { AnnotatorSession, type SessionState, type Send } from './annotator-session';
import { publishProgress } from './annotator-progress';
import { outlineComment, watchCommentClicks } from './comment-outline';
import { CommentStore } from './comment-store';
import { watchComments } from './comment-watcher';
import type { ToContentScript } from '../lib/messages';
import { normaliseUrl } from '../lib/urls';
import { pageAddress, readPageMetadata, type PageMetadata } from './page-metadata';
import { PageChips, type Chip } from './page-chips';
import { pickElement } from './thread-picker';

/** One page's annotator, from its address being known until it is stopped (navigation, update). */
export interface PageAnnotator {
  /** Handles what the background sends to this tab's top frame. */
  onMessage(message: ToContentScript): void;
  /** Changes not confirmed saved (on their way, or refused). */
  unsaved(): number;
  /** True once the panel was mounted (the reader has seen it). */
  mounted(): boolean;
  /** The keys of every comment it found, in the page and its frames. */
  keys(): Set<string>;
  /** The address its annotations are saved under. */
  url(): string;
  /** Takes the panel and the chips off the page and stops watching it. */
  stop(): void;
}

/**
 * Runs the annotator for the document's current address: watches for the thread, collects
 * what its frames (Disqus) report, mounts the panel once there is something to show, and puts
 * chips next to tagged comments. `generic`: the reader wants the annotator on this site (asked
 * on this page, or granted the site), so the generic layout and thread picking are allowed.
 * `onDemand`: the reader asked on this page, so that too and the panel opens at once.
 * `stale`: after a single-page navigation, the previous page's address and comment keys. A
 * thread made only of those keys is the old page still on screen (the site has not swapped it
 * yet) and is not taken; a canonical link still naming the old address is not believed.
 */
export function startPageAnnotator(ctx: ContentScriptContext, send: Send, options: { onDemand: boolean; generic?: boolean; stale?: { keys: Set<string>; url: string } }): PageAnnotator {
  const life = new AbortController();
  ctx.onInvalidated(() => life.abort());
  const store = new CommentStore();
  const isStale = (comments: { key: string }[]) => !!options.stale && comments.length > 0 && comments.every((c) => options.stale!.keys.has(c.key));
  const canonical = pageAddress(document, location.href);
  const own = normaliseUrl(location.href);
  const url = canonical === options.stale?.url ? own : canonical;
  let metadata: PageMetadata | null = null;
  const session = new AnnotatorSession(store, {
    url,
    ownUrl: own,
    layout: () => store.snapshot().frames[0]?.layout ?? null,
    metadata: () => metadata,
  }, send);
  const chips = new PageChips(document);
  const progress = publishProgress();
  let ui: Awaited<ReturnType<typeof mountPanel>> | undefined;

  // One outline on the page: the document that showed the last one takes it off when another shows the next.
  let outlinedIn = 0;
  const outline = (frameId: number, key: string | null) => {
    if (frameId === 0) outlineComment(document, key);
    else void send({ type: 'focus-comment', frameId, key });
  };
  const focus = (key: string, frameId: number) => {
    if (frameId !== outlinedIn) outline(outlinedIn, null);
    outlinedIn = frameId;
    outline(frameId, key);
  };
  // Pages without comments (most pages of a site) cost one scan and nothing more: the saved
  // annotations, the panel and Readability's read of the whole page wait for a thread.
  let mounting: Promise<unknown> | undefined;
  const mount = () => {
    if (mounting || life.signal.aborted) return;
    void session.load();
    requestIdleCallback(() => {
      metadata = readPageMetadata(document, location.href);
      progress.metadataRead = true;
    }, { timeout: 5_000 });
    mounting = mountPanel(ctx, session, {
      focus: (comment) => focus(comment.key, comment.frameId),
      openOptions: () => void send({ type: 'open-options' }),
      pickThread: () => void pickThread(),
    }).then((mountedUi) => {
      ui = mountedUi;
      if (life.signal.aborted) mountedUi.remove();
    });
  };
  store.subscribe((page) => {
    if (page.count > 0) mount();
  });
  session.subscribe(chipRenderer(chips, send));

  // Time spent reading the thread and updating the panel, for npm run bench (late comments).
  let watchMs = 0;
  const watch = watchComments(document, (found) => {
    if (found.layout && !isStale(found.comments)) store.set({ frameId: 0, layout: found.layout, comments: found.comments });
  }, life.signal, (ms) => {
    watchMs += ms;
    progress.scans++;
    progress.comments = store.snapshot().count;
    // After the panel's render, which Preact runs in a microtask queued during the change.
    queueMicrotask(() => ui?.shadow.querySelector<HTMLElement>('[data-testid="ca-panel"]')?.setAttribute('data-watch-ms', watchMs.toFixed(2)));
  });
  watchCommentClicks(document, () => store.snapshot().frames.find((f) => f.frameId === 0)?.layout ?? null, (key) => session.select(key), life.signal);

  const pickThread = async () => {
    session.setPicking({ picking: true });
    const isOwn = (path: EventTarget[]) => !!ui && path.includes(ui.shadowHost);
    const clicked = await pickElement(document, life.signal, isOwn);
    session.setPicking({ picking: false });
    if (!clicked) return session.report('info', 'No thread picked.');
    const pick = generalisePick(clicked);
    if (!pick) return session.report('error', 'That does not look like one comment among several. Pick the thread again and click another comment.');
    usePick(document, pick);
    watch.rescan();
    const saved = await send({ type: 'save-thread-pick', pick });
    const count = store.snapshot().frames.find((f) => f.frameId === 0)?.comments.length ?? 0;
    session.report('info', `Found ${count} comments like the one you clicked.${saved.ok ? ` Remembered for ${location.hostname}.` : ''}`);
  };

  if (options.onDemand || options.generic) {
    session.setPicking({ canPick: true });
    void send<ThreadPick | null>({ type: 'get-thread-pick' }).then((response) => {
      allowGenericLayout(document, response.ok ? response.value : null);
      watch.rescan();
    });
  }
  if (options.onDemand) {
    mount();
    session.setOpen(true);
  }
  void send({ type: 'request-frame-comments' });

  return {
    onMessage(message) {
      switch (message?.type) {
        case 'frame-comments':
          if (!isStale(message.comments)) store.set({ frameId: message.frameId, layout: message.layout, comments: message.comments });
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
    },
    unsaved: () => session.snapshot().unsaved,
    mounted: () => !!mounting,
    keys: () => new Set(store.snapshot().frames.flatMap((f) => f.comments.map((c) => c.key))),
    url: () => session.pageUrl(),
    stop() {
      life.abort();
      ui?.remove();
      chips.render({});
    },
  };
}

/**
 * Puts chips next to each tagged comment, here and in the frames, while the panel is open; only
 * when tags changed. The chip hosts are elements in the page's own DOM: however closed their
 * shadow roots, the page sees which comments have one and how big it is. So they show only
 * while the reader has the panel open (and sees the same tags there); closed, no comment
 * carries anything that depends on its codings.
 */
function chipRenderer(chips: PageChips, send: Send) {
  let seen: unknown[] = [];
  const sentToFrame = new Map<number, string>();
  return (state: SessionState) => {
    if (seen[0] === state.annotationOf && seen[1] === state.codebook && seen[2] === state.comments && seen[3] === state.open) return;
    seen = [state.annotationOf, state.codebook, state.comments, state.open];
    const byFrame = new Map<number, Record<string, Chip[]>>();
    for (const comment of state.comments) {
      const tagIds = state.open ? state.annotationOf.get(comment.key)?.tagIds : undefined;
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
      void send({ type: 'frame-chips', frameId, chips: frameChips });
    }
  };
}
