import { browser, type Browser } from 'wxt/browser';
// Aliased to page/content-script-context.ts in the build (wxt.config.ts), as in the content scripts.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showSavedThread } from '../../page/saved-thread-page';
import type { Send } from '../../page/annotator-session';
import type { Request, Response, ToContentScript } from '../../lib/messages';
import { answerCodingRequest, isCodingRequest } from '../../storage/coding-requests';
import { onChange } from '../../storage/changes';
import { loadCodebook } from '../../storage/codebook';
import { savedThread } from '../../storage/saved-threads';
import { readPanelSync } from '../../storage/sync-status';
import { AnnotatorDB } from '../../storage/schema';
import { keepBackgroundListening } from '../../extension/keep-background-listening';

// The saved copy of a thread (thread.html?url=ADDRESS), opened from the review page: coding
// goes on without the site. The panel's requests are answered here, from the database, as the
// background answers them on an article page.
const db = new AnnotatorDB();
const url = new URLSearchParams(location.search).get('url') ?? '';

const send = (async (request: Request): Promise<Response> => {
  if (isCodingRequest(request)) {
    // The copy's markup is not the site's: the page keeps the layout its site was read with.
    const local = 'target' in request ? { ...request, target: { ...request.target, page: { ...request.target.page, layout: null } } } : request;
    return answerCodingRequest(db, local, () => loadCodebook(db));
  }
  if (request.type === 'get-sync-status') return { ok: true, value: await readPanelSync(db) };
  if (request.type === 'open-options') await browser.runtime.openOptionsPage();
  // Frames, outlines in frames and thread picks do not exist on this page; the thread it shows
  // is stored already (save-thread).
  return { ok: true, value: null };
}) as Send;

const annotator = showSavedThread(new ContentScriptContext('saved-thread'), send, await savedThread(db, url));
if (annotator) {
  onChange(db, (change) => annotator.onMessage({ type: 'stored-change', change }));
  // The shortcut and the popup's "Tag this page" open the panel here as on an article page
  // (extension/open-panel.ts): they message the tab, and this page is the tab's top frame.
  browser.runtime.onMessage.addListener((message: ToContentScript, sender: Browser.runtime.MessageSender) => {
    if (sender.id === browser.runtime.id && !sender.tab && (message?.type === 'toggle-panel' || message?.type === 'open-panel')) annotator.onMessage(message);
  });
}
// Coding here writes: the background must be running to tell open article pages.
keepBackgroundListening();
