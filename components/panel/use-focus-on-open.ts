import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** The element with focus, looking into open shadow roots (the panel's own included). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * Moves focus into the panel when it opens (to the list, else the sheet) and, when it closes,
 * back to where it was before (else to the panel's tab), so keyboard and screen-reader users
 * land in the panel and return where they were (WCAG 2.4.3). Opened before the thread arrived
 * (`listShown` false: the sheet took the focus), the list takes it once it shows.
 */
export function useFocusOnOpen(open: boolean, root: RefObject<HTMLElement>, listShown: boolean): void {
  const before = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    const sheet = root.current?.querySelector<HTMLElement>('.ca-sheet');
    if (open && listShown && sheet && deepActiveElement() === sheet) root.current?.querySelector<HTMLElement>('.ca-scroller')?.focus({ preventScroll: true });
  }, [listShown]);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el || open === wasOpen.current) return;
    wasOpen.current = open;
    if (open) {
      before.current = deepActiveElement();
      // The sheet is fixed in the window: scrolling it into view would only lay out the page first.
      (el.querySelector<HTMLElement>('.ca-scroller') ?? el.querySelector<HTMLElement>('.ca-sheet'))?.focus({ preventScroll: true });
      return;
    }
    const back = before.current;
    before.current = null;
    if (back?.isConnected && back !== document.body) back.focus();
    else el.querySelector<HTMLElement>('.ca-toggle')?.focus();
  }, [open]);
}
