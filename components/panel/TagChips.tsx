import { useLayoutEffect, useRef } from 'preact/hooks';
import { readableTextOn } from '../../lib/colour-contrast';
import type { Tag } from '../../lib/records';

/**
 * Small coloured labels for a comment's tags, on one line: the chips that do not fit are
 * hidden behind a "+N" chip naming them, so a row keeps its fixed height (the windowed list
 * needs one) whatever the tags' number and length. Measures only the rows drawn.
 */
export function TagChips({ tags }: { tags: readonly Pick<Tag, 'name' | 'colour'>[] }) {
  const box = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    fitChips(el);
    // The panel can be narrowed and the meta line can change: fit again when the box does.
    const resize = new ResizeObserver(() => fitChips(el));
    resize.observe(el);
    return () => resize.disconnect();
  });
  if (!tags.length) return null;
  return (
    <span class="ca-chips" ref={box}>
      {tags.map((tag) => (
        <span key={tag.name} class="ca-chip" style={{ '--chip': tag.colour, '--chip-text': readableTextOn(tag.colour) }}>{tag.name}</span>
      ))}
      <span class="ca-chip-more" hidden />
    </span>
  );
}

/** Hides the last chips until the rest fit in `box`, and says on the "+N" chip how many and which are hidden. */
function fitChips(box: HTMLElement): void {
  const chips = [...box.querySelectorAll<HTMLElement>('.ca-chip')];
  const more = box.querySelector<HTMLElement>('.ca-chip-more')!;
  for (const chip of chips) chip.hidden = false;
  more.hidden = true;
  let shown = chips.length;
  while (shown > 0 && box.scrollWidth > box.clientWidth) {
    chips[--shown].hidden = true;
    const rest = chips.slice(shown);
    more.hidden = false;
    more.textContent = `+${rest.length}`;
    more.title = rest.map((chip) => chip.textContent).join(', ');
  }
}
