import { commentKeyAt, locateComment } from '../layouts/registry';
import type { LayoutName } from '../layouts/registry';

const OUTLINE = 'outline: 3px solid #f0b400 !important; outline-offset: 2px !important;';
let outlined: { el: HTMLElement; style: string | null } | null = null;

/**
 * Outlines a comment (removing the previous outline) and scrolls the page to it unless `scroll`
 * is false; `null` only removes it (the panel closed, or moved on to a comment in another frame).
 * False when it is not on the page.
 */
export function outlineComment(doc: Document, key: string | null, scroll = true): boolean {
  const el = key === null ? null : locateComment(doc, key) as HTMLElement | null;
  if (outlined) {
    if (outlined.style === null) outlined.el.removeAttribute('style');
    else outlined.el.setAttribute('style', outlined.style);
    outlined = null;
  }
  if (!el) return false;
  outlined = { el, style: el.getAttribute('style') };
  el.setAttribute('style', `${outlined.style ?? ''};${OUTLINE}`);
  if (scroll) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  return true;
}

/** Calls `onComment` with the key of every comment the reader clicks in the page (real clicks only). */
export function watchCommentClicks(doc: Document, layout: () => LayoutName | null, onComment: (key: string) => void, signal: AbortSignal): void {
  doc.addEventListener('click', (event) => {
    const family = layout();
    if (!event.isTrusted || !family) return;
    // A click inside an open shadow root (Coral) reaches the document retargeted to its host:
    // the first node of the composed path is what was clicked.
    const clicked = (event.composedPath()[0] ?? event.target) as Node | null;
    const key = commentKeyAt(clicked?.nodeType === 1 ? clicked as Element : clicked?.parentElement ?? null, family);
    if (key) onComment(key);
  }, { capture: true, signal });
}
