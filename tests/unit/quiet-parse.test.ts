import { afterEach, expect, it, vi } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { extractHtml } from './helpers';

// Issue "The panel and review page, polished", point 15: a happy-dom stack trace ("Failed to load
// iframe page … Iframe page loading is disabled") appeared between passing unit tests whenever a
// test parsed a fixture page that embeds a live Disqus, giscus or utterances iframe.

afterEach(() => vi.restoreAllMocks());

it.each(['002-xperiablog-live-disqus', '002-xperiablog-load-more'])('parsing %s writes nothing to the console or stderr', (name) => {
  const errors = vi.spyOn(console, 'error');
  const stderr = vi.spyOn(process.stderr, 'write');
  const page = fixture(name);
  expect(page.html()).toMatch(/<iframe[^>]+src="https:\/\/disqus\.com\/embed\//);
  extractHtml(page.html(), page.url);
  expect(errors).not.toHaveBeenCalled();
  expect(stderr).not.toHaveBeenCalled();
});
