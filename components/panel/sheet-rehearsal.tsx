import { render } from 'preact';
import { createRef } from 'preact';
import { PanelHeader } from './PanelHeader';
import { CommentRow, ROW_HEIGHT } from './CommentRow';
import { DetailPane } from './DetailPane';
import type { SessionState } from './model';

/** How many of the thread's first rows the rehearsal lays out: enough for every kind of line a row has. */
const ROWS = 3;

const ignore = () => undefined;

/**
 * Lays out the sheet's parts once, hidden, in `stage` (an empty element in the panel's shadow
 * root) and takes them away before returning, so no task and no reader ever sees them. What a
 * first layout of the sheet sets up is then ready when the reader opens it: Chromium prepares
 * each font, size and weight the sheet uses (and the fallback fonts of its symbols) on first use,
 * ~25 ms on the 10,000-comment page's first opening in a new tab, a synchronous call to the
 * browser each; and V8 compiles the sheet's components. Nothing of the state changes.
 */
export function rehearseSheet(stage: HTMLElement, state: SessionState): void {
  const { thread } = state;
  const first = thread.comments[0];
  if (!first) return;
  const tab = <button type="button" class="ca-toggle"><span class="ca-count">{thread.comments.length}</span><span class="ca-toggle-label">comments</span></button>;
  render(
    <div class="ca-panel ca-open" aria-hidden="true" inert style={{ visibility: 'hidden' }}>
      <section class="ca-sheet">
        <PanelHeader
          thread={thread} sync={state.sync} tab={tab} side="right" onMove={ignore} selectedKey={first.key}
          filter={{ kind: 'all' }} query="" onFilter={ignore} onQuery={ignore} onApplyTag={ignore} onNone={ignore}
          onHelp={ignore} onCodebook={ignore} onOptions={ignore} onClose={ignore}
        />
        <div class="ca-scroller">
          <div style={{ height: `${ROWS * ROW_HEIGHT}px`, position: 'relative' }}>
            {thread.comments.slice(0, ROWS).map((comment, index) => (
              <CommentRow
                key={comment.key} comment={comment} annotation={thread.annotationOf.get(comment.key)} codebook={thread.codebook}
                selected={index === 0} onSelect={ignore}
                style={{ position: 'absolute', left: '0', right: '0', top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
              />
            ))}
          </div>
        </div>
        <DetailPane
          comment={first} annotation={thread.annotationOf.get(first.key)} codebook={thread.codebook} onRemoveSegment={ignore}
          noteRef={createRef()} textRef={createRef()} onNote={ignore} onDone={ignore}
        />
      </section>
    </div>,
    stage,
  );
  try {
    // Lays the hidden sheet out now, shaping its text: the page's own layout is already done.
    void stage.getBoundingClientRect();
  } finally {
    render(null, stage);
  }
}
