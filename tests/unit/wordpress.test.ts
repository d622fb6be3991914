import { describe, expect, it } from 'vitest';
import { extractComments, locateComment } from '../../layouts/registry';
import { authorName, kindFromLabel } from '../../layouts/wordpress-fields';
import { extractHtml, parsePage } from './helpers';

// WordPress markup off the core walker, in small hand-written pages: what the fixtures do not
// cover (flattened replies, microdata, custom containers, id-less linkbacks, relative dates).

const URL_ = 'https://blog.example.org/post/';
const WP_ASSET = '<link rel="stylesheet" href="/wp-content/themes/x/style.css">';
const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body><div id="comments">${body}</div></body></html>`;
const shape = (html: string) => extractHtml(html, URL_).comments.map((c) => [c.key, c.parentKey, c.depth]);

describe('WordPress themes', () => {
  it('takes the parent from depth-N classes where replies are printed flat (WordPress.com dl lists)', () => {
    const row = (id: number, depth: number) => `<dt id="comment-${id}" class="comment depth-${depth}"><a class="url" href="#">A${id}</a> - <a href="#comment-${id}">9 December, 2011</a></dt>
<dd class="comment depth-${depth}"><div class="comment" id="div-comment-${id}"><p>Text ${id}</p><div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div></dd>`;
    const html = page(`<dl class="commentlist">${row(1, 1)}${row(2, 2)}${row(3, 3)}${row(4, 2)}${row(5, 1)}</dl>`);
    expect(shape(html)).toEqual([['wp:1', null, 0], ['wp:2', 'wp:1', 1], ['wp:3', 'wp:2', 2], ['wp:4', 'wp:1', 1], ['wp:5', null, 0]]);
    const first = extractHtml(html, URL_).comments[0];
    expect(first).toMatchObject({ author: 'A1', text: 'Text 1', publishedAt: '2011-12-09T00:00:00', permalink: `${URL_}#comment-1` });
  });

  it('reads Genesis microdata: name, machine time, content', () => {
    const html = page(`<ol class="comment-list"><li class="comment depth-1" id="comment-7"><article itemprop="comment" itemscope>
<header class="comment-header"><p class="comment-author" itemprop="author"><img class="avatar" alt=""><span itemprop="name">Ann</span> <span class="says">says</span></p>
<p class="comment-meta"><time itemprop="commentTime" datetime="2014-02-03T10:11:12+00:00"><a href="${URL_}#comment-7">February 3, 2014 at 10:11 am</a></time></p></header>
<div class="comment-content" itemprop="text"><p>Hello</p></div></article></li></ol>`);
    expect(extractHtml(html, URL_).comments).toEqual([expect.objectContaining({ key: 'wp:7', author: 'Ann', publishedAt: '2014-02-03T10:11:12.000Z', text: 'Hello' })]);
  });

  it('finds custom containers by their comment-N id, and li.comment wrappers without one, on WordPress pages only', () => {
    const custom = `<div class="c-comment" id="comment-3"><div class="c-head"><span class="name">Bo</span> <span class="date">16.03.2016 um 18:40 Uhr</span></div><p>Hi</p>
<div class="c-replies"><div class="c-comment" id="comment-4"><span class="name">Cy</span><p>Yo</p></div></div></div>`;
    const found = extractHtml(page(custom, WP_ASSET), URL_);
    expect(found.comments.map((c) => [c.key, c.parentKey, c.author, c.text])).toEqual([['wp:3', null, 'Bo', 'Hi'], ['wp:4', 'wp:3', 'Cy', 'Yo']]);
    expect(found.comments[0].publishedAt).toBe('2016-03-16T18:40:00');
    expect(extractHtml(page(custom), URL_).layout).toBeNull();

    const wrapped = `<ol class="commentlist"><li class="comment depth-1"><div id="comment-8"><cite class="fn">Di</cite><p>One</p></div>
<ul class="children"><li class="comment depth-2"><div id="comment-9"><cite class="fn">Ed</cite><p>Two</p></div></li></ul></li></ol>`;
    expect(shape(page(wrapped, WP_ASSET))).toEqual([['wp:8', null, 0], ['wp:9', 'wp:8', 1]]);
  });

  it('lists pingbacks without ids (keyed by text) and pingback lists apart from the comments', () => {
    const html = `<!DOCTYPE html><html><body><div id="comments"><ol class="commentlist">
<li class="comment depth-1" id="comment-1"><div class="comment-body"><cite class="fn">Al</cite><p>Text</p></div></li>
<li class="pingback"><div class="comment-body">Pingback von <a href="https://other.example/">Other blog</a></div></li></ol>
<form id="commentform"></form></div>
<div class="pings"><ul><li class="trackback depth-1" id="li-comment-2"><div id="comment-2"><span class="fn">Far blog</span><p>[…] excerpt […]</p></div></li></ul></div></body></html>`;
    const { comments } = extractHtml(html, URL_);
    expect(comments.map((c) => [c.kind, c.author])).toEqual([['comment', 'Al'], ['pingback', 'Other blog'], ['trackback', 'Far blog']]);
    expect(comments[1].key).toMatch(/^wp:pingback-[0-9a-f]{8}$/);
    expect(comments[1].permalink).toBeNull();
    expect(locateComment(parsePage(html), comments[1].key)?.textContent).toContain('Other blog');
  });

  it('reads names and dates from a theme of its own, never from a reply (empty author block, "Posted by … on …" line, empty metadata)', () => {
    const item = (id: number, name: string, replies = '') => `<li class="comment depth-1" id="li-comment-${id}"><div id="comment-${id}">
<div class="comment-author vcard"><img alt=""></div><div class="comment-meta commentmetadata"></div>
<div class="comment-body"><p>Text ${id}</p></div>
<p class="citation">Posted by ${name} on November 5, 2012 at 7:56 am | <a href="#comment-${id}">permalink</a> | <a class="comment-reply-link" href="#">Reply</a></p></div>
${replies}</li>`;
    const reply = `<ul class="children"><li class="comment byuser comment-author-ed depth-2" id="li-comment-2"><div id="comment-2">
<span class="comment_name">Ed</span> <a class="comment_date" href="#comment-2">November 6, 2012 at 8:00 pm</a><div class="comment-body"><p>Text 2</p></div></div></li></ul>`;
    const { comments } = extractHtml(page(`<ol class="commentlist">${item(1, 'Di', reply)}</ol>`), URL_);
    expect(comments.map((c) => [c.key, c.parentKey, c.author, c.publishedAt, c.text])).toEqual([
      ['wp:1', null, 'Di', '2012-11-05T07:56:00', 'Text 1'],
      ['wp:2', 'wp:1', 'Ed', '2012-11-06T20:00:00', 'Text 2'],
    ]);
  });

  it('resolves relative dates against the render time, never to before the article, and leaves them null where the render time is unknown', () => {
    const body = `<ol class="comment-list"><li class="comment depth-1" id="comment-5"><article class="comment-body">
<div class="comment-author"><b class="fn">Flo</b></div><div class="comment-metadata"><a href="#comment-5">vor 2 Stunden</a></div>
<div class="comment-content"><p>Hallo</p></div></article></li></ol>`;
    const rendered = (html: string, lastModified?: string) => {
      const doc = parsePage(html);
      if (lastModified) Object.defineProperty(doc, 'lastModified', { value: lastModified });
      return extractComments(doc, URL_).comments[0].publishedAt;
    };
    const article = (iso: string) => `<meta property="article:published_time" content="${iso}">`;
    expect(rendered(page(body, article('2020-05-01T08:00:00+00:00')), '05/01/2020 12:00:00')).toBe('2020-05-01T10:00:00');
    expect(rendered(page(body), '05/01/2020 12:00:00')).toBe('2020-05-01T10:00:00');
    // A result more than a day before the article cannot be right (a stale copy of the page).
    expect(rendered(page(body, article('2020-06-01T08:00:00+00:00')), '05/01/2020 12:00:00')).toBeNull();
    expect(rendered(page(body, article('2020-05-01T08:00:00+00:00')))).toBeNull();
  });
});

describe('authorName', () => {
  it.each([
    ['Ben 19. Juni 2018 um 15:28 Uhr - Antworten', 'Ben'],
    ['John says:', 'John'],
    ['Progress Trap said,', 'Progress Trap'],
    ['Comment by Mr WordPress — September 2, 2007 @ 2:28 pm', 'Mr WordPress'],
    ['1. William Kirk - August 8, 2012', 'William Kirk'],
    ['GreatAunt On Friday, November 2 at 12:14 pm', 'GreatAunt'],
    ['by PreachITBrotha on Aug 9, 2012 12:54 PM EDT', 'PreachITBrotha'],
    ['Anna | 16.03.2016 um 18:40 | Antworten', 'Anna'],
    ['Reader 12', 'Reader 12'],
    ['May Li', 'May Li'],
    ['Agent 007', 'Agent 007'],
  ])('%s → %s', (label, name) => {
    expect(authorName(label)).toBe(name);
  });
  it('tells linkbacks by their label', () => {
    expect(kindFromLabel('Pingback by Site — date')).toBe('pingback');
    expect(kindFromLabel('Trackback: x')).toBe('trackback');
    expect(kindFromLabel('Pingbacker')).toBeUndefined();
  });
});
