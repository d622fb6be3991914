import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { openPanelInTab } from '../../extension/open-panel';
import { isCommentSite } from '../../lib/sites';
import { AnnotatorDB } from '../../storage/schema';
import { fakeGrants } from './fake-grants';
import { renderRoot } from './render-root';

const root = renderRoot();

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

  it('says in words where the browser allows no script (its own pages, the web store), the browser\'s own words apart', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no listener'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    const problem = await openPanelInTab(4);
    expect(problem?.message).toMatch(/^Comment Annotator cannot run here: the browser does not let extensions run on this page/);
    expect(problem?.message).not.toContain('chrome://');
    expect(problem?.detail).toBe('Cannot access a chrome:// URL');
  });

  it('the popup\'s "Tag this page" shows that sentence, with the browser\'s words only in its title', async () => {
    fakeGrants();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no listener'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    render(<PopupApp db={new AnnotatorDB(`popup-${crypto.randomUUID()}`)} />, root);
    const found = <T,>(value: T | null | undefined): T => {
      if (!value) throw new Error('not rendered yet');
      return value;
    };
    const button = await vi.waitFor(() => found([...root.querySelectorAll('button')].find((b) => b.textContent === 'Tag this page')));
    button.click();
    const message = await vi.waitFor(() => found(root.querySelector<HTMLElement>('.message')));
    expect(message.textContent).toMatch(/does not let extensions run on this page/);
    expect(message.textContent).not.toContain('chrome://');
    expect(message.title).toBe('Cannot access a chrome:// URL');
  });

  it('knows which sites it starts on by itself', () => {
    expect(isCommentSite('https://phandroid.com/2013/10/11/x/')).toBe(true);
    expect(isCommentSite('https://www.xperiablog.net/a/')).toBe(true);
    expect(isCommentSite('https://stadt-bremerhaven.de/a/')).toBe(true);
    expect(isCommentSite('https://notphandroid.com/a/')).toBe(false);
    expect(isCommentSite('https://phandroid.com.evil.example/a/')).toBe(false);
  });
});
