import { isHotkey } from '../../lib/hotkeys';
import { isCodable } from '../../lib/codebook';
import type { Tag } from '../../lib/records';

/** What a key press asks the panel to do. */
export type Shortcut =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'toggle-tag'; tagId: string }
  | { type: 'toggle-none' }
  | { type: 'edit-note' }
  | { type: 'next-uncoded' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'help' }
  | { type: 'codebook' }
  | { type: 'close' };

/** The shortcuts, for the help overlay: keys and what they do. */
export const SHORTCUT_HELP: readonly [string, string][] = [
  ['j / ↓', 'next comment'],
  ['k / ↑', 'previous comment'],
  ['1 … 9, 0', 'toggle the code with that key (in a single-choice variable it replaces the previous choice)'],
  ['x', 'toggle “no code applies” (the comment counts as coded, with no code)'],
  ['text selected, 1 … 9, 0', 'code the selected passage of a comment with that code'],
  ['n', 'edit the note of the selected comment'],
  ['u', 'jump to the next uncoded comment'],
  ['c', 'show or hide the codebook (definitions, inclusion, exclusion, examples)'],
  ['Ctrl+Z', 'undo (last 20 actions)'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'redo'],
  ['?', 'show or hide this help'],
  ['Esc', 'close help, codebook, note or panel'],
];

/** What the shortcuts read of a key press (a frame forwards only this). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** True when the element takes typing: the page's (or our own) inputs, where shortcuts must not fire. */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}

/** The shortcut a key press stands for, or null. Modifier combinations other than undo/redo are left to the page. */
export function shortcutFor(event: KeyPress, codebook: readonly Tag[]): Shortcut | null {
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey) {
    const key = event.key.toLowerCase();
    if (key === 'z') return { type: event.shiftKey ? 'redo' : 'undo' };
    if (key === 'y') return { type: 'redo' };
    return null;
  }
  if (event.altKey || command) return null;
  switch (event.key) {
    case 'j': case 'ArrowDown': return { type: 'move', by: 1 };
    case 'k': case 'ArrowUp': return { type: 'move', by: -1 };
    case 'n': return { type: 'edit-note' };
    case 'u': return { type: 'next-uncoded' };
    case 'x': return { type: 'toggle-none' };
    case 'c': return { type: 'codebook' };
    case '?': return { type: 'help' };
    case 'Escape': return { type: 'close' };
  }
  // A code that only groups others has no key effect.
  const tag = isHotkey(event.key) ? codebook.find((t) => t.hotkey === event.key && isCodable(t)) : undefined;
  return tag ? { type: 'toggle-tag', tagId: tag.id } : null;
}

/**
 * True when a key press is a shortcut of the panel's under some codebook: what a comment frame,
 * which does not know the codebook, forwards to the panel (which then decides).
 */
export function mayBeShortcut(press: KeyPress): boolean {
  if (shortcutFor(press, []) !== null) return true;
  return isHotkey(press.key) && !press.ctrlKey && !press.metaKey && !press.altKey;
}
