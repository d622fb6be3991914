import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { AnnotatorSession } from './annotator-session';
import { Panel, type PageLink } from '../components/panel/Panel';
// Inside the script, not a file the page could load: no web-accessible resources are needed,
// so the panel works on any page the reader opens it on.
import panelCss from '../components/panel/panel.css?inline';
import type { PanelSide } from '../lib/panel-placement';

// Inline and !important on the host: a page rule like `* { display: none !important }` or
// `div { all: unset }` must not hide or move the panel (inline !important beats the page's).
const HOST_STYLE = 'all: initial !important; display: block !important; position: fixed !important; top: 0 !important; right: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important;';

/** Mounts the panel in its own shadow root on the page's root element, so page CSS stays out. */
export async function mountPanel(ctx: ContentScriptContext, session: AnnotatorSession, page: Omit<PageLink, 'makeRoom'>) {
  const room = pageRoom();
  ctx.signal.addEventListener('abort', room.restore);
  const ui = await createShadowRootUi(ctx, {
    name: 'comment-annotator-panel',
    css: panelCss,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    onMount(container, _shadow, host) {
      host.setAttribute('style', HOST_STYLE);
      keepRootVisible();
      watchPageStyles(ctx.signal);
      isolatePageContent(ctx.signal);
      render(<Panel session={session} page={{ ...page, makeRoom: room.make }} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
      room.restore();
    },
  });
  ui.mount();
  return ui;
}

/**
 * Makes the page's body a stacking context of its own (isolation changes nothing else in how
 * it looks), so Chromium keeps the page's painting cached while the panel changes. Otherwise the
 * page's content is painted in the root's layer, next to the panel's, and every key press in the
 * panel painted the whole visible thread again: ~35 ms on a 10,000-comment page.
 */
function isolatePageContent(signal: AbortSignal): void {
  const body = document.body;
  if (!body || getComputedStyle(body).isolation !== 'auto' || body.style.isolation) return;
  body.style.setProperty('isolation', 'isolate');
  signal.addEventListener('abort', () => body.style.removeProperty('isolation'));
}

/** The body's margin on the panel's side, set while the panel is open and put back as it was after. */
function pageRoom() {
  let taken: { body: HTMLElement; property: string; value: string; priority: string; px: number } | null = null;
  const restore = () => {
    if (!taken) return;
    const { body, property, value, priority } = taken;
    if (value) body.style.setProperty(property, value, priority);
    else body.style.removeProperty(property);
    taken = null;
  };
  return {
    restore,
    /**
     * A margin as wide as the panel on its side of the body (0: the page's own again), so the
     * page's content is laid out beside the panel instead of under it. Important, as the page's
     * own rule for its body's margin may be.
     */
    make(side: PanelSide, px: number) {
      const body = document.body;
      const property = `margin-${side}`;
      if (taken && taken.body === body && taken.property === property && taken.px === px) return;
      restore();
      if (!body || px <= 0) return;
      taken = { body, property, value: body.style.getPropertyValue(property), priority: body.style.getPropertyPriority(property), px };
      body.style.setProperty(property, `${px}px`, 'important');
    },
  };
}

/** A page that hides its own root element (display: none on everything) would hide the panel too. */
function keepRootVisible(): void {
  const root = document.documentElement;
  if (getComputedStyle(root).display === 'none') root.style.setProperty('display', 'block', 'important');
}

/**
 * Styles can arrive after the panel: watch where pages add them (the head, the body's own
 * children, the root's style and class) — not the whole tree, which would cost on every change.
 */
function watchPageStyles(signal: AbortSignal): void {
  const observer = new MutationObserver(keepRootVisible);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  if (document.head) observer.observe(document.head, { childList: true, subtree: true, characterData: true });
  if (document.body) observer.observe(document.body, { childList: true, attributes: true, attributeFilter: ['style', 'class'] });
  signal.addEventListener('abort', () => observer.disconnect());
}
