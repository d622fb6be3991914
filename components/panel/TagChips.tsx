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
  const shown = tags.map((tag) => `${tag.name}\u0000${tag.colour}`).join('\u0001');
  // Fitted when the ResizeObserver reports the box: in the frame that lays it out, so reading
  // its width costs no layout of its own (read during a render, it laid out the whole page
  // first: on a 10,000-comment page with chips, ~20 ms after every press, for every row). A
  // new observer when the chips change reports at once; the box changing size reports again.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const resize = new ResizeObserver(() => fitChips(el));
    resize.observe(el);
    return () => resize.disconnect();
  }, [shown]);
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
