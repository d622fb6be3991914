import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

const URL_ = 'https://news.example.org/story/12/07/24/1';

/** One `li#tree_N`; `body` null prints the collapsed form, an empty `div.cw`. */
const item = (id: number, by: string, body: string | null, replies = '') => `<li id="tree_${id}" class="comment ${body ? 'full' : 'hidden'}">
<div id="comment_${id}" class="cw">${body === null ? '' : `
  <div id="comment_top_${id}" class="commentTop"><div class="title"><h4><a id="comment_link_${id}" href="//news.example.org/comments.pl?sid=1&amp;cid=${id}">Re:Subject</a>
  <span class="score">(<span class="opt">Score:</span>3, Insightful)</span></h4></div>
  <div class="details"><span class="by"><span class="byby">by </span>${by}</span>
  <span class="otherdetails">on Tuesday July 24, 2012 @01:06PM (<a href="#">#${id}</a>)</span></div></div>
  <div class="commentBody"><div id="comment_body_${id}">${body}</div></div>
  <div class="commentSub"><a class="btn link" href="#">Reply to This</a> <a class="btn link" href="#">Parent</a></div>`}
</div><ul id="group_${id}"><li id="hiddens_${id}" class="hide"></li></ul>
<ul id="commtree_${id}">${replies}</ul></li>`;

describe('#commentlisting comment trees', () => {
  const html = `<!DOCTYPE html><html><body><ul id="commentlisting" class="d2">
${item(1, '<a href="//example.org/~ann">Ann <span class="uid">(543817)</span></a>', '<p>Top.</p>',
    item(2, 'Anonymous Coward', null, item(3, 'Bo (12)', '<p>Under a collapsed one.</p><p>Two paragraphs.</p>')))}
${item(4, 'Cy', 'Flat text.')}
</ul></body></html>`;
  const { layout, comments } = extractHtml(html, URL_);

  it('skips collapsed comments and hangs their replies on the nearest shown ancestor', () => {
    expect(layout).toBe('commtree');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth])).toEqual([
      ['commtree:1', null, 0], ['commtree:3', 'commtree:1', 1], ['commtree:4', null, 0],
    ]);
  });

  it('reads names without "by" or member numbers, the body without subject, score or buttons, and the subject link as permalink', () => {
    expect(comments.map((c) => [c.author, c.text])).toEqual([
      ['Ann', 'Top.'], ['Bo', 'Under a collapsed one.\n\nTwo paragraphs.'], ['Cy', 'Flat text.'],
    ]);
    expect(comments[0].permalink).toBe('https://news.example.org/comments.pl?sid=1&cid=1');
    expect(comments[0].publishedAt).toBe('2012-07-24T13:06:00');
  });
});
