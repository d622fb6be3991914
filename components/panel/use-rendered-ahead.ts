import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

/**
 * True once the page's codings are `loaded` and the browser had an idle moment since (or 3 s
 * passed): the panel then renders its sheet ahead, hidden, and lays it out in that same idle
 * moment, so opening only shows it. Otherwise opening the panel built the whole sheet in the
 * reader's click; on a 10,000-comment page that click often lands while the page's own garbage
 * collection is marking, and every allocation in it paid marking steps. The first layout also
 * sets up the fonts, sizes and weights the sheet uses (~25 ms on a first opening in a new tab).
 */
export function useRenderedAhead(loaded: boolean, root: RefObject<HTMLElement>): boolean {
  const [ahead, setAhead] = useState(false);
  useEffect(() => {
    if (!loaded || ahead) return;
    return whenIdle(() => setAhead(true));
  }, [loaded, ahead]);
  useLayoutEffect(() => {
    // Still within the idle moment (Preact renders in its microtask): the page's layout is done.
    if (ahead) void root.current?.querySelector('.ca-sheet')?.getBoundingClientRect();
  }, [ahead]);
  return ahead;
}

/** Calls `callback` in the browser's next idle moment (within 3 s); returns the function that cancels it. */
function whenIdle(callback: () => void): () => void {
  // Not every environment has idle callbacks (happy-dom in the unit tests): a timer instead.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(callback, { timeout: 3_000 });
  return () => cancelIdleCallback(id);
}
