import { describe, expect, it } from 'vitest';
import { AUTHOR_LIMIT, boundComment, boundMetadata, COMMENT_TEXT_LIMIT, cut, METADATA_LIMITS } from '../../lib/bounds';
import { parseRequest, type SnapshotInput } from '../../lib/messages';
import { readPageMetadata } from '../../page/page-metadata';
import { reidentify } from '../../page/reidentify';
import { normalisedTextHash } from '../../lib/text-hash';

const PAGE = 'https://phandroid.com/a/';
const metadata = { url: PAGE, title: 'T', byline: 'B', siteName: 'S', publishedTime: '2013-10-11', excerpt: 'E' };
const comment = { key: 'wp:1', author: 'A', publishedAt: '2013-10-11T15:00:00', permalink: `${PAGE}#comment-1`, parentKey: null, text: 'hi' };
const setTag = (meta: unknown, c: Partial<typeof comment> = {}) => ({
  type: 'set-tag', tagId: 'tag_on-topic', on: true,
  target: { page: { url: PAGE, layout: 'wp', metadata: meta, commentCount: 1 }, comment: { ...comment, ...c } },
});
const parsedTarget = (message: unknown) => {
  const result = parseRequest(message);
  if (!result.ok) throw new Error(result.error);
  if (result.request.type !== 'set-tag') throw new Error('not a set-tag');
  return result.request.target;
};

describe('cut', () => {
  it('keeps short texts, cuts long ones to the bound with an ellipsis, never inside a surrogate pair', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('ab😀cd', 4)).toBe('ab…'); // 😀 is two UTF-16 units: not split
    expect(cut('ab😀cd', 4).length).toBeLessThanOrEqual(4);
  });
});

describe('optional metadata never stops a coding', () => {
  it.each(Object.entries(METADATA_LIMITS))('metadata.%s over its bound (%d) is cut, not refused', (field, limit) => {
    const target = parsedTarget(setTag({ ...metadata, [field]: 'y'.repeat(limit + 5_000) }));
    const value = (target.page.metadata as Record<string, string>)[field];
    expect(value.length).toBe(limit);
    expect(value.endsWith('…')).toBe(true);
    expect(target.page.metadata!.title).toBe(field === 'title' ? value : 'T');
  });

  it.each([
    ['no address', { ...metadata, url: 'not an address' }],
    ['a field of the wrong type', { ...metadata, title: 42 }],
    ['an unknown field', { ...metadata, html: '<b>' }],
    ['no object', 'metadata'],
  ])('metadata with %s is left out, the coding goes through', (_label, meta) => {
    const target = parsedTarget(setTag(meta));
    if (_label === 'a field of the wrong type') expect(target.page.metadata).toMatchObject({ title: null, excerpt: 'E' });
    else expect(target.page.metadata).toBeNull();
  });

  it('a long author is cut; an overlong time or permalink is dropped; the text is cut to the snapshot bound', () => {
    const target = parsedTarget(setTag(metadata, {
      author: 'a'.repeat(AUTHOR_LIMIT * 3), publishedAt: '2013'.repeat(50), permalink: `${PAGE}#${'x'.repeat(5_000)}`, text: 't'.repeat(1_500_000),
    }));
    const comment = target.comment as SnapshotInput;
    expect(comment.author!.length).toBe(AUTHOR_LIMIT);
    expect(comment.publishedAt).toBeNull();
    expect(comment.permalink).toBeNull();
    expect(comment.text.length).toBe(COMMENT_TEXT_LIMIT);
  });

  it('frame reports with a huge comment are taken, its text cut', () => {
    const result = parseRequest({ type: 'frame-comments', layout: 'disqus', comments: [{ key: 'disqus:1', parentKey: null, depth: 0, kind: 'comment', author: 'A', publishedAt: null, permalink: null, text: 'x'.repeat(1_000_000) }] });
    expect(result.ok && result.request.type === 'frame-comments' && result.request.comments[0].text.length).toBe(COMMENT_TEXT_LIMIT);
  });
});

describe('content scripts bound what they send', () => {
  it('boundMetadata and boundComment cut each field; small ones come back as they were', () => {
    const long = Object.fromEntries(Object.entries(METADATA_LIMITS).map(([k, n]) => [k, 'z'.repeat(n * 2)]));
    const bounded = boundMetadata({ url: PAGE, ...long } as never);
    for (const [field, limit] of Object.entries(METADATA_LIMITS)) expect((bounded as never as Record<string, string>)[field].length).toBe(limit);
    expect(boundComment(comment)).toBe(comment);
    const big = boundComment({ ...comment, text: 'w'.repeat(10_000_000) });
    expect(big.text.length).toBe(COMMENT_TEXT_LIMIT);
    expect(big.key).toBe('wp:1');
  });

  it('readPageMetadata cuts a 12,000-character first paragraph to the excerpt bound', () => {
    const doc = document.implementation.createHTMLDocument('A long article');
    doc.body.innerHTML = `<article><h1>A long article</h1><p>${'Sony has announced a phone. '.repeat(430)}</p><p>${'More text. '.repeat(200)}</p></article>`;
    const read = readPageMetadata(doc, PAGE);
    expect(read.excerpt!.length).toBeLessThanOrEqual(METADATA_LIMITS.excerpt);
    expect(read.excerpt!.startsWith('Sony has announced')).toBe(true);
    expect(parseRequest(setTag(read)).ok).toBe(true);
  });

  it('a comment longer than the snapshot bound is still re-found by its (cut) text', () => {
    const text = 'v '.repeat(COMMENT_TEXT_LIMIT);
    const snapshot = { pageUrl: PAGE, key: 'old:1', author: null, publishedAt: null, permalink: null, parentKey: null, text: cut(text, COMMENT_TEXT_LIMIT), textHash: normalisedTextHash(cut(text, COMMENT_TEXT_LIMIT)), savedAt: '' };
    const annotation = { id: 'a', pageUrl: PAGE, commentKey: 'old:1', tagIds: ['t'], note: '', annotator: 'me', createdAt: '', updatedAt: '' };
    expect(reidentify([{ key: 'new:1', text }], [annotation], [snapshot]).byKey.get('new:1')).toBe(annotation);
  });
});
