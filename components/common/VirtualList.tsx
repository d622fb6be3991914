import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

const OVERSCAN = 6;

/**
 * A list that renders only the rows in view, so 10,000 rows cost as little as 20. Rows have
 * one fixed height, which makes the window a matter of arithmetic: no measuring, no library.
 */
export function VirtualList(props: {
  count: number;
  rowHeight: number;
  /** Scrolled into view whenever it changes. */
  activeIndex: number;
  label: string;
  /** A list of options the reader moves through (the panel), or the rows of a table (review). */
  role: 'listbox' | 'rowgroup';
  /** The id of the active row, told to assistive technology while the list has focus. */
  activeId?: string;
  renderRow(index: number, style: Record<string, string>): ComponentChildren;
  /** Told the window of rows drawn (from, to exclusive) whenever it moves: rows can be fetched lazily. */
  onRange?(first: number, last: number): void;
}) {
  const { count, rowHeight, activeIndex } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });

  // The scroller's height arrives with the ResizeObserver's first report, within the frame that
  // first lays it out: reading it here would lay out the whole page once more before that frame.
  useLayoutEffect(() => {
    const el = scroller.current!;
    const read = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 });
    el.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, []);

  // Scrolls by the window it knows (from the last scroll event), before the frame is painted:
  // reading the scroller's position would lay out the whole page in the middle of a key press.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    const to = top < view.top ? top : top + rowHeight > view.top + view.height ? top + rowHeight - view.height : null;
    if (to === null) return;
    el.scrollTop = to;
    setView({ top: to, height: view.height });
  }, [activeIndex, count]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  useEffect(() => props.onRange?.(first, last), [first, last]);
  const rows: ComponentChildren[] = [];
  for (let index = first; index < last; index++) {
    rows.push(props.renderRow(index, { position: 'absolute', left: '0', right: '0', top: `${index * rowHeight}px`, height: `${rowHeight}px` }));
  }
  return (
    // Focusable (tabIndex 0): a scrolling region must be reachable from the keyboard.
    <div ref={scroller} class="ca-scroller" role={props.role} aria-label={props.label} aria-activedescendant={props.activeId} tabIndex={0}>
      <div style={{ height: `${count * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
