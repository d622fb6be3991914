import { editAnnotation } from '../../storage/annotations';
import type { AnnotatorDB } from '../../storage/schema';
import { formatTime } from '../../lib/format-time';
import { readableTextOn } from '../../lib/colour-contrast';
import { VirtualList } from '../common/VirtualList';
import type { ReviewRow, SortKey } from './rows';
import { isCodable, tagToggleEdit } from '../../lib/codebook';
import type { Annotation, Tag, Variable } from '../../lib/records';
import type { AnnotationEdit } from '../../lib/edits';

// Room for three lines of tag buttons 24 px high (WCAG 2.5.8 target size).
const ROW_HEIGHT = 92;
const COLUMNS: [SortKey | null, string][] = [['page', 'Page'], ['author', 'Author'], ['published', 'Time'], [null, 'Comment'], [null, 'Tags'], [null, 'Note'], ['annotator', 'Annotator'], ['updated', 'Changed'], [null, '']];

/**
 * Saves an edit, stated as the change the reader made (a panel may have changed the row since it
 * was drawn). Storage announces it: the table's worker reads again, the background tells the panels.
 */
function edit(db: AnnotatorDB, annotation: Annotation, change: AnnotationEdit, codebook: Tag[]) {
  return editAnnotation(db, annotation, change, codebook.map((t) => t.id));
}

/** The annotations as a windowed table: sortable headers, tags and notes editable in place. */
export function ReviewTable(props: {
  db: AnnotatorDB;
  /** How many rows the filter shows; only `rows` (from `start`) are at hand, the rest are asked for on scroll. */
  count: number;
  start: number;
  rows: ReviewRow[];
  onRange(first: number, last: number): void;
  codebook: Tag[];
  /** The codebook's variables: a code of a single-choice one put on replaces its other, as in the panel. */
  variables: Variable[];
  sort: { key: SortKey; descending: boolean };
  onSort(sort: { key: SortKey; descending: boolean }): void;
  onRemove(annotation: Annotation): void;
}) {
  const { db, codebook, variables, sort } = props;
  return (
    <div class="table" role="table" aria-label="Annotations">
      <div class="tr th" role="row">
        {COLUMNS.map(([key, label]) => (
          <span key={label} role="columnheader" aria-sort={key && sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
            {key ? <button type="button" onClick={() => props.onSort({ key, descending: sort.key === key && !sort.descending })}>{label}{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</button> : label}
          </span>
        ))}
      </div>
      {props.count === 0 ? <p class="empty">No annotation matches this filter.</p> : (
        <VirtualList count={props.count} rowHeight={ROW_HEIGHT} activeIndex={-1} label="Annotations" role="rowgroup" onRange={props.onRange} renderRow={(index, style) => {
          const row = props.rows[index - props.start] as ReviewRow | undefined;
          // A row not yet sent by the worker: an empty line of the right height until it comes.
          if (!row) return <div key={`pending-${index}`} class="tr pending" role="row" style={style} />;
          const { annotation: a, comment, page } = row;
          return (
            <div key={a.id} class="tr" role="row" style={style} data-annotation-id={a.id} data-comment-key={a.commentKey}>
              <span role="cell" class="page-title" title={page?.metadata?.title ? `${page.metadata.title}\n${a.pageUrl}` : a.pageUrl}><a href={comment?.permalink ?? a.pageUrl} target="_blank" rel="noreferrer noopener">{page?.metadata?.title ?? a.pageUrl}</a></span>
              <span role="cell" class="wraps" title={comment?.author ?? undefined}>{comment?.author ?? '—'}</span>
              <span role="cell" class="wraps">{comment?.publishedAt ? formatTime(comment.publishedAt) : '—'}</span>
              <span role="cell" class="excerpt" title={comment?.text}>{comment?.text ?? '(comment not saved)'}</span>
              <span role="cell" class="tags">
                {/* The codings besides whole-comment codes: without them the row would read as not coded. */}
                {a.none && <span class="chip mark" data-testid="review-none" title="No code applies: coded, with no code">no code applies</span>}
                {a.segments?.length ? (
                  <span class="chip mark" data-testid="review-passages" title={a.segments.map((s) => `${codebook.find((t) => t.id === s.tagId)?.name ?? s.tagId}: “${s.quote}”`).join('\n')}>
                    {a.segments.length} coded passage{a.segments.length === 1 ? '' : 's'}
                  </span>
                ) : null}
                {codebook.map((tag) => (
                  <button key={tag.id} type="button" class={`chip ${a.tagIds.includes(tag.id) ? 'on' : ''}`} style={{ '--chip': tag.colour, '--chip-text': readableTextOn(tag.colour) }}
                    aria-pressed={a.tagIds.includes(tag.id)} title={`Toggle ${tag.name}`}
                    // A code that only groups others is never put on (one stored before may be taken off).
                    disabled={!isCodable(tag) && !a.tagIds.includes(tag.id)}
                    onClick={() => void edit(db, a, { tags: tagToggleEdit(tag.id, a.tagIds, variables, codebook) }, codebook)}>
                    {tag.name}
                  </button>
                ))}
              </span>
              <span role="cell"><input aria-label="Note" value={a.note} onChange={(e) => void edit(db, a, { note: (e.target as HTMLInputElement).value }, codebook)} /></span>
              <span role="cell" class="wraps" title={a.annotator}>{a.annotator}</span>
              <span role="cell" class="wraps">{formatTime(a.updatedAt)}</span>
              <span role="cell"><button type="button" aria-label="Remove annotation" onClick={() => props.onRemove(a)}>✕</button></span>
            </div>
          );
        }} />
      )}
    </div>
  );
}
