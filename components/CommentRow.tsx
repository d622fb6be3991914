import type { ExtractedComment } from '../layouts/types';

const EXCERPT = 180;

/** One comment in the list: indented by depth, author, time and the start of its text (as text, never HTML). */
export function CommentRow({ comment }: { comment: ExtractedComment }) {
  const excerpt = comment.text.length > EXCERPT ? `${comment.text.slice(0, EXCERPT)}…` : comment.text;
  return (
    <li class={`ca-row ca-${comment.kind}`} data-comment-key={comment.key} style={{ '--depth': comment.depth }}>
      <div class="ca-meta">
        <span class="ca-author">{comment.author ?? 'Unknown author'}</span>
        {comment.publishedAt && <time dateTime={comment.publishedAt}>{formatTime(comment.publishedAt)}</time>}
        {comment.kind !== 'comment' && <span class="ca-kind">{comment.kind}</span>}
      </div>
      <p class="ca-text">{excerpt || <em>(no text)</em>}</p>
    </li>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
