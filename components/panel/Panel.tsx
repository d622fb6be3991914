import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnnotatorSession, PanelComment, SessionState } from '../../page/annotator-session';
import { isTypingTarget, shortcutFor } from './keyboard';
import { CommentRow, ROW_HEIGHT } from './CommentRow';
import { DetailPane } from './DetailPane';
import { MissingList } from './MissingList';
import { PanelHeader, type Filter } from './PanelHeader';
import { trusted } from './trusted';
import { ShortcutsHelp } from './ShortcutsHelp';
import { VirtualList } from '../common/VirtualList';

/** What the panel needs from the page around it. */
export interface PageLink {
  /** Scrolls the page to a comment and outlines it (in the Disqus iframe too). */
  focus(comment: PanelComment): void;
  openOptions(): void;
  /** Lets the reader click one comment on the page to show where the thread is. */
  pickThread(): void;
}

/** The panel: a tab with the number of comments, opening onto the tagging sheet. */
export function Panel({ session, page }: { session: AnnotatorSession; page: PageLink }) {
  const state = useSession(session);
  const [filter, setFilter] = useState<Filter>({ kind: 'all' });
  const [query, setQuery] = useState('');
  const [help, setHelp] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => visibleComments(state, filter, query), [state.comments, state.annotationOf, filter, query]);
  const keys = useMemo(() => visible.map((c) => c.key), [visible]);
  const selectedIndex = state.selectedKey ? keys.indexOf(state.selectedKey) : -1;
  const selected = state.comments.find((c) => c.key === state.selectedKey);
  const count = state.comments.length;

  const focusKey = (key: string | null) => {
    const comment = key ? state.comments.find((c) => c.key === key) : undefined;
    if (comment) page.focus(comment);
  };

  // Time from "open" to the sheet laid out (read by npm run bench), written straight to the DOM.
  useLayoutEffect(() => {
    if (!state.open || !rootRef.current) return;
    void rootRef.current.offsetHeight;
    rootRef.current.dataset.renderMs = (performance.now() - state.openedAt).toFixed(2);
  }, [state.open]);

  useShortcuts(state.open, (event) => {
    // While the reader picks the thread, keys belong to the picker (Escape ends picking, not the
    // panel). Read at the key press: picking may have started since the last render.
    if (session.snapshot().picking) return false;
    const shortcut = shortcutFor(event, state.codebook);
    if (!shortcut) return false;
    switch (shortcut.type) {
      case 'move': focusKey(session.move(shortcut.by, keys)); break;
      case 'next-untagged': focusKey(session.nextUntagged(keys)); break;
      case 'toggle-tag': void session.toggleTag(shortcut.tagId); break;
      case 'edit-note': noteRef.current?.focus(); break;
      case 'undo': void session.undo(); break;
      case 'redo': void session.redo(); break;
      case 'help': setHelp(!help); break;
      case 'close':
        if (help) setHelp(false);
        else session.setOpen(false);
        break;
    }
    return true;
  });

  return (
    <div
      ref={rootRef}
      class={`ca-panel ${state.open ? 'ca-open' : ''}`}
      data-testid="ca-panel"
      data-comment-count={count}
      data-state={state.open ? 'open' : 'closed'}
      // Set once the page's codings are loaded: tests wait for it before checking that nothing shows.
      data-loaded={state.loaded ? 'true' : 'false'}
      data-last-save-ms={state.lastSaveMs?.toFixed(2)}
      data-save-count={state.saveCount}
    >
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
      {state.open && (
        <section id="ca-sheet" class="ca-sheet" role="dialog" aria-label="Comment Annotator">
          <PanelHeader
            state={state}
            filter={filter}
            query={query}
            onFilter={setFilter}
            onQuery={setQuery}
            onApplyTag={(tagId) => void session.toggleTag(tagId)}
            onHelp={() => setHelp(!help)}
            onOptions={page.openOptions}
            onClose={() => session.setOpen(false)}
          />
          {state.status && <p class={`ca-status ca-status-${state.status.kind}`} role="status">{state.status.text}</p>}
          {count === 0 ? (
            <div class="ca-empty" data-testid="ca-empty">
              <p>{state.canPick ? 'No comment thread found on this page.' : 'No comments found on this page yet.'}</p>
              {state.canPick && !state.picking && <p>If the page has comments, show the annotator where they are.</p>}
            </div>
          ) : visible.length === 0 ? (
            <p class="ca-empty">No comment matches this filter.</p>
          ) : (
            <VirtualList
              count={visible.length}
              rowHeight={ROW_HEIGHT}
              activeIndex={selectedIndex}
              label="Comments in thread order"
              renderRow={(index, style) => {
                const comment = visible[index];
                return (
                  <CommentRow
                    key={comment.key}
                    comment={comment}
                    annotation={state.annotationOf.get(comment.key)}
                    codebook={state.codebook}
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
          {selected && (
            <DetailPane
              comment={selected}
              annotation={state.annotationOf.get(selected.key)}
              noteRef={noteRef}
              onNote={(note) => void session.setNote(selected.key, note)}
              onDone={() => rootRef.current?.querySelector<HTMLElement>('.ca-scroller')?.focus()}
            />
          )}
          {state.canPick && (
            <p class="ca-pick">
              {state.picking
                ? 'Click one comment on the page (Esc cancels).'
                : <button type="button" data-testid="ca-pick-thread" onClick={trusted(() => page.pickThread())}>{count ? 'Wrong comments? Pick the thread' : 'Pick the comment thread'}</button>}
            </p>
          )}
          <MissingList missing={state.missing} codebook={state.codebook} />
          {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
        </section>
      )}
    </div>
  );
}

/** The comments the filter and search let through, in thread order. */
function visibleComments(state: SessionState, filter: Filter, query: string): PanelComment[] {
  const needle = query.trim().toLowerCase();
  return state.comments.filter((comment) => {
    const tags = state.annotationOf.get(comment.key)?.tagIds ?? [];
    if (filter.kind === 'untagged' && tags.length) return false;
    if (filter.kind === 'tagged' && !tags.length) return false;
    if (filter.kind === 'tag' && !tags.includes(filter.tagId)) return false;
    return !needle || comment.text.toLowerCase().includes(needle) || (comment.author ?? '').toLowerCase().includes(needle);
  });
}

function useSession(session: AnnotatorSession): SessionState {
  const [state, setState] = useState(session.snapshot());
  // Subscribe before the browser paints, and catch up with any change made since the first
  // render (comments found while the panel was mounting were otherwise missed).
  useLayoutEffect(() => {
    setState(session.snapshot());
    return session.subscribe(setState);
  }, [session]);
  return state;
}

/**
 * Listens for shortcuts on the whole page while the panel is open, before the page's own
 * handlers. Never while the reader types in an input (the page's or ours), never for key
 * presses a script made up (untrusted events). Registered with the render that opens the sheet
 * (a layout effect, not one after the next paint): a key pressed as soon as the first row shows
 * is not lost, and the end-to-end tests may take the selected row as the sign keys work.
 */
function useShortcuts(active: boolean, handle: (event: KeyboardEvent) => boolean) {
  const latest = useRef(handle);
  latest.current = handle;
  useLayoutEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      const target = (event.composedPath()[0] as Element | undefined) ?? null;
      if (isTypingTarget(target) && event.key !== 'Escape') return;
      if (isTypingTarget(target)) {
        (target as HTMLElement).blur();
        event.stopPropagation();
        return;
      }
      if (latest.current(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);
}
