import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GrantedSites } from '../../components/options/GrantedSites';
import { AlwaysRun } from '../../components/popup/AlwaysRun';
import { ALWAYS_SCRIPT_ID, grantedSites, keepGrantedSitesRegistered, sitePattern, siteStatus, syncGrantedSiteScript } from '../../lib/always-sites';
import { COMMENT_SITES } from '../../lib/sites';

// What Chromium reports: the manifest's content script matches count among granted origins.
const MANIFEST = {
  manifest_version: 3,
  name: 'test',
  version: '0',
  permissions: ['activeTab', 'scripting'],
  optional_host_permissions: ['*://*/*'],
  content_scripts: [
    { matches: ['*://disqus.com/embed/comments/*'], js: ['content-scripts/disqus.js'], all_frames: true },
    { matches: COMMENT_SITES, js: ['content-scripts/page.js'] },
  ],
} as unknown as ReturnType<typeof fakeBrowser.runtime.getManifest>;

/** The browser's granted origins, as a test sets them; permissions.getAll answers from it. */
let granted: string[] = [];
/** The registered scripts, as a test sets them; the scripting calls read and change it. */
let registered: { id: string; matches?: string[]; js?: string[] }[] = [];

beforeEach(() => {
  granted = [];
  registered = [];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST);
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ permissions: ['activeTab', 'scripting'], origins: [...MANIFEST.content_scripts!.flatMap((c) => c.matches ?? []), ...granted] }));
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter) =>
    registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)) as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const s of scripts) {
      if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registered.push(s);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation(async (scripts) => {
    registered = registered.map((r) => scripts.find((s) => s.id === r.id) ?? r);
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    registered = registered.filter((r) => !filter?.ids?.includes(r.id));
  });
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the site of a tab', () => {
  it('is the scheme and host of a web address, without path, query or port', () => {
    expect(sitePattern('https://www.example.org/2025/08/a-story/?page=2#comments')).toBe('https://www.example.org/*');
    expect(sitePattern('http://blog.example.net:8080/post')).toBe('http://blog.example.net/*');
  });

  it.each([
    'chrome://extensions/', 'chrome://newtab/', 'file:///home/reader/saved.html', 'chrome-extension://abcdef/popup.html',
    'moz-extension://1234/options.html', 'about:blank', 'view-source:https://example.org/', 'data:text/html,<p>hi</p>',
    'ftp://example.org/file', 'edge://settings', 'not an address', '',
  ])('is refused for %s', (url) => {
    expect(sitePattern(url)).toBeNull();
    expect(siteStatus(url, [])).toEqual({ kind: 'none' });
  });

  it('is refused when the popup may not read the address (no activeTab grant)', () => {
    expect(siteStatus(undefined, [])).toEqual({ kind: 'none' });
  });

  it('is offered, shown as granted, or shown as known', () => {
    expect(siteStatus('https://news.example.com/a/', [])).toEqual({ kind: 'offer', pattern: 'https://news.example.com/*', host: 'news.example.com' });
    expect(siteStatus('https://news.example.com/a/', ['https://news.example.com/*'])).toMatchObject({ kind: 'granted' });
    // Granted for http only: https is another origin, still to offer.
    expect(siteStatus('https://news.example.com/a/', ['http://news.example.com/*'])).toMatchObject({ kind: 'offer' });
    expect(siteStatus('https://www.phandroid.com/2013/x/', [])).toMatchObject({ kind: 'seed', host: 'www.phandroid.com' });
  });
});

describe('the granted sites', () => {
  it('are the granted origins the manifest does not declare, sorted', async () => {
    granted = ['https://zeta.example/*', 'https://alpha.example/*'];
    expect(await grantedSites()).toEqual(['https://alpha.example/*', 'https://zeta.example/*']);
    granted = [];
    expect(await grantedSites()).toEqual([]);
  });
});

describe('the registered granted-site script', () => {
  it('is registered for exactly the granted sites, with the granted-site script only (not the Disqus frame script)', async () => {
    granted = ['https://news.example.com/*'];
    await syncGrantedSiteScript();
    expect(registered).toEqual([{
      id: ALWAYS_SCRIPT_ID,
      js: ['/content-scripts/granted-site.js'],
      matches: ['https://news.example.com/*'],
      excludeMatches: COMMENT_SITES,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    }]);
  });

  it('follows a second grant, and is unregistered when the last site is revoked', async () => {
    granted = ['https://news.example.com/*'];
    await syncGrantedSiteScript();
    granted.push('https://talk.example.org/*');
    await syncGrantedSiteScript();
    expect(registered.map((s) => s.matches)).toEqual([['https://news.example.com/*', 'https://talk.example.org/*']]);
    granted = [];
    await syncGrantedSiteScript();
    expect(registered).toEqual([]);
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('registers nothing when nothing is granted', async () => {
    await syncGrantedSiteScript();
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(fakeBrowser.scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });

  it('is kept in step by the background on grants and revokes, one change at a time', async () => {
    const listeners: Record<string, () => void> = {};
    const events = { onInstalled: fakeBrowser.runtime.onInstalled, onStartup: fakeBrowser.runtime.onStartup, onAdded: fakeBrowser.permissions.onAdded, onRemoved: fakeBrowser.permissions.onRemoved };
    for (const [name, event] of Object.entries(events)) {
      vi.spyOn(event, 'addListener').mockImplementation((listener: unknown) => { listeners[name] = listener as () => void; });
    }
    const failed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    keepGrantedSitesRegistered();
    expect(Object.keys(listeners).sort()).toEqual(['onAdded', 'onInstalled', 'onRemoved', 'onStartup']);

    granted = ['https://news.example.com/*'];
    // Two events at once: unserialised, both would see nothing registered and register twice.
    listeners.onAdded();
    listeners.onStartup();
    await vi.waitFor(() => expect(fakeBrowser.scripting.getRegisteredContentScripts).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(registered.map((s) => s.matches)).toEqual([['https://news.example.com/*']]));
    granted = [];
    listeners.onRemoved();
    await vi.waitFor(() => expect(registered).toEqual([]));
    expect(failed).not.toHaveBeenCalled();
  });
});

/** Renders a component into the test document; preact runs effects after the render. */
function mount(node: preact.VNode): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('the options page list', () => {
  it('says so when there are none', async () => {
    const root = mount(<GrantedSites />);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="granted-sites-empty"]')?.textContent).toContain('No sites yet'));
    expect(root.querySelector('li')).toBeNull();
  });

  it('lists the granted sites and removes one with its button, then focus stays in the list', async () => {
    granted = ['https://news.example.com/*', 'https://talk.example.org/*'];
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins }) => {
      granted = granted.filter((o) => !origins?.includes(o));
      return true;
    });
    const root = mount(<GrantedSites />);
    await vi.waitFor(() => expect([...root.querySelectorAll('li')].map((li) => li.dataset.site)).toEqual(granted));
    expect(root.textContent).not.toContain('disqus.com');

    const first = root.querySelector<HTMLButtonElement>('button[aria-label="Stop running on https://news.example.com/*"]')!;
    first.focus();
    first.click();
    await vi.waitFor(() => expect([...root.querySelectorAll('li')].map((li) => li.dataset.site)).toEqual(['https://talk.example.org/*']));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://news.example.com/*'] });
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Stop running on https://talk.example.org/*'));

    root.querySelector<HTMLButtonElement>('li button')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="granted-sites-empty"]')).not.toBeNull());
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('granted-sites'));
  });

  it('shows the browser refusing a removal', async () => {
    granted = ['https://news.example.com/*'];
    vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(false as never);
    const root = mount(<GrantedSites />);
    await vi.waitFor(() => expect(root.querySelector('li button')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('li button')!.click();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not remove https://news.example.com/*'));
    expect(root.querySelectorAll('li')).toHaveLength(1);
  });
});

describe('the popup offer', () => {
  const onTab = (url: string | undefined) => vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, url }] as never);

  it('asks for that one site when clicked, and then says it always runs there', async () => {
    onTab('https://news.example.com/2025/08/08/story/');
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const root = mount(<AlwaysRun />);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="ca-always-run"]')?.textContent).toBe('Always run on news.example.com'));
    root.querySelector<HTMLButtonElement>('[data-testid="ca-always-run"]')!.click();
    expect(request).toHaveBeenCalledWith({ origins: ['https://news.example.com/*'] });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="ca-always-status"]')?.textContent).toContain('Always runs on news.example.com'));
  });

  it('keeps offering when the reader declines', async () => {
    onTab('https://news.example.com/a/');
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const root = mount(<AlwaysRun />);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="ca-always-run"]')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-testid="ca-always-run"]')!.click();
    await vi.waitFor(() => expect(root.textContent).toContain('Not allowed on news.example.com.'));
    expect(root.querySelector('[data-testid="ca-always-run"]')).not.toBeNull();
  });

  it('offers nothing on the browser\'s own pages, and says so on a granted site', async () => {
    granted = ['https://news.example.com/*'];
    // Mounted first, so its effect has run by the time the second one shows its status.
    vi.spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValueOnce([{ id: 1, url: 'chrome://extensions/' }] as never)
      .mockResolvedValueOnce([{ id: 2, url: 'https://news.example.com/b/' }] as never);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const none = mount(<AlwaysRun />);
    const root = mount(<AlwaysRun />);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="ca-always-status"]')?.textContent).toContain('Always runs on news.example.com.'));
    expect(fakeBrowser.tabs.query).toHaveBeenCalledTimes(2);
    expect(none.innerHTML).toBe('');
    expect(root.querySelector('button')).toBeNull();
    expect(request).not.toHaveBeenCalled();
  });
});
