import { AVATAR, englishDate, esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';


/** The classes comment_class() prints: type, even/odd, thread-even/odd, depth-N, parent. */
export function commentClasses(comment: SeedComment, depth: number, index: number, thread: number): string {
  return [
    comment.kind, index % 2 ? 'odd alt' : 'even', thread % 2 ? 'thread-odd thread-alt' : 'thread-even',
    `depth-${depth + 1}`, comment.children.length ? 'parent' : '',
  ].filter(Boolean).join(' ');
}

/** Walks a comment tree the way Walker_Comment does, handing each comment its position. */
export function walkComments(
  comments: SeedComment[],
  render: (comment: SeedComment, classes: string, replies: string, depth: number) => string,
): string {
  let index = 0;
  const visit = (list: SeedComment[], depth: number, thread: number): string =>
    list.map((comment, i) => {
      const classes = commentClasses(comment, depth, index++, depth === 0 ? i : thread);
      return render(comment, classes, comment.children.length ? visit(comment.children, depth + 1, depth === 0 ? i : thread) : '', depth);
    }).join('\n');
  return visit(comments, 0, 0);
}

/** WordPress html5 comment markup (Phandroid): `ol.comment-list`, `ol.children`, `article.comment-body`. */
export function html5Comments(comments: SeedComment[], url: string): string {
  const body = walkComments(comments, (c, classes, replies) => c.kind !== 'comment'
    ? `<li id="comment-${c.id}" class="${classes}"><div class="comment-body">${paragraphsHtml(c)} <span class="edit-link"><a href="#">Edit</a></span></div></li>`
    : `<li id="comment-${c.id}" class="${classes}">
<article id="div-comment-${c.id}" class="comment-body">
<footer class="comment-meta">
<div class="comment-author vcard"><img alt="" src="${AVATAR}" class="avatar avatar-60 photo" height="60" width="60"><b class="fn">${esc(c.author)}</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="${esc(url)}#comment-${c.id}"><time datetime="${c.publishedAt}+00:00">${englishDate(c.publishedAt)}</time></a></div>
</footer>
<div class="comment-content">
${paragraphsHtml(c)}
</div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${c.id}#respond" data-commentid="${c.id}" aria-label="Reply to ${esc(c.author)}">Reply</a></div>
</article>${replies ? `\n<ol class="children">\n${replies}\n</ol>` : ''}
</li>`);
  return `<ol class="comment-list">\n${body}\n</ol>`;
}

/** WordPress xhtml comment markup (Caschys Blog, Hueman): text directly in `div.comment-body`, replies in `ul.children`. */
export function xhtmlComments(comments: SeedComment[], url: string, date: (iso: string) => string, reply = 'Antworten'): string {
  const body = walkComments(comments, (c, classes, replies) => `<li class="${classes}" id="comment-${c.id}">
<div id="div-comment-${c.id}" class="comment-body">
<div class="comment-author vcard">
<img alt="" src="${AVATAR}" class="avatar avatar-48 photo" height="48" width="48"> <cite class="fn">${esc(c.author)}</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="${esc(url)}#comment-${c.id}">${date(c.publishedAt)}</a></div>
${paragraphsHtml(c)}
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${c.id}#respond" data-commentid="${c.id}">${esc(reply)}</a></div>
</div>${replies ? `\n<ul class="children">\n${replies}\n</ul>` : ''}
</li>`);
  return `<ol class="commentlist">\n${body}\n</ol>`;
}

/** A block theme's Comments block: `ol.wp-block-comment-template` > `li#comment-N`, replies in bare `ol`. */
export function blockThemeComments(comments: SeedComment[], url: string): string {
  const body = walkComments(comments, (c, classes, replies) => `<li id="comment-${c.id}" class="${classes}">
<div class="wp-block-columns is-layout-flex"><div class="wp-block-column" style="flex-basis:40px"><div class="wp-block-avatar"><img alt="" src="${AVATAR}" class="avatar wp-block-avatar__image" width="40" height="40"></div></div>
<div class="wp-block-column">
<div class="wp-block-comment-author-name"><a rel="external nofollow ugc" href="https://example.org/" target="_self">${esc(c.author)}</a></div>
<div class="wp-block-comment-date"><time datetime="${c.publishedAt}+00:00"><a href="${esc(url)}#comment-${c.id}">${englishDate(c.publishedAt)}</a></time></div>
<div class="wp-block-comment-content">${paragraphsHtml(c)}</div>
<div class="wp-block-comment-reply-link"><a rel="nofollow" class="comment-reply-link" href="#comment-${c.id}">Reply</a></div>
</div></div>${replies ? `\n<ol>\n${replies}\n</ol>` : ''}
</li>`);
  return `<ol class="wp-block-comment-template">\n${body}\n</ol>`;
}
