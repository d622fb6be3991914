import { trusted } from './trusted';
import { isCoded } from '../../lib/edits';
import { CodeBar } from './CodeBar';
import { SyncLine } from './SyncLine';
import type { PanelSync } from '../../lib/messages';
import type { ThreadState } from './model';
import type { ComponentChild } from 'preact';
import type { PanelSide } from '../../lib/panel-placement';

/** Which comments the list shows. */
export type Filter = { kind: 'all' } | { kind: 'uncoded' } | { kind: 'coded' } | { kind: 'tag'; tagId: string };

/**
 * The header's title row: the count tab (in its outer corner while the panel is open), the title
 * and the panel's buttons. Apart from the rest of the header (HeaderDetails), which does not
 * change when the panel opens: only this row is rendered again then.
 */
export function TitleRow(props: {
  /** The count tab, docked in the row's corner at the window's edge (its stand-in while the panel is closed). */
  tab: ComponentChild;
  /** The side of the page the panel is on. */
  side: PanelSide;
  /** Moves the panel to the other side. */
  onMove(side: PanelSide): void;
  onHelp(): void;
  onCodebook(): void;
  onOptions(): void;
  onClose(): void;
}) {
  const other: PanelSide = props.side === 'right' ? 'left' : 'right';
  return (
    <div class="ca-title-row">
      {props.side === 'left' && props.tab}
      <h2>Comment Annotator</h2>
      <button type="button" class="ca-icon" aria-label="Codebook" title="Codebook (c)" onClick={trusted(props.onCodebook)}>☰</button>
      <button type="button" class="ca-icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={trusted(props.onHelp)}>?</button>
      <button type="button" class="ca-icon" aria-label="Edit the codebook" title="Edit the codebook" onClick={trusted(props.onOptions)}>⚙</button>
      <button type="button" class="ca-icon" data-testid="ca-side" aria-label={`Move the panel to the ${other}`} title={`Move the panel to the ${other}`} onClick={trusted(() => props.onMove(other))}>{props.side === 'right' ? '⇤' : '⇥'}</button>
      <button type="button" class="ca-icon" aria-label="Close panel" title="Close (Esc)" onClick={trusted(props.onClose)}>×</button>
      {props.side === 'right' && props.tab}
    </div>
  );
}

/**
 * The header under the title row: the team project's sync, progress (comments coded), the
 * codebook's buttons with per-code counts (click to apply to the selected comment), filter and
 * search; nothing while there is no comment to act on.
 */
export function HeaderDetails(props: {
  thread: ThreadState;
  /** Where the team project's sync stands (null: no project joined, no line). */
  sync: PanelSync | null;
  /** The selected comment: its codes show as pressed. */
  selectedKey: string | null;
  filter: Filter;
  query: string;
  onFilter(filter: Filter): void;
  onQuery(query: string): void;
  onApplyTag(tagId: string): void;
  onNone(): void;
}) {
  const { thread } = props;
  const total = thread.comments.length;
  const counts = new Map<string, number>();
  let coded = 0;
  for (const annotation of thread.annotationOf.values()) {
    if (isCoded(annotation)) coded++;
    for (const id of annotation.tagIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const filterValue = props.filter.kind === 'tag' ? `tag:${props.filter.tagId}` : props.filter.kind;
  return (
    <>
      <SyncLine sync={props.sync} />
      {total > 0 && <>
        <p class="ca-progress" data-testid="ca-progress">
          {coded} of {total} coded{thread.annotator && <span class="ca-annotator"> · as {thread.annotator}</span>}
        </p>
        <progress max={total || 1} value={coded} aria-label="Coding progress" />
        <CodeBar
          codebook={thread.codebook}
          variables={thread.variables}
          selectedKey={props.selectedKey}
          annotation={props.selectedKey ? thread.annotationOf.get(props.selectedKey) : undefined}
          counts={counts}
          onApplyTag={props.onApplyTag}
          onNone={props.onNone}
        />
        <div class="ca-filters">
          <select
            aria-label="Show"
            value={filterValue}
            onChange={trusted((event) => {
              const value = (event.target as HTMLSelectElement).value;
              props.onFilter(value.startsWith('tag:') ? { kind: 'tag', tagId: value.slice(4) } : { kind: value as 'all' | 'uncoded' | 'coded' });
            })}
          >
            <option value="all">All comments</option>
            <option value="uncoded">Uncoded</option>
            <option value="coded">Coded</option>
            {thread.codebook.map((tag) => <option key={tag.id} value={`tag:${tag.id}`}>Tag: {tag.name}</option>)}
          </select>
          <input type="search" placeholder="Search comment text" aria-label="Search comment text" value={props.query} onInput={trusted((event) => props.onQuery((event.target as HTMLInputElement).value))} />
        </div>
      </>}
    </>
  );
}
