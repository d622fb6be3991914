import { isTypingTarget, mayBeShortcut } from '../components/panel/keyboard';
import type { CommentPassage, FrameKeyPress } from '../lib/messages';
import { FORWARDED_KEYS, isHotkey } from '../lib/hotkeys';

const isForwarded = (key: string): key is FrameKeyPress['key'] => (FORWARDED_KEYS as readonly string[]).includes(key);

/**
 * In a comment frame (Disqus): hands the panel's keys the reader presses here to `forward`,
 * while the panel is open, so clicking a comment and pressing 1 tags it. As in the top frame
 * (components/panel/use-shortcuts.ts): real presses only, never while the reader types in one of
 * the frame's fields, and before the frame's own handlers, which do not see them. A tag key
 * goes with the passage of a comment the reader selected here (`takePassage`), to be coded.
 */
export function forwardPanelKeys(
  win: Window,
  panelOpen: () => boolean,
  forward: (press: FrameKeyPress, passage?: CommentPassage) => void,
  signal: AbortSignal,
  takePassage: () => CommentPassage | null = () => null,
): void {
  win.addEventListener('keydown', (event) => {
    if (!event.isTrusted || !panelOpen()) return;
    if (isTypingTarget((event.composedPath()[0] as Element | undefined) ?? null)) return;
    const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
    if (!isForwarded(key) || !mayBeShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const passage = isHotkey(key) && !ctrlKey && !metaKey && !altKey ? takePassage() : null;
    forward({ key, ctrlKey, metaKey, altKey, shiftKey }, passage ?? undefined);
  }, { capture: true, signal });
}
