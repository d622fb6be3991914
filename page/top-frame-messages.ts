import type { CommentPassage, FrameKeyPress, ToContentScript } from '../lib/messages';
import type { AnnotatorSession } from './annotator-session';
import type { CommentStore } from './comment-store';

/** What the tab's top frame hands messages to. */
export interface TopFrame {
  store: CommentStore;
  session: AnnotatorSession;
  /** True for comments that are the previous page's, still on screen after a single-page navigation. */
  isStale(comments: { key: string }[]): boolean;
  /** Mounts the panel if it is not yet. */
  mount(): void;
  /** Hands a key pressed in a comment frame (and the passage selected there) to the panel's shortcuts. */
  pressKey(press: FrameKeyPress, passage?: CommentPassage): void;
}

/**
 * Handles what the background sends to the tab's top frame: comments its frames found, a
 * comment clicked or a key pressed in a frame, the panel's keyboard command; everything else is the session's.
 */
export function dispatchToTopFrame(message: ToContentScript, { store, session, isStale, mount, pressKey }: TopFrame): void {
  switch (message?.type) {
    case 'frame-comments':
      if (!isStale(message.comments)) store.set({ frameId: message.frameId, layout: message.layout, comments: message.comments });
      break;
    case 'comment-clicked':
      session.select(message.key);
      break;
    case 'frame-key':
      pressKey(message.press, message.passage);
      break;
    case 'toggle-panel':
      mount();
      session.setOpen(!session.snapshot().open);
      break;
    case 'open-panel':
      mount();
      session.setOpen(true);
      break;
    default:
      void session.onMessage(message);
  }
}
