// Pick mode: the reader clicks one comment and the extension generalises to its siblings
// (layouts/generic.ts). The highlight is drawn in our own closed shadow root, over the page,
// so the page's elements are never restyled.

const HOST_STYLE = 'all: initial !important; position: fixed !important; inset: 0 !important; pointer-events: none !important; z-index: 2147483646 !important;';
const BOX_STYLE = 'position: fixed; box-sizing: border-box; border: 2px solid #0969da; background: rgba(9,105,218,.10); border-radius: 3px; pointer-events: none; display: none;';

/**
 * Waits for the reader to click an element of the page (trusted clicks only; clicks that
 * `isOwn` says belong to the extension are let through). Resolves with it, or null on Escape
 * or when `signal` aborts. The click does nothing else: links are not followed.
 */
export function pickElement(doc: Document, signal: AbortSignal, isOwn: (path: EventTarget[]) => boolean): Promise<Element | null> {
  return new Promise((resolve) => {
    const host = doc.createElement('comment-annotator-pick');
    host.setAttribute('style', HOST_STYLE);
    const box = doc.createElement('div');
    box.setAttribute('style', BOX_STYLE);
    host.attachShadow({ mode: 'closed' }).append(box);
    doc.documentElement.append(host);
    const done = new AbortController();
    const finish = (el: Element | null) => {
      done.abort();
      host.remove();
      resolve(el);
    };
    const options = { capture: true, signal: done.signal };
    const view = doc.defaultView!;
    view.addEventListener('mouseover', (event) => {
      const target = event.target as Element;
      if (isOwn(event.composedPath()) || !target.getBoundingClientRect) return;
      const r = target.getBoundingClientRect();
      box.style.cssText = `${BOX_STYLE} display: block; left: ${r.left}px; top: ${r.top}px; width: ${r.width}px; height: ${r.height}px;`;
    }, options);
    view.addEventListener('click', (event) => {
      if (!event.isTrusted || isOwn(event.composedPath())) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      finish(event.target as Element);
    }, options);
    view.addEventListener('keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape') {
        event.stopImmediatePropagation();
        finish(null);
      }
    }, options);
    signal.addEventListener('abort', () => finish(null), { signal: done.signal });
  });
}
