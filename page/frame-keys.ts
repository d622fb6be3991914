import { isTypingTarget, mayBeShortcut } from '../components/panel/keyboard';
import type { FrameKeyPress } from '../lib/messages';
import { FORWARDED_KEYS } from '../lib/hotkeys';

const isForwarded = (key: string): key is FrameKeyPress['key'] => (FORWARDED_KEYS as readonly string[]).includes(key);

/**
 * In a comment frame (Disqus): hands the panel's keys the reader presses here to `forward`,
 * while the panel is open, so clicking a comment and pressing 1 tags it. As in the top frame
 * (components/panel/use-shortcuts.ts): real presses only, never while the reader types in one of
 * the frame's fields, and before the frame's own handlers, which do not see them.
 */
export function forwardPanelKeys(win: Window, panelOpen: () => boolean, forward: (press: FrameKeyPress) => void, signal: AbortSignal): void {
  win.addEventListener('keydown', (event) => {
    if (!event.isTrusted || !panelOpen()) return;
    if (isTypingTarget((event.composedPath()[0] as Element | undefined) ?? null)) return;
    const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
    if (!isForwarded(key) || !mayBeShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    forward({ key, ctrlKey, metaKey, altKey, shiftKey });
  }, { capture: true, signal });
}
