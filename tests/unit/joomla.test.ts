import { describe, expect, it } from 'vitest';
import { commentSelector, locateComment } from '../../layouts/registry';
import { extractHtml, parsePage } from './helpers';

const URL_ = 'https://joomla.example.net/article/9';
const page = (body: string) => `<!DOCTYPE html><html><body><div class="item-page">${body}</div></body></html>`;

const jcItem = (id: number, name: string, date: string, body: string, inner = '') => `<div class="even" id="comment-item-${id}">
<div class="comment-box"><a class="comment-anchor" href="${URL_}#comment-${id}" id="comment-${id}">#${id}</a>
<span class="comment-author">${name}</span><span class="comment-date">${date}</span>
<div class="comment-body" id="comment-body-${id}">${body}</div>
<span class="comments-buttons"><a href="#">Reply</a> | <a href="#">Quote</a></span></div>${inner}</div>`;

describe('JComments', () => {
  it('list mode: reads author, the "YYYY-MM-DD HH:MM" date and <br><br> paragraphs, leaves the number and buttons out', () => {
    const html = page(`<div id="jc"><div id="comments"><h4>Comments</h4><div id="comments-list" class="comments-list">
      ${jcItem(3, 'Ann', '2011-06-02 13:28', 'Good day,<br /><br />Can you quote me?<br />Thanks')}
      ${jcItem(6, 'Bo', '14.07.2011 13:14', 'Second.')}</div></div></div>`);
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('jcomments');
    expect(comments.map((c) => [c.key, c.parentKey, c.author, c.publishedAt, c.text])).toEqual([
      ['jcomments:3', null, 'Ann', '2011-06-02T13:28:00', 'Good day,\n\nCan you quote me?\nThanks'],
      ['jcomments:6', null, 'Bo', '2011-07-14T13:14:00', 'Second.'],
    ]);
  });

  it('tree mode: a reply list after its parent is named after it; one inside its parent item nests too', () => {
    const html = page(`<div id="jc"><div class="comments-list" id="comments-list-0">
      ${jcItem(1, 'Ann', '2012-01-01 10:00', 'Top.')}
      <div class="comments-list" id="comments-list-1">${jcItem(2, 'Bo', '2012-01-01 11:00', 'Reply.',
        `<div class="comments-list" id="comments-list-2">${jcItem(4, 'Cy', '2012-01-01 12:00', 'Deeper.')}</div>`)}</div>
      ${jcItem(5, 'Di', '2012-01-02 10:00', 'Next thread.')}</div></div>`);
    const { comments } = extractHtml(html, URL_);
    expect(comments.map((c) => [c.key, c.parentKey, c.depth])).toEqual([
      ['jcomments:1', null, 0], ['jcomments:2', 'jcomments:1', 1], ['jcomments:4', 'jcomments:2', 2], ['jcomments:5', null, 0],
    ]);
    const doc = parsePage(html);
    expect(doc.querySelector(commentSelector('jcomments:4')!)).toBe(locateComment(doc, 'jcomments:4'));
  });
});

describe('Komento', () => {
  const item = (id: number, parent: string, attrs: string, text: string) => `<li id="kmt-${id}" class="kmt-item kmt-child-0" ${attrs}="kmt-${parent}">
    <div class="kmt-head"><span class="kmt-author"><a href="/profile">User ${id}</a></span>
    <span class="kmt-time"><a href="${URL_}#kmt-${id}"><time datetime="2014-05-0${id}T08:00:00+02:00">3 days ago</time></a></span></div>
    <div class="kmt-body"><div class="kmt-text">${text}</div></div><div class="kmt-control"><a class="kmt-reply">Reply</a></div></li>`;

  it('places each item under the parent it names (parentid or data-parentid); an unknown or later parent makes it top-level', () => {
    const html = page(`<div id="section-kmt"><ul class="kmt-list">
      ${item(1, '0', 'parentid', 'One.')}${item(2, '1', 'parentid', 'Two.')}${item(3, '2', 'data-parentid', 'Three.')}
      ${item(4, '9', 'parentid', 'Four.')}${item(5, '6', 'parentid', 'Five.')}${item(6, '0', 'parentid', 'Six.')}</ul></div>`);
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('komento');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth])).toEqual([
      ['komento:1', null, 0], ['komento:2', 'komento:1', 1], ['komento:3', 'komento:2', 2],
      ['komento:4', null, 0], ['komento:5', null, 0], ['komento:6', null, 0],
    ]);
    expect(comments[0]).toMatchObject({ author: 'User 1', publishedAt: '2014-05-01T06:00:00.000Z', permalink: `${URL_}#kmt-1`, text: 'One.' });
  });
});

describe('JomComment', () => {
  const entry = (id: number, title: string, byline: string, text: string) => `<div class="jomentry1" id="pc_${id}">
    <a name="comment-${id}" id="comment-${id}"></a><div class="avatarImg"><img alt="0"></div>
    <span class="jc_comment_title">${title}</span><br /><span class="small">written by ${byline}</span><br />
    <div class="comment-text" id="comment-text-container-${id}">${text}</div>
    <ul class="jc_comment_panel"><li class="jc_comment_panel_report"><a title="report abuse">report</a></li><li class="jc_comment_panel_total">+0</li></ul></div>`;

  it('keeps the subject the reader wrote, drops "...", and splits the byline into name and date', () => {
    const html = page(`<div id="jc_commentsDiv">
      ${entry(7, 'Food as fuel', '<a href="http://x.example/" rel="nofollow">Eco Guy</a>,\n October 20, 2012', 'Recycled ones too.<br /><br />Really.')}
      ${entry(8, '...', 'mike,\n October 19, 2012', '"Quoted" and a comment, with commas.')}</div>`);
    const { layout, comments } = extractHtml(html, URL_);
    expect(layout).toBe('jomcomment');
    expect(comments.map((c) => [c.key, c.author, c.publishedAt, c.text])).toEqual([
      ['jomcomment:7', 'Eco Guy', '2012-10-20T00:00:00', 'Food as fuel\n\nRecycled ones too.\n\nReally.'],
      ['jomcomment:8', 'mike', '2012-10-19T00:00:00', '"Quoted" and a comment, with commas.'],
    ]);
  });
});
