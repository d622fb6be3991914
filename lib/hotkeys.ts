/** The keys a codebook tag can be toggled with, in the order new tags get them. */
export const HOTKEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** One of the tag keys. */
export type Hotkey = (typeof HOTKEYS)[number];

/**
 * The keys a comment frame forwards to the panel (with their modifiers): every key of the
 * panel's shortcuts (components/panel/keyboard.ts), whatever the codebook gives the tag keys to.
 */
export const FORWARDED_KEYS = ['j', 'k', 'ArrowDown', 'ArrowUp', 'n', 'u', 'x', 'c', '?', 'Escape', 'z', 'Z', 'y', 'Y', ...HOTKEYS] as const;

/** True when a key press's `key` is a tag key. */
export const isHotkey = (key: string): key is Hotkey => (HOTKEYS as readonly string[]).includes(key);
