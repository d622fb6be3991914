import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CommentRow, ROW_HEIGHT, rowId } from './CommentRow';
import { DetailPane } from './DetailPane';
import { MissingList } from './MissingList';
import { HeaderDetails, TitleRow, type Filter } from './PanelHeader';
import { trusted } from './trusted';
import { ShortcutsHelp } from './ShortcutsHelp';
import { CodebookPane } from './CodebookPane';
import { EmptyList } from './EmptyList';
import { PickPrompt } from './PickPrompt';
import { codeOrTag, noneSelected, useShortcuts, type FrameKeys, type Pane } from './use-shortcuts';
import { isCoded } from '../../lib/edits';
import { useFocusOnOpen } from './use-focus-on-open';
import { useRenderedAhead } from './use-rendered-ahead';
import { usePlacement, type PlacementStore } from './use-placement';
import { PanelEdge } from './PanelEdge';
import { VirtualList } from '../common/VirtualList';
import { TIMINGS, measureAfterNextFrame } from '../../lib/timings';
import type { PanelComment, PanelSession, SessionState, ThreadState } from './model';
import type { PanelSide } from '../../lib/panel-placement';
import { mapText, passageIn } from '../../lib/passages';
import type { CommentPassage } from '../../lib/messages';

/** What the panel needs from the page around it. */
export interface PageLink {
  /** Scrolls the page to a comment and outlines it (in the Disqus iframe too). */
  focus(comment: PanelComment): void;
  openOptions(): void;
  /** Lets the reader click one comment on the page to show where the thread is. */
  pickThread(): void;
  /** The keys the reader presses in the page's comment frames. */
  frameKeys: FrameKeys;
  /** Where the reader's side and width of the panel are kept. */
  placement: PlacementStore;
  /** Moves the page's content aside by `width` pixels on `side`, out from under the panel (0: back). */
  makeRoom(side: PanelSide, width: number): void;
  /** The passage of a comment the reader selected in the page (the selection then cleared), or null. */
  takePassage(): CommentPassage | null;
}

/** The panel: a tab with the number of comments, opening onto the tagging sheet. */
export function Panel({ session, page }: { session: PanelSession; page: PageLink }) {
  const state = useSession(session);
  const { thread, pick } = state;
  const [filter, setFilter] = useState<Filter>({ kind: 'all' });
  const [query, setQuery] = useState('');
  const [pane, setPane] = useState<Pane>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const detailTextRef = useRef<HTMLParagraphElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => visibleComments(thread, filter, query), [thread.comments, thread.annotationOf, filter, query]);
  const keys = useMemo(() => visible.map((c) => c.key), [visible]);
  // The session's selection, else the first comment, which opening selects (AnnotatorSession.setOpen):
  // the sheet rendered ahead while the panel is closed then already shows what opening shows.
  const selectedKey = state.selectedKey ?? thread.comments[0]?.key ?? null;
  const selectedIndex = selectedKey ? keys.indexOf(selectedKey) : -1;
  const selected = thread.comments.find((c) => c.key === selectedKey);
  const annotation = selected && thread.annotationOf.get(selected.key);
  const count = thread.comments.length;
  const placement = usePlacement(page.placement);
  const room = state.open ? placement.pageRoom : 0;
  // After the sheet is painted: moving the page aside reflows all of it.
  useEffect(() => page.makeRoom(placement.side, room), [placement.side, room]);
  const ahead = useRenderedAhead(thread.loaded, rootRef);

  // Time from "open" to the first frame showing the sheet, for npm run bench (lib/timings.ts);
  // read off the frame, not forced here: a forced layout would only add work before it.
  useLayoutEffect(() => {
    if (state.open) measureAfterNextFrame(TIMINGS.rendered, TIMINGS.open);
  }, [state.open]);

  // What the sheet's handlers act on, as of the last render: the handlers stay the same objects
  // from one render to the next, so the sheet's parts below are not rendered again when only
  // the panel's being open changes.
  const latest = useRef({ thread, keys, selected });
  latest.current = { thread, keys, selected };
  const act = useMemo(() => {
    const takePassage = () => takeDetailPassage(detailTextRef.current, latest.current.selected) ?? page.takePassage();
    const focusKey = (key: string | null) => {
      const comment = key ? latest.current.thread.comments.find((c) => c.key === key) : undefined;
      if (comment) page.focus(comment);
    };
    return {
      takePassage,
      focusKey,
      applyTag: (tagId: string) => codeOrTag(session, tagId, { keys: latest.current.keys, takePassage }),
      none: () => noneSelected(session, latest.current.keys),
      select(key: string) {
        session.select(key);
        focusKey(key);
      },
      done: () => rootRef.current?.querySelector<HTMLElement>('.ca-scroller')?.focus(),
    };
  }, [session, page]);

  useFocusOnOpen(state.open, rootRef, visible.length > 0);
  // Escape from the panel's own field (the note, the search) goes back to the list, as Ctrl+Enter
  // does from the note, not to the page's start.
  const leftField = (field: Element) => rootRef.current?.contains(field) && act.done();
  useShortcuts(session, state.open, { keys, focus: act.focusKey, editNote: () => noteRef.current?.focus(), leftField, takePassage: act.takePassage, pane, setPane }, page.frameKeys);

  // The sheet's parts that do not change when it opens, made again only when what they show
  // changes: opening then renders the title row alone (Preact skips an element it was given before).
  const details = useMemo(() => (
    <HeaderDetails
      thread={thread} sync={state.sync} selectedKey={selected ? selected.key : null} filter={filter} query={query}
      onFilter={setFilter} onQuery={setQuery} onApplyTag={act.applyTag} onNone={act.none}
    />
  ), [thread, state.sync, selected, filter, query, act]);
  const list = useMemo(() => visible.length === 0 ? <EmptyList found={count} pick={pick} /> : (
    <VirtualList
      count={visible.length}
      rowHeight={ROW_HEIGHT}
      activeIndex={selectedIndex}
      label="Comments in thread order"
      role="listbox"
      activeId={selected && selectedIndex >= 0 ? rowId(selected.key) : undefined}
      renderRow={(index, style) => {
        const comment = visible[index];
        return (
          <CommentRow
            key={comment.key}
            comment={comment}
            annotation={thread.annotationOf.get(comment.key)}
            codebook={thread.codebook}
            selected={comment.key === selectedKey}
            style={style}
            onSelect={act.select}
          />
        );
      }}
    />
  ), [visible, thread.annotationOf, thread.codebook, count, pick, selected, selectedIndex, act]);
  const announcement = useMemo(() => selected && selectedIndex >= 0 ? announce(selected, selectedIndex, visible.length, thread) : '', [selected, selectedIndex, visible.length, thread]);
  const detail = useMemo(() => selected && (
    <DetailPane
      comment={selected} annotation={annotation} codebook={thread.codebook} noteRef={noteRef} textRef={detailTextRef}
      // Bound to the comment shown: a note's blur after the selection moved still saves it on its own comment.
      onRemoveSegment={(segmentId) => void session.removeSegment(selected.key, segmentId)}
      onNote={(note) => void session.setNote(selected.key, note)}
      onDone={act.done}
    />
  ), [selected, annotation, thread.codebook, act, session]);
  const missing = useMemo(() => <MissingList missing={thread.missing} codebook={thread.codebook} />, [thread.missing, thread.codebook]);

  // The count tab: at the window's edge while the panel is closed; in the corner of the sheet's
  // header while it is open, so it never lies over the page's comments or their outline. While
  // closed, the header holds a stand-in (hidden with the sheet) that opening turns into
  // the tab in place: its open look is laid out ahead, and the click makes no element.
  const countTab = (live: boolean) => (
    <button
      type="button"
      class="ca-toggle"
      data-testid={live ? 'ca-toggle' : undefined}
      aria-expanded={live ? state.open : undefined}
      aria-controls={live ? 'ca-sheet' : undefined}
      title={live ? `${state.open ? 'Close' : 'Open'} Comment Annotator (Alt+Shift+A)` : undefined}
      tabIndex={live ? undefined : -1}
      onClick={live ? trusted(() => session.setOpen(!state.open)) : undefined}
    >
      <span class="ca-count">{count}</span>
      <span class="ca-toggle-label">{count === 1 ? 'comment' : 'comments'}</span>
    </button>
  );

  return (
    <div
      ref={rootRef}
      class={`ca-panel ${state.open ? 'ca-open' : ''}`}
      style={{ '--ca-width': `${placement.width}px` }}
      data-side={placement.side}
      data-testid="ca-panel"
      data-comment-count={count}
      data-state={state.open ? 'open' : 'closed'}
      // Set once the page's codings are loaded: tests wait for it before checking that nothing shows.
      data-loaded={thread.loaded ? 'true' : 'false'}
    >
      {!state.open && countTab(true)}
      {/*
        Closed, the sheet rendered ahead is hidden (panel.css: visibility), so not shown, hit, focused
        nor read. Not inert as well: Chromium computes inert as an inherited style, and opening
        then restyled every element of the sheet a second time in the click.
      */}
      {(state.open || ahead) && (
        <section id="ca-sheet" class="ca-sheet" role="dialog" aria-label="Comment Annotator" tabIndex={-1}>
          <PanelEdge placement={placement} />
          <header class="ca-header">
            <TitleRow
              tab={countTab(state.open)}
              side={placement.side}
              onMove={placement.moveTo}
              onHelp={() => setPane(pane === 'help' ? null : 'help')}
              onCodebook={() => setPane(pane === 'codebook' ? null : 'codebook')}
              onOptions={page.openOptions}
              onClose={() => session.setOpen(false)}
            />
            {details}
          </header>
          {state.status && <p class={`ca-status ca-status-${state.status.kind}`} role="status">{state.status.text}</p>}
          {list}
          <p class="ca-sr" data-testid="ca-announce" aria-live="polite">{announcement}</p>
          {detail}
          {pick.available && <PickPrompt picking={pick.active} found={count} onPick={page.pickThread} />}
          {missing}
          {pane === 'help' && <ShortcutsHelp onClose={() => setPane(null)} />}
          {pane === 'codebook' && <CodebookPane codebook={thread.codebook} variables={thread.variables} onClose={() => setPane(null)} />}
        </section>
      )}
    </div>
  );
}

/** What a screen reader says when the selection moves: where in the list, whose comment, its codes. */
function announce(comment: PanelComment, index: number, total: number, thread: ThreadState): string {
  const annotation = thread.annotationOf.get(comment.key);
  const tags = thread.codebook.filter((tag) => annotation?.tagIds.includes(tag.id)).map((tag) => tag.name);
  const codes = tags.length ? `coded ${tags.join(', ')}` : annotation?.none ? 'no code applies' : 'not coded';
  return `${index + 1} of ${total}, ${comment.author ?? 'Unknown author'}, ${codes}`;
}

/**
 * The passage of the selected comment the reader selected in the detail pane's text (the
 * selection then cleared), or null. Chromium tells a selection inside a shadow root only
 * through the root's own getSelection; Firefox through the document's.
 */
function takeDetailPassage(textEl: HTMLElement | null, comment: PanelComment | undefined): CommentPassage | null {
  if (!textEl || !comment) return null;
  const root = textEl.getRootNode() as Document & { getSelection?(): Selection | null };
  const selection = root.getSelection?.() ?? textEl.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!textEl.contains(range.startContainer) || !textEl.contains(range.endContainer)) return null;
  const passage = passageIn(mapText(textEl, comment.text), range);
  if (passage) selection.removeAllRanges();
  return passage && { key: comment.key, ...passage };
}

/** The comments the filter and search let through, in thread order. */
function visibleComments(thread: ThreadState, filter: Filter, query: string): PanelComment[] {
  const needle = query.trim().toLowerCase();
  if (filter.kind === 'all' && !needle) return thread.comments;
  return thread.comments.filter((comment) => {
    const annotation = thread.annotationOf.get(comment.key);
    if (filter.kind === 'uncoded' && isCoded(annotation)) return false;
    if (filter.kind === 'coded' && !isCoded(annotation)) return false;
    if (filter.kind === 'tag' && !annotation?.tagIds.includes(filter.tagId)) return false;
    return !needle || comment.text.toLowerCase().includes(needle) || (comment.author ?? '').toLowerCase().includes(needle);
  });
}

function useSession(session: PanelSession): SessionState {
  const [state, setState] = useState(session.snapshot());
  // Subscribe before the browser paints, and catch up with any change made since the first
  // render (comments found while the panel was mounting were otherwise missed).
  useLayoutEffect(() => {
    setState(session.snapshot());
    return session.subscribe(setState);
  }, [session]);
  return state;
}
