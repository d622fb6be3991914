import { browser } from 'wxt/browser';
import type { PageRequest } from '../lib/messages';
import type { Annotation } from '../lib/records';

/** Tells the background that an extension page changed an annotation, so open panels of its page catch up. */
export function tellPanels(annotation: Pick<Annotation, 'pageUrl' | 'commentKey' | 'annotator'>): void {
  const message: PageRequest = { type: 'annotation-edited', pageUrl: annotation.pageUrl, commentKey: annotation.commentKey, annotator: annotation.annotator };
  // No panel open is fine: the edit is already saved, and panels read the database when they open.
  browser.runtime.sendMessage(message).catch(() => undefined);
}
