import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { renderSavedThread, type SavedComment } from '../layouts/saved';
import { formatTime } from '../lib/format-time';
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
  const main = document.createElement('main');
  document.body.append(main);
  if (!thread.comments.length) {
    showNothingSaved(main, thread.url);
    return null;
  }
  const title = thread.title ?? thread.url;
  document.title = `${title} — saved thread`;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'canonical', href: thread.url }));
  const header = document.createElement('header');
  const about = element('p', `The saved copy of ${thread.comments.length} comment${thread.comments.length === 1 ? '' : 's'} of `);
  about.append(link(thread.url), '. Coding here is coding on the page itself; the site is not loaded.');
  header.append(element('h1', title), about);
  main.append(header);
  // Times as the panel beside them shows them.
  renderSavedThread(main, thread.comments, formatTime);
  return startPageAnnotator(ctx, send, { onDemand: true });
}

/** A link to an article's address, opened beside this page. */
const link = (url: string) => element('a', url, { href: url, target: '_blank', rel: 'noreferrer noopener' });

/**
 * The page opened with no address, or one with no saved thread: says so, and how a thread is
 * saved and opened here, rather than a copy "of 0 comments".
 */
function showNothingSaved(main: HTMLElement, url: string): void {
  document.title = 'No saved thread — Comment Annotator';
  const status = element('p', 'No thread is saved for ', { role: 'status', 'data-testid': 'ca-thread-empty' });
  status.append(...(url ? [link(url), '.'] : ['this address: the page was opened without one.']));
  main.append(
    element('h1', 'No saved thread'),
    status,
    element('p', 'A page’s thread is saved when you start coding it with the panel on the article. To code it here, without the site, choose the page on the review page and then “Code this thread offline”.'),
  );
}
