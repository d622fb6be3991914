import { AVATAR, disqusDate, esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';

/** Disqus's post ids are large numbers; the fixtures derive theirs from the invented WordPress id. */
export const disqusPostId = (comment: SeedComment) => 2870000000 + comment.id;

/**
 * The Disqus WordPress plugin's server-side fallback (Xperia Blog 2013–2016). `quirks` adds what
 * the 2013 pages really had: author links, doubled `</li></li>`, single-quoted `children` classes.
 */
export function disqusPluginComments(comments: SeedComment[], quirks: boolean): string {
  let index = 0;
  const row = (c: SeedComment, depth: number): string => {
    const i = index++;
    if (c.kind !== 'comment') {
      return `<li class="post ${c.kind}"><p>${c.kind === 'pingback' ? 'Pingback' : 'Trackback'}: <a href="https://example.com/linking-post-${c.id}/" rel="external nofollow" class="url">${esc(c.author)}</a>()</p></li>`;
    }
    const author = quirks && i % 3 === 0
      ? `<a id="dsq-author-user-${c.id}" href="https://example.com/~reader${c.id}" target="_blank" rel="nofollow">${esc(c.author)}</a>`
      : `<span id="dsq-author-user-${c.id}">${esc(c.author)}</span>`;
    const children = c.children.length
      ? `\n<ul class=${quirks ? "'children'" : '"children"'}>\n${c.children.map((r) => row(r, depth + 1)).join('\n')}\n</ul>` : '';
    return `<li class="comment ${i % 2 ? 'odd alt' : 'even'} thread-even depth-${depth + 1}" id="dsq-comment-${c.id}">
<div id="dsq-comment-header-${c.id}" class="dsq-comment-header">
<cite id="dsq-cite-${c.id}">
${author}
</cite>
</div>
<div id="dsq-comment-body-${c.id}" class="dsq-comment-body">
<div id="dsq-comment-message-${c.id}" class="dsq-comment-message">${paragraphsHtml(c)}</div>
</div>${children}
</li>${quirks && i % 5 === 4 ? '</li>' : ''}`;
  };
  return `<div id="dsq-content">
<ul id="dsq-comments">
${comments.map((c) => row(c, 0)).join('\n')}
</ul>
</div>`;
}

/** The document Disqus serves inside `disqus.com/embed/comments/` (markup as seen 2014–2017). */
/**
 * The Disqus embed document. With `pageSize`, only that many threads are in the list at first and
 * "Load more comments" adds the next ones, as Disqus does (the rest wait in a template).
 */
export function disqusEmbedDocument(comments: SeedComment[], pageUrl: string, title: string, pageSize?: number): string {
  const post = (c: SeedComment): string => {
    const user = c.author.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const replies = c.children.length
      ? `\n<ul class="children" data-role="children">\n${c.children.map(post).join('\n')}\n</ul>` : '';
    return `<li class="post" id="post-${disqusPostId(c)}">
<div role="alert"></div>
<div class="post-content" data-role="post-content">
<div class="indicator"></div>
<div class="avatar hovercard"><a href="https://disqus.com/by/${user}/" class="user" data-action="profile" data-username="${user}"><img data-role="user-avatar" src="${AVATAR}" alt="Avatar"></a></div>
<div class="post-body">
<header class="comment__header"><span class="post-byline"><span class="author publisher-anchor-color"><a href="https://disqus.com/by/${user}/" data-action="profile" data-username="${user}" data-role="username">${esc(c.author)}</a></span></span>
<span class="post-meta"><span class="bullet time-ago-bullet" aria-hidden="true">•</span> <a href="${esc(pageUrl)}#comment-${disqusPostId(c)}" data-role="relative-time" class="time-ago" title="${disqusDate(c.publishedAt)}">10 years ago</a></span></header>
<div class="post-body-inner"><div class="post-message-container" data-role="message-container"><div class="publisher-anchor-color" data-role="message-content"><div class="post-message" data-role="message" dir="auto">${paragraphsHtml(c)}</div></div></div></div>
<footer class="comment__footer"><menu class="comment-footer__menu"><li class="voting" data-role="voting"><a href="#" class="vote-up" data-action="upvote" title="Vote up"><span class="updatable count" data-role="likes">0</span></a></li><li class="bullet" aria-hidden="true">•</li><li class="reply" data-role="reply-link"><a href="#" data-action="reply"><span class="text">Reply</span></a></li></menu></footer>
</div>
</div>${replies}
</li>`;
  };
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Disqus Comments</title>
<!-- Offline fixture: the Disqus embed for "${esc(title)}". Ids, times and "Reader N" authors are invented. -->
<style>body{font:15px/1.5 Helvetica,Arial,sans-serif;color:#2a2e2e;margin:0 8px}ul{list-style:none;padding:0}.children{margin-left:48px}.post{margin:12px 0}.avatar{float:left;margin-right:12px}.avatar img{width:36px;height:36px;background:#ccc;border-radius:4px}.post-body{overflow:hidden}.author a{font-weight:700;color:#2e9fff;text-decoration:none}.time-ago{color:#999;font-size:12px;text-decoration:none}menu{padding:0;margin:4px 0;display:flex;gap:6px;font-size:12px;color:#999}menu li{list-style:none}.load-more__button{display:block;padding:10px;text-align:center;background:#eee;color:#555}</style>
</head><body>
<div id="layout" data-tracking-area="layout">
<section id="conversation" data-role="main" data-tracking-area="main">
<div class="nav nav-primary"><ul class="nav-tab-list"><li class="nav-tab nav-tab--primary tab-conversation active"><a class="publisher-nav-color">${comments.length} comments</a></li></ul></div>
<div id="form"><form class="reply"><div class="textarea-wrapper"><div class="textarea" contenteditable="true" data-role="editable" aria-label="Join the discussion…"></div></div></form></div>
<div id="posts">
<ul id="post-list" class="post-list">
${comments.slice(0, pageSize).map(post).join('\n')}
</ul>
<div class="load-more" data-role="more"><a href="#" data-action="more-posts" class="load-more__button">Load more comments</a></div>
${pageSize ? loadMore(comments.slice(pageSize).map(post), pageSize) : ''}
</div>
</section>
</div>
</body></html>
`;
}

/** The threads after the first page, and the script that adds the next `pageSize` of them per click. */
function loadMore(rest: string[], pageSize: number): string {
  return `<template id="more-posts">${rest.join('\n')}</template>
<script>
document.querySelector('[data-action="more-posts"]').addEventListener('click', function (event) {
  event.preventDefault();
  var rest = document.getElementById('more-posts').content, list = document.getElementById('post-list');
  for (var i = 0; i < ${pageSize} && rest.firstElementChild; i++) list.appendChild(rest.firstElementChild);
  if (!rest.firstElementChild) this.parentNode.remove();
});
</script>`;
}
