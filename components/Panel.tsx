import { useEffect, useState } from 'preact/hooks';
import type { ExtractedComment } from '../layouts/types';
import type { CommentStore, PageComments } from '../lib/comment-store';
import { CommentRow } from './CommentRow';

/** The panel: a tab with the number of comments found, opening onto the list of comments. */
export function Panel({ store }: { store: CommentStore }) {
  const page = useStoreSnapshot(store);
  const [open, setOpen] = useState(false);
  const comments: ExtractedComment[] = page.frames.flatMap((frame) => frame.comments);

  return (
    <div
      class={`ca-panel ${open ? 'ca-open' : ''}`}
      data-testid="ca-panel"
      data-comment-count={page.count}
      data-state={open ? 'open' : 'closed'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) setOpen(false);
      }}
    >
      <button
        type="button"
        class="ca-toggle"
        data-testid="ca-toggle"
        aria-expanded={open}
        aria-controls="ca-sheet"
        title={open ? 'Close Comment Annotator' : 'Open Comment Annotator'}
        onClick={() => setOpen(!open)}
      >
        <span class="ca-count">{page.count}</span>
        <span class="ca-toggle-label">{page.count === 1 ? 'comment' : 'comments'}</span>
      </button>
      {open && (
        <section id="ca-sheet" class="ca-sheet" role="dialog" aria-label="Comment Annotator">
          <header class="ca-header">
            <h2>Comment Annotator</h2>
            <p class="ca-summary">
              {page.count} {page.count === 1 ? 'comment' : 'comments'} found
              {page.frames.length ? ` · ${page.frames.map((f) => f.layout).join(', ')}` : ''}
            </p>
            <button type="button" class="ca-close" aria-label="Close panel" onClick={() => setOpen(false)}>×</button>
          </header>
          {comments.length === 0 ? (
            <p class="ca-empty">No comments found on this page yet.</p>
          ) : (
            <ol class="ca-list" aria-label="Comments in thread order">
              {comments.map((comment) => <CommentRow key={comment.key} comment={comment} />)}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

function useStoreSnapshot(store: CommentStore): PageComments {
  const [page, setPage] = useState(store.snapshot());
  useEffect(() => store.subscribe(setPage), [store]);
  return page;
}
