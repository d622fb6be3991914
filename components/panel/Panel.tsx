import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CommentRow, ROW_HEIGHT, rowId } from './CommentRow';
import { DetailPane } from './DetailPane';
import { MissingList } from './MissingList';
import { PanelHeader, type Filter } from './PanelHeader';
import { trusted } from './trusted';
import { ShortcutsHelp } from './ShortcutsHelp';
import { CodebookPane } from './CodebookPane';
import { EmptyList } from './EmptyList';
import { PickPrompt } from './PickPrompt';
import { codeOrTag, noneSelected, useShortcuts, type FrameKeys, type Pane } from './use-shortcuts';
import { isCoded } from '../../lib/edits';
import { useFocusOnOpen } from './use-focus-on-open';
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
  const selectedIndex = state.selectedKey ? keys.indexOf(state.selectedKey) : -1;
  const selected = thread.comments.find((c) => c.key === state.selectedKey);
  const count = thread.comments.length;
  const placement = usePlacement(page.placement);
  const room = state.open ? placement.pageRoom : 0;
  // After the sheet is painted: moving the page aside reflows all of it.
  useEffect(() => page.makeRoom(placement.side, room), [placement.side, room]);

  const focusKey = (key: string | null) => {
    const comment = key ? thread.comments.find((c) => c.key === key) : undefined;
    if (comment) page.focus(comment);
  };

  // Time from "open" to the first frame showing the sheet, for npm run bench (lib/timings.ts);
  // read off the frame, not forced here: a forced layout would only add work before it.
  useLayoutEffect(() => {
    if (state.open) measureAfterNextFrame(TIMINGS.rendered, TIMINGS.open);
  }, [state.open]);

  useFocusOnOpen(state.open, rootRef);
  const takePassage = () => takeDetailPassage(detailTextRef.current, selected) ?? page.takePassage();
  useShortcuts(session, state.open, { keys, focus: focusKey, editNote: () => noteRef.current?.focus(), takePassage, pane, setPane }, page.frameKeys);

  // The count tab: at the window's edge while the panel is closed; in the corner of the sheet's
  // header while it is open, so it never lies over the page's comments or their outline.
  const tab = (
    <button
      type="button"
      class="ca-toggle"
      data-testid="ca-toggle"
      aria-expanded={state.open}
      aria-controls="ca-sheet"
      title={`${state.open ? 'Close' : 'Open'} Comment Annotator (Alt+Shift+A)`}
      onClick={trusted(() => session.setOpen(!state.open))}
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
      {!state.open && tab}
      {state.open && (
        <section id="ca-sheet" class="ca-sheet" role="dialog" aria-label="Comment Annotator" tabIndex={-1}>
          <PanelEdge placement={placement} />
          <PanelHeader
            thread={thread}
            sync={state.sync}
            tab={tab}
            side={placement.side}
            onMove={placement.moveTo}
            selectedKey={selected ? selected.key : null}
            filter={filter}
            query={query}
            onFilter={setFilter}
            onQuery={setQuery}
            onApplyTag={(tagId) => codeOrTag(session, tagId, { keys, takePassage })}
            onNone={() => noneSelected(session, keys)}
            onHelp={() => setPane(pane === 'help' ? null : 'help')}
            onCodebook={() => setPane(pane === 'codebook' ? null : 'codebook')}
            onOptions={page.openOptions}
            onClose={() => session.setOpen(false)}
          />
          {state.status && <p class={`ca-status ca-status-${state.status.kind}`} role="status">{state.status.text}</p>}
          {visible.length === 0 ? <EmptyList found={count} pick={pick} /> : (
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
                    selected={comment.key === state.selectedKey}
                    style={style}
                    onSelect={(key) => {
                      session.select(key);
                      focusKey(key);
                    }}
                  />
                );
              }}
            />
          )}
          <p class="ca-sr" data-testid="ca-announce" aria-live="polite">
            {selected && selectedIndex >= 0 ? announce(selected, selectedIndex, visible.length, thread) : ''}
          </p>
          {selected && (
            <DetailPane
              comment={selected}
              annotation={thread.annotationOf.get(selected.key)}
              codebook={thread.codebook}
              onRemoveSegment={(segmentId) => void session.removeSegment(selected.key, segmentId)}
              noteRef={noteRef}
              textRef={detailTextRef}
              onNote={(note) => void session.setNote(selected.key, note)}
              onDone={() => rootRef.current?.querySelector<HTMLElement>('.ca-scroller')?.focus()}
            />
          )}
          {pick.available && <PickPrompt picking={pick.active} found={count} onPick={page.pickThread} />}
          <MissingList missing={thread.missing} codebook={thread.codebook} />
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
