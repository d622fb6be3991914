import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GrantedSites } from '../../components/options/GrantedSites';
import { AlwaysRun } from '../../components/popup/AlwaysRun';
import { fakeGrants, type FakeGrants } from './fake-grants';

let grants: FakeGrants;
beforeEach(() => {
  grants = fakeGrants();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
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
    grants.granted = ['https://news.example.com/*', 'https://talk.example.org/*'];
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins }) => {
      grants.granted = grants.granted.filter((o) => !origins?.includes(o));
      return true;
    });
    const root = mount(<GrantedSites />);
    await vi.waitFor(() => expect([...root.querySelectorAll('li')].map((li) => li.dataset.site)).toEqual(['https://news.example.com/*', 'https://talk.example.org/*']));
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
    grants.granted = ['https://news.example.com/*'];
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
    grants.granted = ['https://news.example.com/*'];
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
