import type { PickState } from './model';

/** In place of the list when it has no row: no comment on the page (yet), or none the filter lets through. */
export function EmptyList(props: { found: number; pick: PickState }) {
  const { found, pick } = props;
  if (found) return <p class="ca-empty">No comment matches this filter.</p>;
  return (
    <div class="ca-empty" data-testid="ca-empty">
      <p>{pick.available ? 'No comment thread found on this page.' : 'This page has no comments yet. They show here as soon as the page loads them.'}</p>
      {pick.available && !pick.active && <p>If the page has comments, show the annotator where they are.</p>}
    </div>
  );
}
