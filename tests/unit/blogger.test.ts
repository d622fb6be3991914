import { describe, expect, it } from 'vitest';
import { commentKeyAt, commentSelector, locateComment } from '../../layouts/registry';
import { extractHtml, parsePage } from './helpers';

const URL_ = 'https://someone.blogspot.com/2013/10/post.html';
const page = (body: string) => `<!DOCTYPE html><html><body><div class="post-body">Article text.</div>${body}</body></html>`;
// 1381497600123 ms after 1970 is 2013-10-11T13:20:00.123Z.
const EPOCH = 1381497600123;

const threadedComment = (id: string, name: string, text: string, replies = '', liId = `c${id}`, blockId = '') =>
  `<li class="comment" id="${liId}"><div class="avatar-image-container"><img src="" alt=""></div>
<div class="comment-block"${blockId ? ` id="${blockId}"` : ''}><div class="comment-header"><cite class="user"><a href="https://www.blogger.com/profile/1">${name}</a></cite><span class="icon user"></span>
<span class="datetime secondary-text"><a rel="nofollow" href="${URL_}?showComment=${EPOCH + Number(id)}#c${id}">October 11, 2013 at 1:20 PM</a></span></div>
<p class="comment-content">${text}</p><span class="comment-actions secondary-text"><a class="comment-reply" target="_self">Reply</a></span></div>
<div class="comment-replies">${replies}</div></li>`;

const threaded = (items: string) => page(`<div class="comments threaded" id="comments"><h4>3 comments:</h4><div class="comments-content"><div id="comment-holder">
<div class="comment-thread toplevel-thread"><ol id="top-ra">${items}</ol></div></div></div></div>`);

const inline = (items: string) => `<div class="comment-thread inline-thread"><span class="thread-toggle"><a>Replies</a></span><ol class="thread-chrome"><div>${items}</div></ol></div>`;

describe('Blogger threaded comments', () => {
  const html = threaded(threadedComment('101', 'Ann', 'First.', inline(threadedComment('102', 'Bo', 'A reply.'))) + threadedComment('103', 'Anonymous', 'Second.'));

  it('reads ids, authors, replies one level deep and the exact time from showComment=', () => {
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('blogger');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth, c.author, c.text])).toEqual([
      ['blogger:101', null, 0, 'Ann', 'First.'],
      ['blogger:102', 'blogger:101', 1, 'Bo', 'A reply.'],
      ['blogger:103', null, 0, 'Anonymous', 'Second.'],
    ]);
    expect(comments[0].publishedAt).toBe(new Date(EPOCH + 101).toISOString());
    expect(comments[0].publishedAt).toBe('2013-10-11T13:20:00.224Z');
    expect(comments[1].permalink).toBe(`${URL_}?showComment=${EPOCH + 102}#c102`);
  });

  it('reads the thread as Blogger’s script re-renders it: the id on div.comment-block, not on the li', () => {
    const rendered = threaded(threadedComment('201', 'Cy', 'Re-rendered.', inline(threadedComment('202', 'Di', 'Reply.', '', 'bc_0_1B', 'c202')), 'bc_0_0B', 'c201'));
    const { comments } = extractHtml(rendered, URL_);
    expect(comments.map((c) => [c.key, c.parentKey])).toEqual([['blogger:201', null], ['blogger:202', 'blogger:201']]);
    const doc = parsePage(rendered);
    expect(locateComment(doc, 'blogger:202')?.id).toBe('bc_0_1B');
    expect(commentKeyAt(doc.querySelector('#c202 .comment-content'), 'blogger')).toBe('blogger:202');
  });

  it('keeps paragraphs split by two <br> apart, and lines split by one', () => {
    const html2 = threaded(threadedComment('301', 'Ed', 'One<br>still one<br /><br />Two<br>\n<br>Three'));
    expect(extractHtml(html2, URL_).comments[0].text).toBe('One\nstill one\n\nTwo\n\nThree');
  });

  it('falls back to the visible date when the permalink has no showComment=', () => {
    const html3 = threaded(threadedComment('401', 'Flo', 'Text.').replace(/\?showComment=\d+/, ''));
    expect(extractHtml(html3, URL_).comments[0].publishedAt).toBe('2013-10-11T13:20:00');
  });
});

describe('Blogger classic comments', () => {
  const row = (id: string, who: string, text: string) => `<dt class="comment-author " id="c${id}"><a name="c${id}"></a>
<div class="avatar-image-container vcard"><span dir="ltr"><img src="" alt="" title="${who}"><noscript><img src=""></noscript></span></div>
${who}
said...
</dt>
<dd class="comment-body" id="Blog1_cmt-${id}"><p>${text}</p></dd>
<dd class="comment-footer"><span class="comment-timestamp"><a href="${URL_}?showComment=${EPOCH}#c${id}" title="comment permalink">October 11, 2013 1:20 PM</a></span></dd>`;
  const html = page(`<div class="comments" id="comments"><h4>2 comments:</h4><div id="Blog1_comments-block-wrapper"><dl class="avatar-comment-indent" id="comments-block">
${row('501', '<a href="https://www.blogger.com/profile/9" rel="nofollow">Gus Gray</a>', 'Hello<br /><br />there')}${row('502', 'Anonymous', 'Flat.')}</dl></div></div>`);

  it('reads dt/dd rows: the author without "said...", the text of dd.comment-body, the time of the footer link', () => {
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('blogger');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth, c.author, c.text, c.publishedAt])).toEqual([
      ['blogger:501', null, 0, 'Gus Gray', 'Hello\n\nthere', '2013-10-11T13:20:00.123Z'],
      ['blogger:502', null, 0, 'Anonymous', 'Flat.', '2013-10-11T13:20:00.123Z'],
    ]);
  });

  it('maps a click in a comment’s dd rows to the comment of the dt before them', () => {
    const doc = parsePage(html);
    expect(commentKeyAt(doc.querySelector('#Blog1_cmt-502 p'), 'blogger')).toBe('blogger:502');
    expect(commentKeyAt(doc.querySelectorAll('.comment-timestamp a')[0], 'blogger')).toBe('blogger:501');
    expect(locateComment(doc, 'blogger:501')?.localName).toBe('dt');
    expect(commentSelector('blogger:501')).toBe('#c501');
  });
});

describe('Blogger classic templates from before layouts', () => {
  it('reads dt.comment-poster rows keyed by their a[name=c{id}] and dated by dd.comment-timestamp', () => {
    const html = page(`<div id="comments"><h4>1 Comments:</h4><dl id="comments-block">
<dt class="comment-poster"><a name="c601"></a><a href="https://www.blogger.com/profile/3">Hal</a> said...</dt>
<dd class="comment-body"><p>Old template.</p></dd>
<dd class="comment-timestamp"><a href="#c601" title="comment permalink">10/11/2013 1:20 PM</a></dd></dl></div>`);
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('blogger');
    expect(comments.map((c) => [c.key, c.author, c.text, c.permalink])).toEqual([['blogger:601', 'Hal', 'Old template.', `${URL_}#c601`]]);
    expect(locateComment(parsePage(html), 'blogger:601')?.localName).toBe('dt');
  });
});

describe('pages that are not Blogger', () => {
  it('leaves WordPress lists (li.comment#comment-N) and Blogger-like classes without c{id} ids to others', () => {
    const wp = page(`<ol class="commentlist"><li class="comment depth-1" id="comment-5"><div class="comment-author"><cite class="fn">Ann</cite></div><div class="comment-content"><p>Hi</p></div></li></ol>`);
    expect(extractHtml(wp, URL_).layout).toBe('wp');
    const lookalike = page(`<div class="comment-thread"><ol><li class="comment" id="note-1"><p class="comment-content">x</p></li></ol></div><dl id="comments-block"><dt class="comment-author">Ann</dt></dl>`);
    expect(extractHtml(lookalike, URL_).layout).toBeNull();
  });
});
