import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../lib/messages';
import { isOwnContentScript } from '../../background/sender';

const comment = { key: 'disqus:1', parentKey: null, depth: 0, kind: 'comment', author: 'A', publishedAt: null, permalink: null, text: 'hi' };

describe('message validation', () => {
  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'frame-comments', layout: 'disqus', comments: [comment] }).ok).toBe(true);
    expect(parseRequest({ type: 'request-frame-comments' }).ok).toBe(true);
    expect(parseRequest({ type: 'get-page-state', pageUrl: 'https://a.example/p' }).ok).toBe(true);
  });

  it.each([
    ['no object', null, ''],
    ['unknown type', { type: 'delete-everything' }, 'type'],
    ['unknown layout', { type: 'frame-comments', layout: 'evil', comments: [] }, 'layout'],
    ['comments not an array', { type: 'frame-comments', layout: 'disqus', comments: 'x' }, 'comments'],
    ['negative depth', { type: 'frame-comments', layout: 'disqus', comments: [{ ...comment, depth: -1 }] }, 'comments.0.depth'],
    ['extra field', { type: 'frame-comments', layout: 'disqus', comments: [{ ...comment, html: '<b>' }] }, 'comments.0'],
    ['text too long', { type: 'frame-comments', layout: 'disqus', comments: [{ ...comment, text: 'x'.repeat(2_000_001) }] }, 'comments.0.text'],
    ['extra field on the request', { type: 'request-frame-comments', tabId: 3 }, ''],
  ])('refuses %s, naming where', (_label, message, path) => {
    const result = parseRequest(message);
    expect(result.ok).toBe(false);
    if (!result.ok && path) expect(result.error.startsWith(path)).toBe(true);
  });
});

describe('sender check', () => {
  it('takes only this extension’s content scripts', () => {
    expect(isOwnContentScript({ id: 'me', tab: { id: 4 }, frameId: 0 }, 'me')).toBe(true);
    expect(isOwnContentScript({ id: 'other', tab: { id: 4 } }, 'me')).toBe(false);
    expect(isOwnContentScript({ id: 'me' }, 'me')).toBe(false);
    expect(isOwnContentScript({ id: 'me', tab: { id: -1 } }, 'me')).toBe(false);
  });
});
