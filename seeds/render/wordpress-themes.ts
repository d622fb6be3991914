import { AVATAR, commentForm, documentHtml, englishDate, esc, germanDate, paragraphsHtml, recentCommentsWidget } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';
import { walkComments } from './wordpress';

// WordPress themes whose comment markup is not the core walker's: a two-id callback, Thesis'
// dt/dd pairs, and the pre-2.7 loops of Kubrick and "Classic" (no comment class at all).

/** "October 12th, 2013 at 5:49 am", as Kubrick prints a comment's date. */
function ordinalDate(iso: string): string {
  const [, month, day, rest] = /^(\w+) (\d+), (.*)$/.exec(englishDate(iso))!;
  const n = Number(day);
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${month} ${day}${suffix}, ${rest}`;
}

/**
 * A Twenty-Eleven-style callback on a German commercial theme: `li#li-comment-N > article#comment-N`,
 * both with the comment class; the author block holds name, "sagt:", date and "Antworten" (no `.fn`).
 */
export function twoIdComments(comments: SeedComment[], url: string): string {
  const body = walkComments(comments, (c, classes, replies) => `<li class="${classes}" id="li-comment-${c.id}">
<article id="comment-${c.id}" class="comment">
<footer class="comment-meta">
<div class="comment-author vcard"><img alt="" src="${AVATAR}" class="avatar avatar-68 photo" height="68" width="68"> <b>${esc(c.author)}</b> <span class="says">sagt:</span>
<a href="${esc(url)}#comment-${c.id}">${germanDate(c.publishedAt)}</a> - <a rel="nofollow" class="comment-reply-link" href="?replytocom=${c.id}#respond">Antworten</a></div>
</footer>
<div class="comment-content">${paragraphsHtml(c)}</div>
</article>${replies ? `\n<ol class="children">\n${replies}\n</ol>` : ''}
</li>`);
  return `<ol class="commentlist">\n${body}\n</ol>`;
}

/** Thesis 1.x: `dl#comment_list > dt.comment#comment-N` (author, time) + `dd.comment > div.format_text`, replies in `dl.children` inside the dd. */
export function thesisComments(comments: SeedComment[]): string {
  const body = walkComments(comments, (c, classes, replies) => `<dt class="${classes}" id="comment-${c.id}">
<span class="avatar"><img alt="" src="${AVATAR}" class="avatar avatar-44 photo" height="44" width="44"></span>
<span class="comment_author">${esc(c.author)}</span>
<span class="comment_time"><a href="#comment-${c.id}" title="Permalink to this comment" rel="nofollow">${englishDate(c.publishedAt)}</a></span>
<span class="comment_num"><a href="#comment-${c.id}" title="Permalink">#</a></span>
</dt>
<dd class="${classes}">
<div class="format_text" id="comment-body-${c.id}">
${paragraphsHtml(c)}
<p class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${c.id}#respond">Reply</a></p>
</div>${replies ? `\n<dl class="children">\n${replies}\n</dl>` : ''}
</dd>`);
  return `<dl id="comment_list">\n${body}\n</dl>`;
}

/** Kubrick (WordPress 1.5–2.6 default theme): `ol.commentlist > li.alt#comment-N`, `cite` + "Says:", loose paragraphs. Flat. */
export function kubrickComments(comments: SeedComment[]): string {
  const body = flatten(comments).map((c, i) => `<li class="${i % 2 ? '' : 'alt'}" id="comment-${c.id}">
<cite>${esc(c.author)}</cite> Says:
<br />
<small class="commentmetadata"><a href="#comment-${c.id}" title="">${ordinalDate(c.publishedAt)}</a> </small>
${paragraphsHtml(c)}
</li>`);
  return `<ol class="commentlist">\n${body.join('\n')}\n</ol>`;
}

/** The "Classic" theme (WordPress 1.5–2.x): `ol#commentlist > li#comment-N`, the text first, then "Comment by NAME — date". Flat. */
export function classicComments(comments: SeedComment[]): string {
  const body = flatten(comments).map((c) => {
    const type = c.kind === 'comment' ? 'Comment' : c.kind === 'pingback' ? 'Pingback' : 'Trackback';
    return `<li id="comment-${c.id}">
${paragraphsHtml(c)}
<p><cite>${type} by <a href="https://example.net/" rel="external nofollow">${esc(c.author)}</a> &#8212; <a href="#comment-${c.id}">${englishDate(c.publishedAt, ' @ ')}</a></cite> </p>
</li>`;
  });
  return `<ol id="commentlist">\n${body.join('\n')}\n</ol>`;
}

/** An old WordPress theme's page: the theme's stylesheet under /wp-content/, the post, the comments, a Recent Comments widget. */
export function oldThemePage(page: SeedPage, url: string, seed: string, lang: string, theme: string, commentsHtml: string): string {
  const all = flatten(page.comments);
  const origin = new URL(url).origin;
  return documentHtml({
    lang, title: page.title, url, siteName: 'Old Theme Blog', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'single', css: 'body{font:15px/1.5 Georgia,serif;max-width:760px;margin:0 auto}.commentlist,#commentlist{padding-left:0}',
    seed,
    body: `<link rel="stylesheet" href="${origin}/wp-content/themes/${theme}/style.css" type="text/css" media="screen" />
<div id="page"><div id="header"><h1><a href="${origin}/">Old Theme Blog</a></h1></div>
<div id="content" class="narrowcolumn">
<div class="post" id="post-1"><h2>${esc(page.title)}</h2><small>${esc(page.byline)}</small>
<div class="entry">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div></div>
<div id="comments">
<h3 id="comments-title">${all.length} Responses to &#8220;${esc(page.title)}&#8221;</h3>
${commentsHtml}
${commentForm()}
</div></div>
<div id="sidebar">${recentCommentsWidget(all.slice(0, 3).map((c) => ({ author: c.author, title: page.title, href: `${url}#comment-${c.id}` })))}</div>
</div>`,
  });
}
