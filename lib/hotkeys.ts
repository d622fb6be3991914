/** The keys a codebook tag can be toggled with, in the order new tags get them. */
export const HOTKEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** One of the tag keys. */
export type Hotkey = (typeof HOTKEYS)[number];

/** True when a key press's `key` is a tag key. */
export const isHotkey = (key: string): key is Hotkey => (HOTKEYS as readonly string[]).includes(key);
