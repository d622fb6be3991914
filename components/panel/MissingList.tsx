import { TagChips } from './TagChips';
import { NoCodeBadge } from './CommentRow';
import type { Tag } from '../../lib/records';
import type { MissingComment } from './model';

/** Coded comments no longer on the page, with the text saved when they were tagged: never dropped. */
export function MissingList({ missing, codebook }: { missing: MissingComment[]; codebook: Tag[] }) {
  if (!missing.length) return null;
  return (
    <details class="ca-missing" data-testid="ca-missing">
      <summary>Not found on page ({missing.length})</summary>
      <ul>
        {missing.map(({ annotation, snapshot }) => (
          <li key={annotation.id} data-comment-key={annotation.commentKey}>
            <div class="ca-meta">
              <span class="ca-author">{snapshot?.author ?? 'Unknown author'}</span>
              {annotation.none ? <NoCodeBadge /> : <TagChips tags={codebook.filter((t) => annotation.tagIds.includes(t.id))} />}
            </div>
            <p class="ca-text">{snapshot?.text ?? '(no saved text)'}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
