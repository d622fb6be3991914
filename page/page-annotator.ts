import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPanel } from './panel-host';
import { AnnotatorSession, type Send } from './annotator-session';
import { publishProgress } from './annotator-progress';
import { outlineComment, watchCommentClicks } from './comment-outline';
import { CommentStore } from './comment-store';
import { watchComments } from './comment-watcher';
import { PAGE_LAYOUTS } from '../layouts/registry';
import type { CommentPassage, FrameKeyPress, ToContentScript } from '../lib/messages';
import { normaliseUrl } from '../lib/urls';
import { prepareTimeFormat } from '../lib/format-time';
import { pageAddress, readPageMetadata } from './page-metadata';
import { PageChips, type Chip } from './page-chips';
import { highlightSpans, SegmentHighlights, type HighlightSpan } from './segment-highlights';
import { offerThreadPicking, pickThread, type ThreadPicking } from './thread-picking';
import { dispatchToTopFrame } from './top-frame-messages';
import { takeSelectedPassage } from './selected-passage';
import type { Annotation, PageMetadata } from '../lib/records';
import type { PanelPlacement } from '../lib/panel-placement';
import type { SessionState } from '../components/panel/model';

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
    reveal: (comment) => pageFocus.now(comment.key, comment.frameId),
  }, send);
  const chips = new PageChips(document, PAGE_LAYOUTS);
  const highlights = new SegmentHighlights(document, PAGE_LAYOUTS);
  const outline = outlineAcrossFrames(send);
  const frameKeys = new Set<(press: FrameKeyPress, passage?: CommentPassage) => void>();
  const progress = publishProgress();
  // The page follows the panel's selection once the reader pauses (scrolling a long thread would
  // delay the panel's next key); undo's reveal is immediate.
  const pageFocus = oncePaused((key, frameId) => outline.focus(key, frameId), life.signal);
  let ui: Awaited<ReturnType<typeof mountPanel>> | undefined;

  // Pages without comments (most pages of a site) cost one scan and nothing more: the saved
  // annotations, the panel and Readability's read of the whole page wait for a thread.
  let mounting: Promise<unknown> | undefined;
  const mount = () => {
    if (mounting || life.signal.aborted) return;
    void session.load();
    // What the panel's first render would otherwise pay when the reader opens it.
    requestIdleCallback(prepareTimeFormat, { timeout: 2_000 });
    requestIdleCallback(() => {
      metadata = readPageMetadata(document, location.href, PAGE_LAYOUTS.detect(document)?.thread);
      progress.metadataRead = true;
    }, { timeout: 5_000 });
    mounting = mountPanel(ctx, session, {
      focus: (comment) => pageFocus.later(comment.key, comment.frameId),
      openOptions: () => void send({ type: 'open-options' }),
      pickThread: () => void pickThread(picking),
      takePassage: () => {
        const top = store.snapshot().frames.find((f) => f.frameId === 0);
        return takeSelectedPassage(document, PAGE_LAYOUTS, top?.layout ?? null, (key) => top?.comments.find((c) => c.key === key)?.text);
      },
      frameKeys: (listener) => {
        frameKeys.add(listener);
        return () => frameKeys.delete(listener);
      },
      placement: {
        load: async () => {
          const saved = await send<PanelPlacement | null>({ type: 'get-panel-placement' });
          return saved.ok ? saved.value : null;
        },
        save: (placement) => void send({ type: 'save-panel-placement', placement }),
      },
    }).then((mountedUi) => {
      ui = mountedUi;
      if (life.signal.aborted) mountedUi.remove();
    });
  };
  store.subscribe((page) => {
    if (page.count > 0) mount();
  });
  session.subscribe(chipRenderer(chips, highlights, send));
  session.subscribe(({ open }) => outline.show(open));

  const watch = watchComments(document, PAGE_LAYOUTS, (found) => {
    if (found.layout && !isStale(found.comments)) store.set({ frameId: 0, layout: found.layout, comments: found.comments });
  }, life.signal, () => {
    progress.scans++;
    progress.comments = store.snapshot().count;
  });
  watchCommentClicks(document, PAGE_LAYOUTS, () => store.snapshot().frames.find((f) => f.frameId === 0)?.layout ?? null, (key) => session.select(key), life.signal);

  const picking: ThreadPicking = {
    doc: document, session, send, store, watch, signal: life.signal,
    isOwn: (path) => !!ui && path.includes(ui.shadowHost),
  };
  if (options.onDemand || options.generic) offerThreadPicking(picking);
  if (options.onDemand) {
    mount();
    session.setOpen(true);
  }
  void send({ type: 'request-frame-comments' });

  return {
    onMessage: (message) => dispatchToTopFrame(message, { store, session, isStale, mount, pressKey: (press, passage) => frameKeys.forEach((listener) => listener(press, passage)) }),
    unsaved: () => session.unsaved(),
    mounted: () => !!mounting,
    keys: () => new Set(store.snapshot().frames.flatMap((f) => f.comments.map((c) => c.key))),
    url: () => session.pageUrl(),
    stop() {
      life.abort();
      ui?.remove();
      outline.show(false);
      chips.render({});
      highlights.clear();
    },
  };
}

/** The outline of the panel's selection, in whichever document shows it. */
interface Outline {
  /** Scrolls to a comment and outlines it, taking the outline off the one before. */
  focus(key: string, frameId: number): void;
  /** Takes the outline off (the panel closed), or puts it back without scrolling (it opened again). */
  show(visible: boolean): void;
}

/** How long the reader must stop moving through the panel before the page follows. */
const FOCUS_PAUSE_MS = 120;

/** Shows a comment on the page: after the reader paused, or at once; the latest request wins either way. */
interface PausedFocus {
  later(key: string, frameId: number): void;
  now(key: string, frameId: number): void;
}

/**
 * Runs `show` for the latest request only: `later` once the requests paused for FOCUS_PAUSE_MS,
 * `now` at once (dropping a `later` still waiting, which would move the page to an older
 * selection). The outline itself costs the page no rendering (page/comment-outline.ts), but
 * scrolling a 10,000-comment thread repaints the page's content for the area it brings into view
 * on about every other move (~35 ms more in that frame): done on every key, it would delay the
 * panel's answer to the next key by as much.
 */
function oncePaused(show: (key: string, frameId: number) => void, signal: AbortSignal): PausedFocus {
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer));
  return {
    later(key, frameId) {
      clearTimeout(timer);
      timer = setTimeout(() => show(key, frameId), FOCUS_PAUSE_MS);
    },
    now(key, frameId) {
      clearTimeout(timer);
      show(key, frameId);
    },
  };
}

/**
 * Outlines a comment in whichever document shows it (the page, or a frame through the
 * background). One outline on the page: the document that showed the last one takes it off
 * when another shows the next. It shows only while the panel is open: it is the panel's
 * selection, and a closed panel leaves nothing on the page.
 */
function outlineAcrossFrames(send: Send): Outline {
  let last: { key: string; frameId: number } | null = null;
  let visible = false;
  const outline = (frameId: number, key: string | null, scroll: boolean) => {
    if (frameId === 0) outlineComment(document, PAGE_LAYOUTS, key, scroll);
    else void send({ type: 'focus-comment', frameId, key, scroll });
  };
  return {
    focus(key, frameId) {
      if (last && last.frameId !== frameId) outline(last.frameId, null, false);
      last = { key, frameId };
      if (visible) outline(frameId, key, true);
    },
    show(show) {
      if (show === visible) return;
      visible = show;
      if (last) outline(last.frameId, show ? last.key : null, false);
    },
  };
}

/** The chip of a comment coded "no code applies" (grey, as the panel's badge). */
const NO_CODE_CHIP: Chip = { name: 'no code', colour: '#57606a' };

/** A coded comment's chips and highlighted passages, as built from its annotation and text. */
interface BuiltChips {
  annotation: Annotation;
  text: string;
  shown: Chip[];
  spans: HighlightSpan[];
}

/**
 * Puts chips next to each coded comment (its tags, or "no code") and highlights its coded passages, here and in the
 * frames, while the panel is open; only when codings or comments changed. The chip hosts are
 * elements in the page's own DOM: however closed their shadow roots, the page sees which
 * comments have one and how big it is; and the page can read the highlights' ranges. So they
 * show only while the reader has the panel open (and sees the same codings there); closed, no
 * comment carries anything that depends on its codings. Each frame also hears whether the panel is
 * open: it forwards the reader's keys to the panel only then.
 */
function chipRenderer(chips: PageChips, highlights: SegmentHighlights, send: Send) {
  let seen: unknown[] = [];
  const sentToFrame = new Map<number, string>();
  // What each coded comment showed, by key: an annotation not changed since (the same object)
  // shows the same chip list, and PageChips skips a list it drew already. A press changes one
  // comment; rebuilding all 5,000 coded comments' lists took the page ~10 ms after each.
  let built = new Map<string, BuiltChips>();
  let builtFor: unknown = null;
  return ({ open, thread }: SessionState) => {
    if (seen[0] === thread.annotationOf && seen[1] === thread.codebook && seen[2] === thread.comments && seen[3] === open) return;
    seen = [thread.annotationOf, thread.codebook, thread.comments, open];
    if (builtFor !== thread.codebook) built = new Map();
    builtFor = thread.codebook;
    const next = new Map<string, BuiltChips>();
    const byFrame = new Map<number, { chips: Record<string, Chip[]>; spans: Record<string, HighlightSpan[]> }>();
    // Indexed, not for...of, and no lookups when nothing is coded: this runs once per opening,
    // before V8 optimises it, and the iterator's results (~200 KB on 10,000 comments) and the
    // lookups (~190 KB) were over half of what the opening allocated. The page's collector is
    // often marking its DOM then, and each allocation in the click made it mark (~5 ms a step).
    const comments = thread.comments;
    const coded = open && thread.annotationOf.size > 0;
    for (let i = 0; i < comments.length; i++) {
      const comment = comments[i];
      let frame = byFrame.get(comment.frameId);
      if (!frame) byFrame.set(comment.frameId, frame = { chips: {}, spans: {} });
      // Most comments are not coded: nothing to build for them (10,000 on opening a long thread).
      const annotation = coded ? thread.annotationOf.get(comment.key) : undefined;
      if (!annotation) continue;
      const before = built.get(comment.key);
      const entry: BuiltChips = before && before.annotation === annotation && before.text === comment.text ? before : {
        annotation,
        text: comment.text,
        shown: annotation.none ? [NO_CODE_CHIP] : thread.codebook.filter((t) => annotation.tagIds.includes(t.id)).map((t) => ({ name: t.name, colour: t.colour })),
        spans: annotation.segments ? highlightSpans(comment.text, annotation.segments, thread.codebook) : [],
      };
      next.set(comment.key, entry);
      if (entry.shown.length) frame.chips[comment.key] = entry.shown;
      if (entry.spans.length) frame.spans[comment.key] = entry.spans;
    }
    built = next;
    for (const [frameId, frame] of byFrame) {
      if (frameId === 0) {
        chips.render(frame.chips);
        highlights.render(frame.spans, (key) => thread.comments.find((c) => c.frameId === 0 && c.key === key)?.text);
        continue;
      }
      const signature = JSON.stringify([open, frame]);
      if (sentToFrame.get(frameId) === signature) continue;
      sentToFrame.set(frameId, signature);
      void send({ type: 'frame-chips', frameId, open, chips: frame.chips, highlights: frame.spans });
    }
  };
}
