import { allowGenericLayout, generalisePick, usePick, type ThreadPick } from '../layouts/generic';
import type { AnnotatorSession, Send } from './annotator-session';
import type { CommentStore } from './comment-store';
import type { CommentWatch } from './comment-watcher';
import { pickElement } from './thread-picker';

/** What picking the thread works with: the page's annotator, its watch, and what clicks are the extension's own. */
export interface ThreadPicking {
  doc: Document;
  session: AnnotatorSession;
  send: Send;
  store: CommentStore;
  watch: CommentWatch;
  signal: AbortSignal;
  /** True for a click on the extension's own elements (the panel), which picking lets through. */
  isOwn(path: EventTarget[]): boolean;
}

/**
 * Where the reader wants the annotator (asked on this page, or granted the site): allows the
 * generic layout, with the thread picked on this site before, and offers picking the thread.
 */
export function offerThreadPicking({ doc, session, send, watch }: ThreadPicking): void {
  session.setPick({ available: true });
  void send<ThreadPick | null>({ type: 'get-thread-pick' }).then((response) => {
    allowGenericLayout(doc, response.ok ? response.value : null);
    watch.rescan();
  });
}

/**
 * Lets the reader click one comment on the page; the comments like it become the thread, read
 * at once and remembered for the site. The status line says how it went.
 */
export async function pickThread({ doc, session, send, store, watch, signal, isOwn }: ThreadPicking): Promise<void> {
  session.setPick({ active: true });
  const clicked = await pickElement(doc, signal, isOwn);
  session.setPick({ active: false });
  if (!clicked) return session.report('info', 'No thread picked.');
  const pick = generalisePick(clicked);
  if (!pick) return session.report('error', 'That does not look like one comment among several. Pick the thread again and click another comment.');
  usePick(doc, pick);
  watch.rescan();
  const saved = await send({ type: 'save-thread-pick', pick });
  const count = store.snapshot().frames.find((f) => f.frameId === 0)?.comments.length ?? 0;
  session.report('info', `Found ${count} comments like the one you clicked.${saved.ok ? ` Remembered for ${doc.location?.hostname}.` : ''}`);
}
