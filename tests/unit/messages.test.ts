import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../lib/messages';
import { THREAD_PART_LIMIT } from '../../lib/bounds';
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

describe('a thread’s snapshots (save-thread) and presses named by key', () => {
  const page = { url: 'https://a.example/p', layout: 'wp', metadata: null, commentCount: 3 };
  const snapshot = { key: 'wp:1', author: 'A', publishedAt: null, permalink: null, parentKey: null, text: 'hi' };

  it('takes a part of a thread, the texts cut to the snapshot bound', () => {
    const result = parseRequest({ type: 'save-thread', page, comments: [snapshot, { ...snapshot, key: 'wp:2', text: 'x'.repeat(1_500_000) }] });
    expect(result.ok).toBe(true);
    if (result.ok && result.request.type === 'save-thread') expect(result.request.comments[1].text.length).toBeLessThan(1_500_000);
  });

  it.each([
    ['an empty part', { type: 'save-thread', page, comments: [] }, 'comments'],
    ['a part over the limit', { type: 'save-thread', page, comments: Array.from({ length: THREAD_PART_LIMIT + 1 }, (_, i) => ({ ...snapshot, key: `wp:${i}` })) }, 'comments'],
    ['a comment without text', { type: 'save-thread', page, comments: [{ ...snapshot, text: undefined }] }, 'comments.0.text'],
    ['a comment with a panel field', { type: 'save-thread', page, comments: [{ ...snapshot, depth: 0 }] }, 'comments.0'],
    ['a page that is no web page', { type: 'save-thread', page: { ...page, url: 'file:///etc/passwd' }, comments: [snapshot] }, 'page.url'],
  ])('refuses %s', (_label, message, path) => {
    const result = parseRequest(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(path)).toBe(true);
  });

  it('a press names its comment by key alone, or with the whole comment, nothing between', () => {
    const press = (comment: unknown) => parseRequest({ type: 'set-tag', tagId: 't', on: true, target: { page, comment } });
    expect(press({ key: 'wp:1' }).ok).toBe(true);
    expect(press(snapshot).ok).toBe(true);
    expect(press({ key: 'wp:1', text: 'hi' }).ok).toBe(false);
    expect(press({ key: 'x' }).ok).toBe(false);
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
