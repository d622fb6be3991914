import { useLayoutEffect, useRef } from 'preact/hooks';
import { isTypingTarget, shortcutFor, type KeyPress } from './keyboard';
import type { PanelSession } from './model';
import type { CommentPassage } from '../../lib/messages';

/** What shortcuts act on besides the session: the rows shown and the panel's own view. */
export interface ShortcutTargets {
  /** The keys of the rows shown, in order. */
  keys: readonly string[];
  /** Shows the newly selected comment on the page. */
  focus(key: string | null): void;
  /** Puts the caret in the note field. */
  editNote(): void;
  /** Escape left `field` (the page's or the panel's own): the panel takes the focus back from its own. */
  leftField(field: Element): void;
  /** The comment passage the reader has selected (the selection then cleared), or null: a code key codes it instead of the comment. */
  takePassage(): CommentPassage | null;
  /** The pane over the list: the shortcuts help (?), the codebook (c), or none. */
  pane: Pane;
  setPane(pane: Pane): void;
}

/** A pane shown over the comment list. */
export type Pane = 'help' | 'codebook' | null;

/** Why a code key, x or the note key did nothing: the selected comment is not among the rows shown. */
export const HIDDEN_SELECTION = 'The selected comment is hidden by the filter or search: select a shown one (j / k) first.';

/**
 * Toggles a tag on the selected comment, only when the list shows it: a key or button must
 * never change a comment the reader cannot see in the list ("No comment matches").
 */
export function tagSelected(session: PanelSession, tagId: string, keys: readonly string[]): void {
  if (selectionHidden(session, keys)) session.report('info', HIDDEN_SELECTION);
  else void session.toggleTag(tagId);
}

/** Toggles "no code applies" on the selected comment, only when the list shows it (as tagSelected). */
export function noneSelected(session: PanelSession, keys: readonly string[]): void {
  if (selectionHidden(session, keys)) session.report('info', HIDDEN_SELECTION);
  else void session.toggleNone();
}

const selectionHidden = (session: PanelSession, keys: readonly string[]) => {
  const { selectedKey } = session.snapshot();
  return selectedKey !== null && !keys.includes(selectedKey);
};

/**
 * Subscribes to the keys the reader presses in the page's comment frames (Disqus), each with the
 * passage selected there when it was a tag key; returns the unsubscribe.
 */
export type FrameKeys = (listener: (press: KeyPress, passage?: CommentPassage) => void) => () => void;

/**
 * What a tag key does: codes the passage the reader selected in a comment (and selects that
 * comment) or, with none selected, toggles the tag on the selected comment.
 */
export function codeOrTag(session: PanelSession, tagId: string, targets: Pick<ShortcutTargets, 'keys' | 'takePassage'>): void {
  const passage = targets.takePassage();
  if (!passage) return tagSelected(session, tagId, targets.keys);
  const { key, ...where } = passage;
  void session.codePassage(key, tagId, where);
}

/**
 * Listens for the panel's shortcuts (keyboard.ts) on the whole page while the panel is open,
 * before the page's own handlers. Never while the reader types in an input (the page's or
 * ours; Escape leaves it), never for key presses a script made up (untrusted events). Keys
 * pressed in a comment frame (after clicking a comment there) come through `frameKeys`: the
 * frame checked them the same way. Registered with the render that opens the sheet (a layout
 * effect, not one after the next paint): a key pressed as soon as the first row shows is not lost.
 */
export function useShortcuts(session: PanelSession, open: boolean, targets: ShortcutTargets, frameKeys?: FrameKeys): void {
  const latest = useRef(targets);
  latest.current = targets;
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      const target = (event.composedPath()[0] as Element | undefined) ?? null;
      if (isTypingTarget(target)) {
        if (event.key !== 'Escape') return;
        (target as HTMLElement).blur();
        // Escape only leaves the field: Chromium would also empty a search field, and, the
        // field no longer focused, tell no input listener (the list stayed filtered by text gone).
        event.preventDefault();
        event.stopPropagation();
        latest.current.leftField(target!);
        return;
      }
      if (runShortcut(event, session, latest.current)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const stopFrameKeys = frameKeys?.((press, passage) => void runShortcut(press, session, { ...latest.current, takePassage: () => passage ?? null }));
    return () => {
      window.removeEventListener('keydown', onKey, true);
      stopFrameKeys?.();
    };
  }, [open, session, frameKeys]);
}

/** Does what the key press asks; false when it is no shortcut of the panel's (the page gets it). */
function runShortcut(event: KeyPress, session: PanelSession, targets: ShortcutTargets): boolean {
  // Read at the key press: picking may have started since the last render. While the reader
  // picks the thread, keys belong to the picker (Escape ends picking, not the panel).
  const state = session.snapshot();
  if (state.pick.active) return false;
  const shortcut = shortcutFor(event, state.thread.codebook);
  if (!shortcut) return false;
  switch (shortcut.type) {
    case 'move': targets.focus(session.move(shortcut.by, targets.keys)); break;
    case 'next-uncoded': targets.focus(session.nextUncoded(targets.keys)); break;
    case 'toggle-tag': codeOrTag(session, shortcut.tagId, targets); break;
    case 'toggle-none': noneSelected(session, targets.keys); break;
    case 'edit-note':
      if (selectionHidden(session, targets.keys)) session.report('info', HIDDEN_SELECTION);
      else targets.editNote();
      break;
    case 'undo': void session.undo(); break;
    case 'redo': void session.redo(); break;
    case 'help': targets.setPane(targets.pane === 'help' ? null : 'help'); break;
    case 'codebook': targets.setPane(targets.pane === 'codebook' ? null : 'codebook'); break;
    case 'close':
      if (targets.pane) targets.setPane(null);
      else session.setOpen(false);
      break;
  }
  return true;
}
