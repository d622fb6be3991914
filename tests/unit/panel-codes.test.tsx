import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/panel/Panel';
import type { Tag } from '../../lib/records';
import { comment, memoryBackground, sessionOn, STANCE, STANCE_CODES, TAGS } from './memory-background';
import { renderRoot } from './render-root';

// The panel (components/panel/Panel.tsx) on a real session against a background in memory:
// "no code applies", the codebook grouped by variable, definitions and the codebook pane.

/** on-topic with everything a codebook entry can tell the coder. */
const GUIDED: Tag[] = [
  { ...TAGS[0], description: 'Engages with the article’s subject.', include: 'It discusses the phone.', exclude: 'It only greets.', examples: 'The camera is great.\nBattery dies fast.' },
  TAGS[1],
  ...STANCE_CODES.map((tag) => ({ ...tag, description: `Stance ${tag.name}.` })),
];

const root = renderRoot();

/** An event as the reader's own (the panel ignores untrusted ones). */
function trustedEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const pressKey = (key: string) => document.body.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true })));
const click = (el: Element) => el.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true })));
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const button = (name: string) => [...root.querySelectorAll<HTMLButtonElement>('.ca-tagbtn')].find((b) => b.textContent?.includes(name))!;
const definition = () => $('[data-testid="ca-definition"]')?.textContent ?? null;

/** The panel open on three comments, the first selected, with the stance variable. */
async function openPanel() {
  const background = memoryBackground({ codebook: GUIDED, variables: [STANCE] });
  const { session } = await sessionOn(['wp:1', 'wp:2', 'wp:3'].map((key) => comment(key)), background);
  render(<Panel session={session} page={{ focus: () => undefined, openOptions: () => undefined, pickThread: () => undefined, frameKeys: () => () => undefined, placement: { load: async () => null, save: () => undefined }, makeRoom: () => undefined, takePassage: () => null }} />, root);
  session.setOpen(true);
  await vi.waitFor(() => expect($('.ca-row[aria-selected="true"]')).not.toBeNull());
  return { session, background };
}

describe('the panel’s codes', () => {
  it('x (and its button, pressed) codes the selected comment "no code applies": progress counts it, the row and the detail say so', async () => {
    const { background } = await openPanel();
    const none = $<HTMLButtonElement>('[data-testid="ca-none"]')!;
    expect(none.getAttribute('aria-pressed')).toBe('false');
    expect($('[data-testid="ca-progress"]')?.textContent).toContain('0 of 3 coded');

    pressKey('x');
    await vi.waitFor(() => expect(none.getAttribute('aria-pressed')).toBe('true'));
    expect(background.stored.get('wp:1')).toMatchObject({ tagIds: [], none: true });
    expect($('[data-testid="ca-progress"]')?.textContent).toContain('1 of 3 coded');
    const row = $('.ca-row[data-comment-key="wp:1"]')!;
    expect(row.getAttribute('data-none')).toBe('true');
    expect(row.classList.contains('ca-coded')).toBe(true);
    expect(row.querySelector('.ca-none-badge')?.textContent).toBe('no code');
    expect($('.ca-detail .ca-none-badge')).not.toBeNull();

    // A code put on clears it; the button takes it back too.
    pressKey('1');
    await vi.waitFor(() => expect(none.getAttribute('aria-pressed')).toBe('false'));
    expect(row.getAttribute('data-tags')).toBe('on-topic');
    click(none);
    await vi.waitFor(() => expect(none.getAttribute('aria-pressed')).toBe('true'));
    expect(row.getAttribute('data-tags')).toBe('');
    pressKey('u');
    await vi.waitFor(() => expect($('.ca-row[aria-selected="true"]')?.getAttribute('data-comment-key')).toBe('wp:2'));
  });

  it('groups the codes by variable, a single-choice one saying so; a grouping code is no button; a stance key replaces the previous one', async () => {
    const { background } = await openPanel();
    const groups = [...root.querySelectorAll('.ca-tagbar[role="group"]')].map((g) => g.getAttribute('aria-label'));
    expect(groups).toEqual(['stance, one choice: a code replaces the previous one', 'Tags, any number of codes']);
    expect(button('mixed')).toBeUndefined();
    expect($('.ca-codegroup')?.textContent).toBe('mixed:');
    pressKey('3');
    await vi.waitFor(() => expect(button('for').getAttribute('aria-pressed')).toBe('true'));
    pressKey('4');
    await vi.waitFor(() => expect(button('against').getAttribute('aria-pressed')).toBe('true'));
    expect(button('for').getAttribute('aria-pressed')).toBe('false');
    // The grouping code's key does nothing: the key pressed after it is the next change stored.
    pressKey('5');
    pressKey('1');
    await vi.waitFor(() => expect($('.ca-row[data-comment-key="wp:1"]')?.getAttribute('data-tags')).toBe('on-topic,against'));
    expect(JSON.stringify(background.requests)).not.toContain('tag_mixed');
  });

  it('shows the definition of the code pointed at or focused, else of the code last applied to the selected comment', async () => {
    await openPanel();
    expect(definition()).toBeNull();
    button('on-topic').dispatchEvent(new MouseEvent('mouseenter'));
    await vi.waitFor(() => expect(definition()).toContain('Engages with the article’s subject.'));
    expect(definition()).toContain('Use when: It discusses the phone.');
    expect(definition()).toContain('Not when: It only greets.');
    expect([...root.querySelectorAll('.ca-definition li')].map((li) => li.textContent)).toEqual(['The camera is great.', 'Battery dies fast.']);
    button('on-topic').dispatchEvent(new MouseEvent('mouseleave'));
    await vi.waitFor(() => expect(definition()).toBeNull());

    button('against').focus();
    await vi.waitFor(() => expect(definition()).toContain('Stance against.'));
    button('against').blur();
    await vi.waitFor(() => expect(definition()).toBeNull());

    pressKey('3');
    await vi.waitFor(() => expect(definition()).toContain('Stance for.'));
    pressKey('1');
    await vi.waitFor(() => expect(definition()).toContain('Engages with'));
  });

  it('c opens the codebook pane (focus moves in) listing every variable and code with key and guidance; Esc and c close it, focus goes back', async () => {
    await openPanel();
    const list = $('.ca-scroller')!;
    list.focus();
    pressKey('c');
    await vi.waitFor(() => expect($('[data-testid="ca-codebook"]')).not.toBeNull());
    const pane = $('[data-testid="ca-codebook"]')!;
    expect(pane.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(pane);
    const text = pane.textContent!;
    for (const part of ['stance', 'one choice', 'Where the comment stands.', 'Tags', 'on-topic', 'Engages with the article’s subject.', 'Use when: It discusses the phone.', 'Not when: It only greets.', 'Battery dies fast.', 'Stance against.', 'groups the codes under it', 'No code applies']) expect(text).toContain(part);
    expect([...pane.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['3', '4', '1', '2', 'x']);

    pressKey('Escape');
    await vi.waitFor(() => expect($('[data-testid="ca-codebook"]')).toBeNull());
    expect(document.activeElement).toBe(list);
    // Esc closed the pane, not the panel.
    expect($('.ca-sheet')).not.toBeNull();
    pressKey('c');
    await vi.waitFor(() => expect($('[data-testid="ca-codebook"]')).not.toBeNull());
    pressKey('c');
    await vi.waitFor(() => expect($('[data-testid="ca-codebook"]')).toBeNull());
  });
});
