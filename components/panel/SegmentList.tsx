import { readableTextOn } from '../../lib/colour-contrast';
import { anchorSegments } from '../../lib/passages';
import type { Segment, Tag } from '../../lib/records';
import { trusted } from './trusted';

/**
 * The coded passages of the selected comment: each quote (as text, never HTML) with its code,
 * marked "not found" when the comment's text no longer holds it, and a button to remove it.
 */
export function SegmentList(props: { text: string; segments: readonly Segment[] | undefined; codebook: readonly Tag[]; onRemove(segmentId: string): void }) {
  const anchored = anchorSegments(props.text, props.segments);
  if (!anchored.length) return null;
  return (
    <section class="ca-segments" aria-label="Coded passages">
      <h3>Coded passages ({anchored.length})</h3>
      <ul>
        {anchored.map(({ segment, at }) => {
          const tag = props.codebook.find((t) => t.id === segment.tagId);
          const colour = tag?.colour ?? '#57606a';
          return (
            <li key={segment.id} class="ca-segment" data-testid="ca-segment" data-found={at ? 'true' : 'false'}>
              <span class="ca-chip" style={{ '--chip': colour, '--chip-text': readableTextOn(colour) }}>{tag?.name ?? 'Deleted code'}</span>
              <q class="ca-quote">{segment.quote}</q>
              {!at && <span class="ca-not-found" title="The comment's text changed: this passage is no longer in it">not found</span>}
              <button type="button" class="ca-segment-remove" aria-label={`Remove the passage “${segment.quote.slice(0, 40)}” coded ${tag?.name ?? ''}`} onClick={trusted(() => props.onRemove(segment.id))}>×</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
