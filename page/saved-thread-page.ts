import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { renderSavedThread, type SavedComment } from '../layouts/saved';
import type { Send } from './annotator-session';
import { startPageAnnotator, type PageAnnotator } from './page-annotator';

/** A thread as the extension saved it: its page's address and title, and its comments. */
export interface SavedThread {
  url: string;
  title: string | null;
  comments: SavedComment[];
}

/** Text in a new element of the document. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/**
 * Shows a saved thread on the extension's thread page, and runs the article page's annotator on
 * it: the same panel, keys and saving, with no site behind it. The page names the article's
 * address as its canonical link, so the codings are the article's.
 */
export function showSavedThread(ctx: ContentScriptContext, send: Send, thread: SavedThread): PageAnnotator | null {
  const title = thread.title ?? thread.url;
  document.title = `${title} — saved thread`;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'canonical', href: thread.url }));
  const main = document.createElement('main');
  const header = document.createElement('header');
  const source = element('a', thread.url, { href: thread.url, target: '_blank', rel: 'noreferrer noopener' });
  const about = element('p', `The saved copy of ${thread.comments.length} comment${thread.comments.length === 1 ? '' : 's'} of `);
  about.append(source, '. Coding here is coding on the page itself; the site is not loaded.');
  header.append(element('h1', title), about);
  main.append(header);
  document.body.append(main);
  if (!thread.comments.length) {
    main.append(element('p', 'No comment of this page was saved: code it on the page first, and its thread is kept.', { role: 'status', 'data-testid': 'ca-thread-empty' }));
    return null;
  }
  renderSavedThread(main, thread.comments);
  return startPageAnnotator(ctx, send, { onDemand: true });
}
