import { describe, expect, it } from 'vitest';
import { commentKeyAt, commentSelector, locateComment } from '../../layouts/registry';
import { typepadDate } from '../../layouts/typepad';
import { extractHtml, parsePage } from './helpers';

const URL_ = 'https://someone.typepad.com/blog/2012/11/post.html';
const page = (body: string) => `<!DOCTYPE html><html><body><div class="entry-content"><p>Article.</p><p class="posted">Posted by Kathy on November 8, 2012 | <a href="${URL_}">Permalink</a></p></div>${body}</body></html>`;
const HEX = (n: number) => `6a00d834515cae69e2017ee4de16a0${String(n).padStart(3, '0')}d`;

const box = (n: number, author: string, text: string, date = 'Thursday, November 08, 2012 at 01:26 PM', extra = '') =>
  `<a id="c${HEX(n)}"></a><div class="comment comment-odd" id="comment-${HEX(n)}">
<div class="comment-content" id="comment-${HEX(n)}-content"><span>${extra}${text}</span></div>
<p class="comment-footer">Posted by:
${author} |
<a rel="nofollow" href="${URL_}?cid=${HEX(n)}#comment-${HEX(n)}">${date}</a></p></div>`;
const typepad = (boxes: string) => page(`<div class="comments" id="all-comments"><h3 class="comments-header">Comments</h3><div class="comments-content" id="comments-content">${boxes}</div></div>`);

describe('TypePad comment boxes', () => {
  it('reads author and date from the "Posted by: NAME | DATE" footer, without "Posted by"', () => {
    const html = typepad(box(1, 'Janet', '<p>Loved it.</p><p>Twice.</p>') + box(2, '<a rel="nofollow" href="http://k.example/">Karen W. (in Towson, Md)</a>', '<p>Same.</p>', 'November 08, 2012 at 01:33 PM'));
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('typepad');
    expect(comments.map((c) => [c.key, c.author, c.publishedAt, c.text])).toEqual([
      [`typepad:${HEX(1)}`, 'Janet', '2012-11-08T13:26:00', 'Loved it.\n\nTwice.'],
      [`typepad:${HEX(2)}`, 'Karen W. (in Towson, Md)', '2012-11-08T13:33:00', 'Same.'],
    ]);
    expect(comments[0].permalink).toBe(`${URL_}?cid=${HEX(1)}#comment-${HEX(1)}`);
  });

  it('places a reply under the comment its "In reply to" link names, and leaves that line out of the text', () => {
    const reply = `<p class="comment-reply-to">In reply to <a href="${URL_}?cid=${HEX(1)}#comment-${HEX(1)}">Janet</a></p>`;
    const html = typepad(box(1, 'Janet', '<p>Question?</p>') + box(2, 'Kim', '<p>Answer.</p>', undefined, reply) + box(3, 'Lu', '<p>Another.</p>'));
    const { comments } = extractHtml(html, URL_);
    expect(comments.map((c) => [c.key, c.parentKey, c.depth, c.text])).toEqual([
      [`typepad:${HEX(1)}`, null, 0, 'Question?'],
      [`typepad:${HEX(2)}`, `typepad:${HEX(1)}`, 1, 'Answer.'],
      [`typepad:${HEX(3)}`, null, 0, 'Another.'],
    ]);
  });

  it('keeps a long paragraph that starts by naming the comment it answers', () => {
    const long = `<p>In reply to <a href="#comment-${HEX(1)}">Janet</a>: ${'yes, and more words here. '.repeat(6)}</p>`;
    const { comments } = extractHtml(typepad(box(1, 'Janet', '<p>Hi.</p>') + box(2, 'Kim', '', undefined, long)), URL_);
    expect(comments[1].parentKey).toBe(`typepad:${HEX(1)}`);
    expect(comments[1].text).toMatch(/^In reply to Janet: yes, and more/);
  });

  it('gives no parent when the "In reply to" link names a comment that is not earlier on the page', () => {
    const reply = `<p>In reply to <a href="#comment-${HEX(9)}">Nobody</a></p>`;
    const { comments } = extractHtml(typepad(box(1, 'Janet', '<p>Hi.</p>', undefined, reply)), URL_);
    expect(comments[0].parentKey).toBeNull();
    expect(comments[0].depth).toBe(0);
  });

  it('maps clicks to comments and finds them again', () => {
    const doc = parsePage(typepad(box(1, 'Janet', '<p>Hi.</p>')));
    expect(commentKeyAt(doc.querySelector('.comment-content p'), 'typepad')).toBe(`typepad:${HEX(1)}`);
    expect(locateComment(doc, `typepad:${HEX(1)}`)?.className).toContain('comment');
    expect(commentSelector(`typepad:${HEX(1)}`)).toBe(`#comment-${HEX(1)}`);
  });
});

describe('Movable Type', () => {
  const mt = (id: number, byline: string, text: string) => `<div id="comment-${id}" class="comment"><div class="inner">
<div class="comment-header"><div class="asset-meta"><span class="byline">${byline}</span></div></div>
<div class="comment-content"><p>${text}</p></div></div></div>`;
  const list = (items: string) => page(`<div id="comments" class="comments"><div class="comments-content">${items}</div></div>`);
  const date = (id: number, iso: string) => `| <a href="${URL_}#comment-${id}"><abbr class="published" title="${iso}">October 5, 2012 3:00 PM</abbr></a> | <a href="javascript:void(0);">Reply</a>`;

  it('reads MT 4 bylines: the vcard author, the machine time of abbr.published, and "replied to" parents', () => {
    const html = list(mt(7, `<span class="vcard author"><a href="http://a.example/">Ann</a></span> ${date(7, '2012-10-05T15:00:00-05:00')}`, 'Top.')
      + mt(8, `<span class="vcard author">Bo</span> replied to <a href="${URL_}#comment-7">comment from Ann</a> ${date(8, '2012-10-05T16:30:00-05:00')}`, 'Reply.'));
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('typepad');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth, c.author, c.publishedAt, c.text])).toEqual([
      ['typepad:7', null, 0, 'Ann', '2012-10-05T20:00:00.000Z', 'Top.'],
      ['typepad:8', 'typepad:7', 1, 'Bo', '2012-10-05T21:30:00.000Z', 'Reply.'],
    ]);
  });

  it('reads an MT 3 footer "Posted by NAME on DATE" on a numbered box', () => {
    const html = list(`<div class="comment" id="comment-12"><div class="comment-content"><p>Old style.</p></div>
<p class="comment-footer">Posted by <a href="http://c.example/">Cy Young</a> on <a href="${URL_}#comment-12">October 5, 2012 03:00 PM</a></p></div>`);
    const [comment] = extractHtml(html, URL_).comments;
    expect([comment.key, comment.author, comment.publishedAt, comment.text]).toEqual(['typepad:12', 'Cy Young', '2012-10-05T15:00:00', 'Old style.']);
  });
});

describe('the old flat list: anchors, paragraphs, then "Posted by"', () => {
  const html = page(`<div class="content"><h2><a id="comments"></a>Comments</h2>
<a id="c65581830"></a><p>1. First point.</p><p>2. Second point.</p>
<p class="posted">Posted by: <a rel="nofollow" href="http://r.example/">Reed Hedges</a> | Apr 6, 2007 1:11:01 PM</p>
<a id="c65582610"></a><p>Way to go.</p>
<p class="posted">Posted by: ken | Apr 6, 2007 11:21:27 AM</p>
<p><a id="p4094658"></a>» A trackback</p><p class="posted">Tracked on Mar 21, 2007 11:15:37 PM</p></div>`);

  it('reads each comment from its anchor to its byline, with times to the second', () => {
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('typepad');
    expect(comments.map((c) => [c.key, c.author, c.publishedAt, c.text])).toEqual([
      ['typepad:65581830', 'Reed Hedges', '2007-04-06T13:11:01', '1. First point.\n\n2. Second point.'],
      ['typepad:65582610', 'ken', '2007-04-06T11:21:27', 'Way to go.'],
    ]);
  });

  it('maps a click on a comment’s paragraph to the anchor before it', () => {
    const doc = parsePage(html);
    const paragraphs = doc.querySelectorAll('.content > p');
    expect(commentKeyAt(paragraphs[1], 'typepad')).toBe('typepad:65581830');
    expect(commentKeyAt(paragraphs[3], 'typepad')).toBe('typepad:65582610');
    expect(locateComment(doc, 'typepad:65582610')?.id).toBe('c65582610');
  });
});

describe('Movable Type 3: an anchor, then a div.comments-body with the text and a .comments-post byline', () => {
  const body = (id: string, text: string, who: string) => `<a id="c${id}"></a>
<div class="comments-body"><p>${text}</p>
<span class="comments-post">Posted by: ${who} at <a href="#c${id}">October 5, 2005 03:00 PM</a></span></div>`;
  const html = page(`<div id="comments"><h3>Comments</h3><div class="comments-content">${body('001234', 'Wrapped.', '<a href="http://d.example/">Dee</a>')}${body('001240', 'Also wrapped.', 'Eve')}</div></div>`);

  it('reads each wrapper as the comment of the anchor before it', () => {
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('typepad');
    expect(comments.map((c) => [c.key, c.author, c.publishedAt, c.text])).toEqual([
      ['typepad:001234', 'Dee', '2005-10-05T15:00:00', 'Wrapped.'],
      ['typepad:001240', 'Eve', '2005-10-05T15:00:00', 'Also wrapped.'],
    ]);
    const doc = parsePage(html);
    expect(commentKeyAt(doc.querySelectorAll('.comments-body p')[1], 'typepad')).toBe('typepad:001240');
  });
});

describe('TypePad dates and look-alikes', () => {
  it('reads TypePad’s date forms, month or day first, with or without seconds', () => {
    expect(typepadDate('Thursday, 01 December 2005 at 01:09 PM')).toBe('2005-12-01T13:09:00');
    expect(typepadDate('Apr 6, 2007 12:05:09 AM')).toBe('2007-04-06T00:05:09');
    expect(typepadDate('June 15, 2012 at 09:38 AM')).toBe('2012-06-15T09:38:00');
    expect(typepadDate('Permalink')).toBeNull();
  });

  it('leaves WordPress div.comment#comment-N boxes ("DATE | Reply" footers, no "Posted by" byline) to the WordPress layout', () => {
    const wp = page(`<ol class="commentlist"><div class="comment even" id="comment-44"><div class="comment-author"><cite class="fn">Ann</cite> says:</div>
<div class="comment-footer">March 3, 2012 | <a href="#comment-44">#</a></div><div class="comment-content"><p>Hi</p></div></div></ol>`);
    expect(extractHtml(wp, URL_).layout).toBe('wp');
    const plain = page(`<div class="comments"><div class="comment" id="comment-45"><p>No byline here.</p></div></div>`);
    expect(extractHtml(plain, URL_).layout).not.toBe('typepad');
  });
});
