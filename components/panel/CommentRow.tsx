import { formatTime } from '../../lib/format-time';
import { TagChips } from './TagChips';
import { isCoded } from '../../lib/edits';
import { trusted } from './trusted';
import type { Annotation, Tag } from '../../lib/records';
import type { PanelComment } from './model';

/** Row height in the virtual list: fixed, so scrolling needs no measuring. */
export const ROW_HEIGHT = 74;
const EXCERPT = 220;

/** The element id of a comment's row (the list's aria-activedescendant names it). */
export const rowId = (key: string) => `ca-row-${key}`;

/** One comment in the list: indented by depth, author, time, its codes (or "no code") and the start of its text (as text, never HTML). */
export function CommentRow(props: {
  comment: PanelComment;
  annotation: Annotation | undefined;
  codebook: Tag[];
  selected: boolean;
  style: Record<string, string>;
  onSelect(key: string): void;
}) {
  const { comment, annotation, codebook, selected } = props;
  const tags = codebook.filter((tag) => annotation?.tagIds.includes(tag.id));
  const excerpt = comment.text.length > EXCERPT ? `${comment.text.slice(0, EXCERPT)}…` : comment.text;
  return (
    <div
      id={rowId(comment.key)}
      class={`ca-row ca-${comment.kind} ${selected ? 'ca-selected' : ''} ${isCoded(annotation) ? 'ca-coded' : ''}`}
      role="option"
      aria-selected={selected}
      data-comment-key={comment.key}
      data-tags={tags.map((t) => t.name).join(',')}
      data-none={annotation?.none ? 'true' : undefined}
      style={{ ...props.style, '--depth': String(Math.min(comment.depth, 8)) }}
      onClick={trusted(() => props.onSelect(comment.key))}
    >
      <div class="ca-meta">
        <span class="ca-author">{comment.author ?? 'Unknown author'}</span>
        {comment.publishedAt && <time dateTime={comment.publishedAt}>{formatTime(comment.publishedAt)}</time>}
        {comment.kind !== 'comment' && <span class="ca-kind">{comment.kind}</span>}
        {annotation?.note && <span class="ca-has-note" title={annotation.note}>note</span>}
        {annotation?.none && <NoCodeBadge />}
        {!!annotation?.segments?.length && (
          <span class="ca-segment-count" data-testid="ca-segment-count" title={`${annotation.segments.length} coded passage${annotation.segments.length === 1 ? '' : 's'}`}>
            {annotation.segments.length} ¶
          </span>
        )}
        <TagChips tags={tags} />
      </div>
      <p class="ca-text">{excerpt || <em>(no text)</em>}</p>
    </div>
  );
}

/** What a comment coded "no code applies" shows in place of chips. */
export function NoCodeBadge() {
  return <span class="ca-none-badge" title="No code applies: coded, with no code">no code</span>;
}
