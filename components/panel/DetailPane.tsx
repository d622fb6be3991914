import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../../lib/format-time';
import { trusted } from './trusted';
import type { Annotation, Tag } from '../../lib/records';
import { SegmentList } from './SegmentList';
import { TagChips } from './TagChips';
import { NoCodeBadge } from './CommentRow';
import type { PanelComment } from './model';

/** How many characters of the selected comment are shown at first, and added per "Show more". */
const TEXT_STEP = 20_000;

/** The selected comment in full, with its codes and its note (n focuses it; Ctrl+Enter or leaving it saves). */
export function DetailPane(props: {
  comment: PanelComment;
  annotation: Annotation | undefined;
  codebook: readonly Tag[];
  onRemoveSegment(segmentId: string): void;
  noteRef: RefObject<HTMLTextAreaElement>;
  /** The element showing the comment's text, where the reader may select a passage to code. */
  textRef: RefObject<HTMLParagraphElement>;
  onNote(note: string): void;
  onDone(): void;
}) {
  const saved = props.annotation?.note ?? '';
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [props.comment.key, saved]);
  const { comment } = props;
  // A huge comment is laid out a part at a time: all of a 10 MB text held up the panel for seconds.
  const [shown, setShown] = useState(TEXT_STEP);
  useEffect(() => setShown(TEXT_STEP), [comment.key]);
  const rest = comment.text.length - shown;
  return (
    <div class="ca-detail" aria-label="Selected comment">
      <div class="ca-meta">
        <span class="ca-author">{comment.author ?? 'Unknown author'}</span>
        {comment.publishedAt && <time dateTime={comment.publishedAt}>{formatTime(comment.publishedAt)}</time>}
        {comment.permalink && <a href={comment.permalink} target="_blank" rel="noreferrer noopener">permalink</a>}
        {props.annotation?.none ? <NoCodeBadge /> : <TagChips tags={props.codebook.filter((tag) => props.annotation?.tagIds.includes(tag.id))} />}
      </div>
      <p class="ca-fulltext" ref={props.textRef}>{(rest > 0 ? `${comment.text.slice(0, shown)}…` : comment.text) || <em>(no text)</em>}</p>
      {rest > 0 && (
        <button type="button" class="ca-more" data-testid="ca-more-text" onClick={(event) => event.isTrusted && setShown(shown + TEXT_STEP)}>
          Show more ({rest.toLocaleString()} characters left)
        </button>
      )}
      <SegmentList text={comment.text} segments={props.annotation?.segments} codebook={props.codebook} onRemove={props.onRemoveSegment} />
      <label class="ca-note-label">
        Note
        <textarea
          ref={props.noteRef}
          class="ca-note"
          rows={2}
          value={draft}
          placeholder="Press n to write a note"
          onInput={trusted((event) => setDraft((event.target as HTMLTextAreaElement).value))}
          // A script's focus()/blur() fires trusted blur events too, but the draft only ever holds
          // what the reader typed (untrusted input events are ignored above).
          onBlur={trusted(() => props.onNote(draft))}
          onKeyDown={trusted((event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              props.onNote(draft);
              props.onDone();
            }
          })}
        />
      </label>
    </div>
  );
}
