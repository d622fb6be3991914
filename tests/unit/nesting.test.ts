import { describe, expect, it } from 'vitest';
import type { LayoutName } from '../../layouts/registry';
import { generateThread } from '../../seeds/big-thread';
import { flatten, seedText, type SeedComment, type SeedPage } from '../../seeds/model';
import { disqusEmbedDocument, disqusPluginComments } from '../../seeds/render/disqus';
import { blockThemeComments, html5Comments, xhtmlComments } from '../../seeds/render/wordpress';
import { thesisComments, twoIdComments } from '../../seeds/render/wordpress-themes';
import { wpDiscuz5Comments, wpDiscuz7Comments } from '../../seeds/render/wpdiscuz';
import { movableTypeComments } from '../../seeds/render/typepad';
import { drupal10Comments, drupal7Comments } from '../../seeds/render/drupal';
import { jCommentsHtml, komentoHtml } from '../../seeds/render/joomla';
import { commentTreeHtml } from '../../seeds/render/comment-tree';
import { germanDate } from '../../seeds/html';
import { foldSpace } from '../../layouts/text';
import { expectedKey, extractHtml } from './helpers';

// The seeds' Disqus threads are flat; these trees are nested up to 5 levels so every layout's
// parent/depth logic is exercised, including the Disqus plugin's and embed's.
const base: SeedPage = { title: 'T', byline: 'B', publishedAt: '2020-01-01T10:00:00', category: 'News', paragraphs: [], comments: [] };
const tree = generateThread(base, 300, 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu');
const URL_ = 'https://blog.example.org/post/';
const wrap = (body: string) => `<!DOCTYPE html><html><body><div id="comments">${body}</div></body></html>`;

const renderers: [string, LayoutName, () => string][] = [
  ['WordPress html5', 'wp', () => wrap(html5Comments(tree.comments, URL_))],
  ['WordPress xhtml', 'wp', () => wrap(xhtmlComments(tree.comments, URL_, (iso) => germanDate(iso)))],
  ['WordPress block theme', 'wp', () => wrap(blockThemeComments(tree.comments, URL_))],
  ['WordPress two-id callback', 'wp', () => wrap(twoIdComments(tree.comments, URL_))],
  ['WordPress Thesis dt/dd', 'wp', () => wrap(thesisComments(tree.comments))],
  ['Disqus plugin', 'disqus-wp', () => wrap(`<div id="disqus_thread">${disqusPluginComments(tree.comments, false)}</div>`)],
  ['Disqus embed', 'disqus', () => disqusEmbedDocument(tree.comments, URL_, 'T')],
  ['wpDiscuz 7', 'wpdiscuz', () => wrap(wpDiscuz7Comments(tree.comments, 300))],
  ['wpDiscuz 5', 'wpdiscuz', () => wrap(wpDiscuz5Comments(tree.comments))],
  // A flat list: only each reply's "replied to" link gives its parent.
  ['Movable Type', 'typepad', () => wrap(movableTypeComments(tree.comments, URL_))],
  ['Drupal 7', 'drupal', () => wrap(drupal7Comments(tree.comments))],
  ['Drupal 10', 'drupal', () => wrap(drupal10Comments(tree.comments, 'en'))],
  ['JComments', 'jcomments', () => wrap(jCommentsHtml(tree.comments, URL_))],
  ['Komento', 'komento', () => wrap(komentoHtml(tree.comments, URL_))],
  ['comment tree', 'commtree', () => wrap(commentTreeHtml(tree.comments, 'blog.example.org', 1))],
];

function expectedShape(layout: LayoutName, comments: SeedComment[]) {
  const out: [string | null, string | null, number][] = [];
  const visit = (list: SeedComment[], parent: SeedComment | null, depth: number) => list.forEach((c) => {
    out.push([expectedKey(layout, c), parent && expectedKey(layout, parent), depth]);
    visit(c.children, c, depth + 1);
  });
  visit(comments, null, 0);
  return out;
}

describe.each(renderers)('%s with nested threads', (_name, layout, render) => {
  it('gives every comment its parent and depth', () => {
    const result = extractHtml(render(), URL_);
    expect(result.layout).toBe(layout);
    expect(result.comments.map((c) => [c.key, c.parentKey, c.depth])).toEqual(expectedShape(layout, tree.comments));
    expect(Math.max(...result.comments.map((c) => c.depth))).toBe(4);
  });

  it('keeps a parent’s text free of its replies’ text', () => {
    const result = extractHtml(render(), URL_);
    const all = flatten(tree.comments);
    all.forEach((seed, i) => expect(foldSpace(result.comments[i].text)).toBe(foldSpace(seedText(seed))));
  });
});

describe('comment texts that look like markup', () => {
  const hostile: SeedComment = {
    id: 7, kind: 'comment', author: '<img src=x onerror=alert(1)>', authorInvented: false, publishedAt: '2020-01-01T10:00:00',
    paragraphs: [['<script>alert(1)</script> & <b>not bold</b>'], ['<li class="comment" id="comment-99">fake</li>']], children: [],
  };
  it('reads them back as text, and fake comment markup inside a text is not a comment', () => {
    const result = extractHtml(wrap(html5Comments([hostile], URL_)), URL_);
    expect(result.comments).toHaveLength(1);
    expect(result.comments[0].author).toBe('<img src=x onerror=alert(1)>');
    expect(result.comments[0].text).toBe('<script>alert(1)</script> & <b>not bold</b>\n\n<li class="comment" id="comment-99">fake</li>');
  });

  it('keeps a real list inside a comment as text of that comment', () => {
    const html = wrap(`<ol class="comment-list"><li id="comment-5" class="comment depth-1"><article id="div-comment-5" class="comment-body">
      <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b> <span class="says">says:</span></div></footer>
      <div class="comment-content"><p>Two reasons:</p><ol><li>price</li><li>updates</li></ol></div></article></li></ol>`);
    const [comment] = extractHtml(html, URL_).comments;
    expect(comment.text).toBe('Two reasons:\n\nprice\n\nupdates');
  });

  it('reads a custom theme callback that keeps WordPress classes but no comment-body wrapper', () => {
    const html = wrap(`<ul class="commentlist"><li id="li-comment-8" class="comment depth-1">
      <div class="comment-author vcard"><cite class="fn">Bo</cite></div><p>Top level.</p>
      <ul class="children"><li id="li-comment-9" class="comment depth-2"><div class="comment-author vcard"><cite class="fn">Cy</cite></div><p>Reply.</p></li></ul>
      </li></ul>`);
    const comments = extractHtml(html, URL_).comments;
    expect(comments.map((c) => [c.key, c.parentKey, c.author, c.text])).toEqual([
      ['wp:8', null, 'Bo', 'Top level.'],
      ['wp:9', 'wp:8', 'Cy', 'Reply.'],
    ]);
  });
});
