/**
 * Wraps a panel event handler so that only the reader's own actions reach it. The panel's
 * shadow root is open, so a page script can find its buttons and fields and dispatch clicks,
 * inputs and changes on them; the browser marks those events untrusted.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
