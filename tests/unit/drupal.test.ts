import { describe, expect, it } from 'vitest';
import { drupal } from '../../layouts/drupal';
import { commentSelector, locateComment } from '../../layouts/registry';
import { extractHtml, parsePage } from './helpers';

const URL_ = 'https://site.example.org/node/7';
const page = (body: string) => `<!DOCTYPE html><html><body><div id="main">${body}</div></body></html>`;

// Drupal 6 (Garland): "Submitted by … on …" line, div.content, links after it, "new" marker in the subject.
const d6 = (id: number, name: string, date: string, text: string, subject = '') => `<a id="comment-${id}"></a>
<div class="comment comment-new odd">
  <span class="new">new</span>
  <h3><a href="/node/7#comment-${id}" class="active">${subject}</a></h3>
  <div class="submitted">Submitted by <a href="/user/3" title="View user profile." class="username">${name}</a> on ${date}.</div>
  <div class="content"><p>${text}</p></div>
  <div class="links"><ul class="links"><li class="comment_delete first"><a href="/comment/delete/${id}">delete</a></li><li class="comment_edit"><a href="/comment/edit/${id}">edit</a></li><li class="comment_reply last"><a href="/comment/reply/7/${id}">reply</a></li></ul></div>
</div>`;

describe('Drupal 6/7: anchors before div.comment, replies in div.indented', () => {
  const html = page(`<div id="comments"><h2 class="comments">Comments</h2>
${d6(11, 'Ann', 'Mon, 10/15/2012 - 14:23', 'First.', 'First.')}
<div class="indented">${d6(12, 'Bo', 'Mon, 10/15/2012 - 2:05 pm', 'A reply.', 'Is it though?')}
<div class="indented">${d6(13, 'Cy', 'Tue, 10/16/2012 - 09:00', 'Deeper.')}</div>
${d6(14, 'Di', 'Tue, 10/16/2012 - 10:30', 'Second reply to Ann.')}</div>
${d6(15, 'Ed', 'Wed, 10/17/2012 - 23:59', 'New thread.')}
</div>`);
  const { layout, comments } = extractHtml(html, URL_);

  it('finds every comment with its parent: the comment before the div.indented holding it', () => {
    expect(layout).toBe('drupal');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth])).toEqual([
      ['drupal:11', null, 0], ['drupal:12', 'drupal:11', 1], ['drupal:13', 'drupal:12', 2],
      ['drupal:14', 'drupal:11', 1], ['drupal:15', null, 0],
    ]);
  });

  it('reads the name from the "Submitted by" line and the US month/day date with 24-hour or am/pm times', () => {
    expect(comments.map((c) => c.author)).toEqual(['Ann', 'Bo', 'Cy', 'Di', 'Ed']);
    expect(comments.map((c) => c.publishedAt)).toEqual([
      '2012-10-15T14:23:00', '2012-10-15T14:05:00', '2012-10-16T09:00:00', '2012-10-16T10:30:00', '2012-10-17T23:59:00',
    ]);
  });

  it('keeps the text free of links, "new" markers and subjects that repeat it, and keeps a subject the reader wrote', () => {
    expect(comments.map((c) => c.text)).toEqual(['First.', 'Is it though?\n\nA reply.', 'Deeper.', 'Second reply to Ann.', 'New thread.']);
  });

  it('locates each comment and gives a selector that finds the same element', () => {
    const doc = parsePage(html);
    for (const c of comments) {
      const el = locateComment(doc, c.key)!;
      expect(el.classList.contains('comment')).toBe(true);
      expect(drupal.keyOf(el)).toBe(c.key);
      expect(doc.querySelector(commentSelector(c.key)!)).toBe(el);
    }
    expect(drupal.keyOf(doc.getElementById('comment-11')!)).toBeNull();
  });
});

describe('Drupal themes without a content wrapper', () => {
  it('reads "DATE — NAME (not verified)" and the text between header and links', () => {
    const html = page(`<div id="comments"><a id="comment-5"></a><div class="comment comment-published odd"><div class="clear-block">
      <div class="comment_hdbg"><div class="user-picture"><img alt="Pat's picture"></div><h3></h3></div>
      <span class="submitted">Fri, 2012-11-09 15:30 — Pat Doe (not verified)</span>
      <p>Line one<br>line two</p><p>Second paragraph.</p></div>
      <div class="links"><ul class="links"><li><a href="/comment/reply/1/5">reply</a></li></ul></div></div></div>`);
    const [c] = extractHtml(html, URL_).comments;
    expect(c).toMatchObject({ key: 'drupal:5', author: 'Pat Doe', publishedAt: '2012-11-09T15:30:00', text: 'Line one\nline two\n\nSecond paragraph.' });
  });
});

describe('Drupal bylines', () => {
  it('takes no name from a "submitted" line that holds only the date, and a D6 name link without a class', () => {
    const html = page(`<div id="comments">
      <a id="comment-1"></a><div class="comment"><div class="submitted">Mon, 10/15/2012 - 14:23</div><div class="content"><p>No name.</p></div></div>
      <a id="comment-2"></a><div class="comment"><div class="submitted">Submitted by <a href="/user/9" title="View user profile.">Lee</a> on Mon, 10/15/2012 - 15:00.</div><div class="content"><p>Named.</p></div></div></div>`);
    expect(extractHtml(html, URL_).comments.map((c) => [c.author, c.publishedAt, c.text])).toEqual([
      [null, '2012-10-15T14:23:00', 'No name.'], ['Lee', '2012-10-15T15:00:00', 'Named.'],
    ]);
  });
});

describe('Drupal 7 HTML5 themes', () => {
  it('takes an article.comment after core\'s anchor, a German "Eingereicht von … am …" line, and a cut subject of joined paragraphs', () => {
    const html = page(`<section id="comments" class="comments"><a id="comment-21"></a>
      <article class="comment comment-by-anonymous clearfix"><header><h3 class="comment__title"><a href="/comment/21#comment-21">Erster Absatz.Zweiter…</a></h3>
      <p class="submitted">Eingereicht von Jo Beispiel am Di, 10/16/2012 - 08:15</p></header>
      <p>Erster Absatz.</p><p>Zweiter Absatz, länger.</p>
      <ul class="links inline"><li class="comment-reply"><a href="/comment/reply/3/21">Antworten</a></li></ul></article></section>`);
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('drupal');
    expect(comments.map((c) => [c.key, c.author, c.publishedAt, c.permalink, c.text])).toEqual([
      ['drupal:21', 'Jo Beispiel', '2012-10-16T08:15:00', 'https://site.example.org/comment/21#comment-21', 'Erster Absatz.\n\nZweiter Absatz, länger.'],
    ]);
    const doc = parsePage(html);
    expect(drupal.keyOf(locateComment(doc, 'drupal:21')!)).toBe('drupal:21');
  });
});

describe('Drupal 8+: article.comment', () => {
  // Older 8.x: the anchor before an article without id; the time as a machine value; hidden "In reply to".
  const article = (id: number, name: string, iso: string, text: string, parent?: number) => `<a id="comment-${id}"></a>
<article role="article" data-comment-user-id="4" class="comment js-comment">
  <mark class="hidden" data-comment-timestamp="1700000000"></mark>
  <footer class="comment__meta"><p class="comment__submitted">Submitted by <a class="username" href="/user/4">${name}</a> on <time datetime="${iso}">Mon, 10/15/2012 - 14:23</time></p>
  ${parent ? `<p class="parent visually-hidden">In reply to <a href="/comment/${parent}#comment-${parent}">Subject</a> by <a class="username" href="/user/2">X</a></p>` : ''}
  <a href="/comment/${id}#comment-${id}" hreflang="en">Permalink</a></footer>
  <div class="content"><h3><a href="/comment/${id}#comment-${id}" class="permalink" rel="bookmark">${text.slice(0, 10)}…</a></h3>
  <div class="field field--name-comment-body field--type-text-long"><p>${text}</p></div>
  <drupal-render-placeholder></drupal-render-placeholder></div>
  <ul class="links inline"><li class="comment-reply"><a href="/comment/reply/node/1/comment/${id}">Reply</a></li></ul>
</article>`;
  const html = page(`<section class="field--type-comment"><h2>Comments</h2>
${article(1, 'Ann', '2019-03-01T10:00:00Z', 'Top level comment.')}
<div class="indented">${article(2, 'Bo', '2019-03-01T11:30:00+01:00', 'Reply to Ann here.', 1)}</div>
</section>`);
  const { layout, comments } = extractHtml(html, URL_);

  it('takes the id from the anchor, the date from time[datetime], the permalink from the subject', () => {
    expect(layout).toBe('drupal');
    expect(comments.map((c) => [c.key, c.parentKey, c.author, c.publishedAt, c.permalink, c.text])).toEqual([
      ['drupal:1', null, 'Ann', '2019-03-01T10:00:00.000Z', 'https://site.example.org/comment/1#comment-1', 'Top level comment.'],
      ['drupal:2', 'drupal:1', 'Bo', '2019-03-01T10:30:00.000Z', 'https://site.example.org/comment/2#comment-2', 'Reply to Ann here.'],
    ]);
  });
});

describe('what is not Drupal', () => {
  it('WordPress Twenty Eleven (article#comment-N inside li.comment) stays WordPress', () => {
    const html = page(`<div id="comments"><ol class="commentlist"><li class="comment even thread-even depth-1" id="li-comment-3">
      <article id="comment-3" class="comment"><footer class="comment-meta"><div class="comment-author vcard"><span class="fn">Ann</span></div></footer>
      <div class="comment-content"><p>Hello.</p></div></article></li></ol></div>`);
    expect(extractHtml(html, URL_).layout).toBe('wp');
  });

  it('comment anchors without a comment block after them are not a thread', () => {
    const html = page('<a id="comment-4"></a><p>Just a paragraph.</p><a id="comment-5"></a><div class="content">x</div>');
    expect(extractHtml(html, URL_).layout).toBeNull();
  });
});
