import { options, render, type VNode } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/panel/Panel';
import { comment, memoryBackground, sessionOn, TAGS } from './memory-background';
import { renderRoot } from './render-root';

// The panel (components/panel/Panel.tsx) renders its sheet ahead, hidden, once the codings are
// loaded, so opening it only shows that sheet: the click renders the title row alone.

const root = renderRoot();

const PAGE = { focus: () => undefined, openOptions: () => undefined, pickThread: () => undefined, frameKeys: () => () => undefined, placement: { load: async () => null, save: () => undefined }, makeRoom: () => undefined, takePassage: () => null };
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const tabs = () => root.querySelectorAll('[data-testid="ca-toggle"]');
const pressKey = (key: string) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  document.body.dispatchEvent(event);
};

/** The panel, closed, on three comments, once its sheet is rendered ahead. */
async function closedPanel() {
  const { session, store } = await sessionOn(['wp:1', 'wp:2', 'wp:3'].map((key) => comment(key)), memoryBackground({ codebook: TAGS }));
  render(<Panel session={session} page={PAGE} />, root);
  await vi.waitFor(() => expect($('.ca-sheet')).not.toBeNull());
  return { session, store };
}

/**
 * What Preact builds while `act` runs and the panel settles in `settled`: the components and the
 * classes of the elements whose vnodes are made (a component that does not render makes none).
 */
async function builtWhile(act: () => void, settled: () => void): Promise<Set<string>> {
  const built = new Set<string>();
  const before = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'function') built.add(vnode.type.name);
    const name = (vnode.props as { class?: unknown }).class;
    if (typeof name === 'string') name.split(' ').forEach((part) => part && built.add(`.${part}`));
    before?.(vnode);
  };
  try {
    act();
    await vi.waitFor(settled);
  } finally {
    options.vnode = before;
  }
  return built;
}

describe('the sheet rendered ahead', () => {
  it('is there while the panel is closed (panel.css hides it), showing what opening selects without selecting it; the tab stays alone at the edge', async () => {
    const { session } = await closedPanel();
    const panel = $('[data-testid="ca-panel"]')!;
    expect(panel.getAttribute('data-state')).toBe('closed');
    // What panel.css hides: `.ca-panel:not(.ca-open) > .ca-sheet`.
    expect($('.ca-sheet')!.parentElement).toBe(panel);
    expect(panel.classList.contains('ca-open')).toBe(false);
    expect(tabs()).toHaveLength(1);
    expect(tabs()[0].parentElement).toBe($('[data-testid="ca-panel"]'));
    expect(root.querySelectorAll('.ca-row')).toHaveLength(3);
    expect($('.ca-row[aria-selected="true"]')!.getAttribute('data-comment-key')).toBe('wp:1');
    expect($('.ca-fulltext')!.textContent).toBe('comment wp:1');
    expect(session.snapshot().selectedKey).toBeNull();
  });

  it('opening renders the title row and the tab only, none of the rows, the detail or the rest of the header; the sheet shows, with focus in its list', async () => {
    const { session } = await closedPanel();
    const rows = [...root.querySelectorAll('.ca-row')];
    // The tab's stand-in in the hidden header: no test id, out of the tab order.
    const standIn = $<HTMLButtonElement>('.ca-title-row .ca-toggle')!;
    expect(standIn.hasAttribute('data-testid')).toBe(false);
    expect(standIn.tabIndex).toBe(-1);
    const built = await builtWhile(
      () => session.setOpen(true),
      () => expect($('[data-testid="ca-panel"]')!.getAttribute('data-state')).toBe('open'),
    );

    expect(built.has('TitleRow')).toBe(true);
    expect(built.has('.ca-toggle')).toBe(true);
    for (const part of ['CommentRow', '.ca-row', 'DetailPane', '.ca-fulltext', 'CodeBar', '.ca-tagbtn', 'SyncLine', 'MissingList', '.ca-scroller']) expect(built.has(part), part).toBe(false);
    expect([...root.querySelectorAll('.ca-row')]).toEqual(rows);
    expect(session.snapshot().selectedKey).toBe('wp:1');
    expect($('.ca-row[aria-selected="true"]')!.getAttribute('data-comment-key')).toBe('wp:1');
    expect(tabs()).toHaveLength(1);
    expect(tabs()[0]).toBe(standIn);
    expect(standIn.tabIndex).toBe(0);
    expect(tabs()[0].getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe($('.ca-scroller'));
  });

  it('follows comments that arrive while the panel is closed, and the page’s codings', async () => {
    const { session, store } = await closedPanel();
    store.set({ frameId: 0, layout: 'wp', comments: ['wp:1', 'wp:2', 'wp:3', 'wp:4'].map((key) => comment(key)) });
    await vi.waitFor(() => expect(root.querySelectorAll('.ca-row')).toHaveLength(4));
    expect($('[data-testid="ca-progress"]')!.textContent).toContain('0 of 4 coded');
    expect(tabs()[0].textContent).toContain('4');

    session.setOpen(true);
    await vi.waitFor(() => expect($('[data-testid="ca-panel"]')!.getAttribute('data-state')).toBe('open'));
    pressKey('1');
    await vi.waitFor(() => expect($('[data-testid="ca-progress"]')!.textContent).toContain('1 of 4 coded'));
  });

  it('closing keeps it, hidden again, with focus back on the tab and the keys back to the page', async () => {
    const { session } = await closedPanel();
    session.setOpen(true);
    await vi.waitFor(() => expect($('[data-testid="ca-panel"]')!.getAttribute('data-state')).toBe('open'));
    session.setOpen(false);
    await vi.waitFor(() => expect($('[data-testid="ca-panel"]')!.getAttribute('data-state')).toBe('closed'));
    expect($('.ca-sheet')).not.toBeNull();
    expect(tabs()).toHaveLength(1);
    expect(tabs()[0].parentElement).toBe($('[data-testid="ca-panel"]'));
    expect(document.activeElement).toBe(tabs()[0]);

    pressKey('j');
    expect(session.snapshot().selectedKey).toBe('wp:1');
  });
});
