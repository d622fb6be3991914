import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPanelInTab } from '../../extension/open-panel';
import { isCommentSite } from '../../lib/sites';

afterEach(() => vi.restoreAllMocks());

describe('opening the panel from the toolbar or the shortcut', () => {
  it('tells a running content script to toggle, and injects nothing', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined);
    expect(await openPanelInTab(4)).toBeNull();
    expect(send).toHaveBeenCalledWith(4, { type: 'toggle-panel' }, { frameId: 0 });
    expect(inject).not.toHaveBeenCalled();
  });

  it('tells it to open, not toggle, for the popup\'s "Tag this page"', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await openPanelInTab(4, 'open')).toBeNull();
    expect(send).toHaveBeenCalledWith(4, { type: 'open-panel' }, { frameId: 0 });
  });

  it('injects the content script where none answers (a site the manifest does not name)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined);
    expect(await openPanelInTab(4)).toBeNull();
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 4 }, files: ['/content-scripts/page.js'] });
  });

  it('says so where the browser allows no script (its own pages, the web store)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no listener'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await openPanelInTab(4)).toBe('Comment Annotator cannot run on this page (Cannot access a chrome:// URL).');
  });

  it('knows which sites it starts on by itself', () => {
    expect(isCommentSite('https://phandroid.com/2013/10/11/x/')).toBe(true);
    expect(isCommentSite('https://www.xperiablog.net/a/')).toBe(true);
    expect(isCommentSite('https://stadt-bremerhaven.de/a/')).toBe(true);
    expect(isCommentSite('https://notphandroid.com/a/')).toBe(false);
    expect(isCommentSite('https://phandroid.com.evil.example/a/')).toBe(false);
  });
});
