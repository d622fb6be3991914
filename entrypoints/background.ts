import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseRequest, type FrameReport, type ReportComments } from '../lib/messages';
import { isOwnContentScript } from '../lib/sender';

// Stateless relay between a tab's frames: an MV3 service worker can be stopped at any time, so
// the top frame keeps the reports and asks for them again when it starts.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isOwnContentScript(sender, browser.runtime.id)) return undefined;
    const parsed = parseRequest(message);
    if (!parsed.ok) {
      console.warn(`Comment Annotator: refused a message: ${parsed.error}`);
      return Promise.resolve({ ok: false, error: parsed.error });
    }
    const tabId = sender.tab!.id!;
    const { request } = parsed;
    if (request.type === 'request-frame-comments') {
      const ask: ReportComments = { type: 'report-comments' };
      browser.tabs.sendMessage(tabId, ask).catch(() => undefined);
      return Promise.resolve({ ok: true });
    }
    if (!sender.frameId) return Promise.resolve({ ok: false, error: 'frame-comments: only frames report comments' });
    const report: FrameReport = { ...request, frameId: sender.frameId };
    // The top frame may not listen yet; then it asks with request-frame-comments when it starts.
    browser.tabs.sendMessage(tabId, report, { frameId: 0 }).catch(() => undefined);
    return Promise.resolve({ ok: true });
  });
});
