import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALWAYS_SCRIPT_ID, grantedSites, keepGrantedSitesRegistered, sitePattern, siteStatus, syncGrantedSiteScript } from '../../extension/always-sites';
import { COMMENT_SITES } from '../../lib/sites';
import { fakeGrants, type FakeGrants } from './fake-grants';

let grants: FakeGrants;
beforeEach(() => {
  grants = fakeGrants();
});
afterEach(() => vi.restoreAllMocks());

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
    grants.granted = ['https://zeta.example/*', 'https://alpha.example/*'];
    expect(await grantedSites()).toEqual(['https://alpha.example/*', 'https://zeta.example/*']);
    grants.granted = [];
    expect(await grantedSites()).toEqual([]);
  });
});

describe('the registered granted-site script', () => {
  it('is registered for exactly the granted sites, with the granted-site script only (not the Disqus frame script)', async () => {
    grants.granted = ['https://news.example.com/*'];
    await syncGrantedSiteScript();
    expect(grants.registered).toEqual([{
      id: ALWAYS_SCRIPT_ID,
      js: ['/content-scripts/granted-site.js'],
      matches: ['https://news.example.com/*'],
      excludeMatches: COMMENT_SITES,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    }]);
  });

  it('follows a second grant, and is unregistered when the last site is revoked', async () => {
    grants.granted = ['https://news.example.com/*'];
    await syncGrantedSiteScript();
    grants.granted.push('https://talk.example.org/*');
    await syncGrantedSiteScript();
    expect(grants.registered.map((s) => s.matches)).toEqual([['https://news.example.com/*', 'https://talk.example.org/*']]);
    grants.granted = [];
    await syncGrantedSiteScript();
    expect(grants.registered).toEqual([]);
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

    grants.granted = ['https://news.example.com/*'];
    // Two events at once: unserialised, both would see nothing registered and register twice.
    listeners.onAdded();
    listeners.onStartup();
    await vi.waitFor(() => expect(fakeBrowser.scripting.getRegisteredContentScripts).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(grants.registered.map((s) => s.matches)).toEqual([['https://news.example.com/*']]));
    grants.granted = [];
    listeners.onRemoved();
    await vi.waitFor(() => expect(grants.registered).toEqual([]));
    expect(failed).not.toHaveBeenCalled();
  });
});
