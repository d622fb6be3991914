import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { deepActiveElement } from './use-focus-on-open';

/**
 * Moves focus into a pane over the list (help, codebook) while it shows, so a screen reader
 * reads it and the keyboard scrolls it, and back to where it was when it closes (WCAG 2.4.3).
 */
export function usePaneFocus(pane: RefObject<HTMLElement>): void {
  useLayoutEffect(() => {
    const before = deepActiveElement();
    pane.current?.focus();
    return () => {
      if (before?.isConnected && before !== document.body) before.focus();
    };
  }, []);
}
