import { describe, expect, it } from 'vitest';
import { extractComments, locateComment } from '../../layouts/registry';
import { renderSavedThread, type SavedComment } from '../../layouts/saved';
import { formatTime } from '../../lib/format-time';
import { parsePage } from './helpers';

const COMMENTS: SavedComment[] = [
  { key: 'disqus:1', parentKey: null, author: 'Ana', publishedAt: '2013-10-11T15:00:00.000Z', permalink: 'https://example.org/a#comment-1', text: 'First paragraph.\n\nSecond <b>not bold</b> 😀 line\nnext line' },
  { key: 'disqus:2', parentKey: 'disqus:1', author: null, publishedAt: null, permalink: null, text: 'A reply.' },
  { key: 'disqus:3', parentKey: 'disqus:2', author: 'Cy', publishedAt: null, permalink: null, text: 'Deeper.', kind: 'pingback' },
];

const rendered = () => {
  const doc = parsePage('<!doctype html><html><body><main></main></body></html>');
  renderSavedThread(doc.querySelector('main')!, COMMENTS);
  return doc;
};

describe('the saved copy of a thread', () => {
  it('reads back exactly what was written, keeping each comment\'s key from its own site', () => {
    const { layout, comments } = extractComments(rendered());
    expect(layout).toBe('saved');
    expect(comments).toEqual([
      { ...COMMENTS[0], depth: 0, kind: 'comment' },
      { ...COMMENTS[1], depth: 1, kind: 'comment' },
      { ...COMMENTS[2], depth: 2, kind: 'pingback' },
    ]);
  });

  it('shows a time as the panel does, keeping the machine time (read back) in datetime', () => {
    const doc = parsePage('<!doctype html><html><body><main></main></body></html>');
    renderSavedThread(doc.querySelector('main')!, COMMENTS, formatTime);
    const time = doc.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2013-10-11T15:00:00.000Z');
    expect(time.textContent).toBe(formatTime('2013-10-11T15:00:00.000Z'));
    expect(time.textContent).toMatch(/2013/);
    expect(time.textContent).not.toMatch(/2013-10-11/);
    expect(extractComments(doc).comments.map((c) => c.publishedAt)).toEqual(COMMENTS.map((c) => c.publishedAt));
  });

  it('writes comment text as text, never as markup', () => {
    const doc = rendered();
    expect(doc.querySelector('.ca-text b')).toBeNull();
    expect(doc.querySelector('.ca-text')!.textContent).toContain('<b>not bold</b>');
  });

  it('is found by any family\'s key, and a page without it finds nothing', () => {
    expect(locateComment(rendered(), 'disqus:2')?.getAttribute('data-ca-key')).toBe('disqus:2');
    expect(extractComments(parsePage('<html><body><article data-ca-key="wp:1">x</article></body></html>')).layout).not.toBe('saved');
  });
});
