import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Send } from '../../page/annotator-session';
import { showSavedThread } from '../../page/saved-thread-page';

// The thread page with nothing to show never starts the annotator, so neither is called.
const ctx = {} as ContentScriptContext;
const send = (async () => ({ ok: true, value: null })) as unknown as Send;

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the saved thread page with no saved thread', () => {
  it.each([
    ['no address', ''],
    ['an address never coded', 'https://example.org/never-coded'],
  ])('says so in whole sentences, and how to make one, for %s', (_, url) => {
    expect(showSavedThread(ctx, send, { url, title: null, comments: [] })).toBeNull();
    const text = document.body.textContent!.replace(/\s+/g, ' ');
    expect(text).not.toMatch(/saved copy of 0|of \./);
    expect(document.querySelector('[data-testid="ca-thread-empty"]')!.textContent).toMatch(/^No thread is saved for /);
    expect(text).toContain('“Code this thread offline”');
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('names the address it was given as a link', () => {
    showSavedThread(ctx, send, { url: 'https://example.org/never-coded', title: null, comments: [] });
    expect(document.querySelector('[data-testid="ca-thread-empty"] a')?.getAttribute('href')).toBe('https://example.org/never-coded');
  });
});
