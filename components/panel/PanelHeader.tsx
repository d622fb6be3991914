import { trusted } from './trusted';
import { readableTextOn } from '../../lib/colour-contrast';
import type { ThreadState } from './model';
import type { ComponentChild } from 'preact';
import type { PanelSide } from '../../lib/panel-placement';

/** Which comments the list shows. */
export type Filter = { kind: 'all' } | { kind: 'untagged' } | { kind: 'tagged' } | { kind: 'tag'; tagId: string };

/**
 * Title, progress, per-tag counts (click to apply to the selected comment), filter and search;
 * only the title row while there is no comment to act on.
 */
export function PanelHeader(props: {
  thread: ThreadState;
  /** The count tab, docked in the title row's corner at the window's edge. */
  tab: ComponentChild;
  /** The side of the page the panel is on. */
  side: PanelSide;
  /** Moves the panel to the other side. */
  onMove(side: PanelSide): void;
  /** The tags of the selected comment: their buttons show as pressed. */
  selectedTagIds: readonly string[];
  filter: Filter;
  query: string;
  onFilter(filter: Filter): void;
  onQuery(query: string): void;
  onApplyTag(tagId: string): void;
  onHelp(): void;
  onOptions(): void;
  onClose(): void;
}) {
  const { thread } = props;
  const other: PanelSide = props.side === 'right' ? 'left' : 'right';
  const total = thread.comments.length;
  const counts = new Map<string, number>();
  let tagged = 0;
  for (const annotation of thread.annotationOf.values()) {
    if (annotation.tagIds.length) tagged++;
    for (const id of annotation.tagIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const filterValue = props.filter.kind === 'tag' ? `tag:${props.filter.tagId}` : props.filter.kind;
  return (
    <header class="ca-header">
      <div class="ca-title-row">
        {props.side === 'left' && props.tab}
        <h2>Comment Annotator</h2>
        <button type="button" class="ca-icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={trusted(props.onHelp)}>?</button>
        <button type="button" class="ca-icon" aria-label="Edit the codebook" title="Edit the codebook" onClick={trusted(props.onOptions)}>⚙</button>
        <button type="button" class="ca-icon" data-testid="ca-side" aria-label={`Move the panel to the ${other}`} title={`Move the panel to the ${other}`} onClick={trusted(() => props.onMove(other))}>{props.side === 'right' ? '⇤' : '⇥'}</button>
        <button type="button" class="ca-icon" aria-label="Close panel" title="Close (Esc)" onClick={trusted(props.onClose)}>×</button>
        {props.side === 'right' && props.tab}
      </div>
      {total > 0 && <>
        <p class="ca-progress" data-testid="ca-progress">
          {tagged} of {total} tagged{thread.annotator && <span class="ca-annotator"> · as {thread.annotator}</span>}
        </p>
        <progress max={total || 1} value={tagged} aria-label="Tagging progress" />
        <div class="ca-tagbar" role="group" aria-label="Codebook: apply a tag to the selected comment">
          {thread.codebook.map((tag) => (
            <button type="button" key={tag.id} class="ca-tagbtn" style={{ '--chip': tag.colour, '--chip-text': readableTextOn(tag.colour) }} title={tag.description}
              aria-pressed={props.selectedTagIds.includes(tag.id)} onClick={trusted(() => props.onApplyTag(tag.id))}>
              {tag.hotkey && <kbd>{tag.hotkey}</kbd>} {tag.name} <span class="ca-tagcount">{counts.get(tag.id) ?? 0}</span>
            </button>
          ))}
        </div>
        <div class="ca-filters">
          <select
            aria-label="Show"
            value={filterValue}
            onChange={trusted((event) => {
              const value = (event.target as HTMLSelectElement).value;
              props.onFilter(value.startsWith('tag:') ? { kind: 'tag', tagId: value.slice(4) } : { kind: value as 'all' | 'untagged' | 'tagged' });
            })}
          >
            <option value="all">All comments</option>
            <option value="untagged">Untagged</option>
            <option value="tagged">Tagged</option>
            {thread.codebook.map((tag) => <option key={tag.id} value={`tag:${tag.id}`}>Tag: {tag.name}</option>)}
          </select>
          <input type="search" placeholder="Search comment text" aria-label="Search comment text" value={props.query} onInput={trusted((event) => props.onQuery((event.target as HTMLInputElement).value))} />
        </div>
      </>}
    </header>
  );
}
