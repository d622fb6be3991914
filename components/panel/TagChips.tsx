import { readableTextOn } from '../../lib/colour-contrast';
import type { Tag } from '../../lib/records';

/** Small coloured labels for a comment's tags. */
export function TagChips({ tags }: { tags: readonly Pick<Tag, 'name' | 'colour'>[] }) {
  if (!tags.length) return null;
  return (
    <span class="ca-chips">
      {tags.map((tag) => (
        <span key={tag.name} class="ca-chip" style={{ '--chip': tag.colour, '--chip-text': readableTextOn(tag.colour) }}>{tag.name}</span>
      ))}
    </span>
  );
}
