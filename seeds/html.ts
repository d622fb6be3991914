import type { SeedComment } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML text and attribute values. */
export const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A comment's paragraphs as `<p>` elements, lines split by `<br>`. */
export function paragraphsHtml(comment: SeedComment): string {
  return comment.paragraphs.map((lines) => `<p>${lines.map(esc).join('<br>\n')}</p>`).join('\n');
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parts(iso: string) {
  const d = new Date(`${iso}Z`);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: String(d.getUTCMinutes()).padStart(2, '0'), wd: d.getUTCDay() };
}

/** "October 11, 2013 at 5:49 am", as WordPress prints it in English. */
export function englishDate(iso: string, at = ' at '): string {
  const p = parts(iso);
  return `${EN_MONTHS[p.m]} ${p.d}, ${p.y}${at}${p.h % 12 || 12}:${p.mi} ${p.h < 12 ? 'am' : 'pm'}`;
}

/** "Monday, September 23, 2013 5:49 AM", as Disqus puts it in a time link's title. */
export function disqusDate(iso: string): string {
  const p = parts(iso);
  return `${WEEKDAYS[p.wd]}, ${EN_MONTHS[p.m]} ${p.d}, ${p.y} ${p.h % 12 || 12}:${p.mi} ${p.h < 12 ? 'AM' : 'PM'}`;
}

/** "30. Juni 2025 um 10:12 Uhr", as German WordPress sites print it. */
export function germanDate(iso: string, at = ' um ', suffix = ' Uhr'): string {
  const p = parts(iso);
  return `${p.d}. ${DE_MONTHS[p.m]} ${p.y}${at}${String(p.h).padStart(2, '0')}:${p.mi}${suffix}`;
}

/** A full HTML document around `body`, with the metadata Readability and our tests read. */
export function documentHtml(page: {
  lang: string; title: string; url: string; siteName: string; publishedAt: string; byline: string;
  bodyClass: string; css: string; body: string; seed: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<!-- Offline fixture built by Comment Annotator (seeds/build.ts) from ${esc(page.seed)}.
     Article and comment texts come from the capture. Ids, times, and every author named
     "Reader N" are invented for testing; they are not the real values. -->
<title>${esc(page.title)} | ${esc(page.siteName)}</title>
<link rel="canonical" href="${esc(page.url)}">
<meta property="og:site_name" content="${esc(page.siteName)}">
<meta property="og:title" content="${esc(page.title)}">
<meta property="og:url" content="${esc(page.url)}">
<meta property="article:published_time" content="${page.publishedAt}+00:00">
<meta name="author" content="${esc(page.byline)}">
<style>${page.css}</style>
</head>
<body class="${page.bodyClass}">
${page.body}
</body>
</html>
`;
}

/** WordPress's "Recent Comments" widget: links to comments, which must never be taken for comments. */
export function recentCommentsWidget(items: { author: string; title: string; href: string }[], heading = 'Recent Comments'): string {
  const rows = items.map((item) =>
    `<li class="recentcomments"><span class="comment-author-link">${esc(item.author)}</span> on <a href="${esc(item.href)}">${esc(item.title)}</a></li>`);
  return `<section id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">${esc(heading)}</h2>
<ul id="recentcomments">${rows.join('')}</ul></section>`;
}

/** A list of links to other posts, as themes print under "Related posts" or "Neueste Beiträge". */
export function linkList(id: string, heading: string, titles: string[], base: string): string {
  const rows = titles.map((title, i) => `<li><a href="${esc(base)}related-${i + 1}/">${esc(title)}</a></li>`);
  return `<section id="${id}" class="widget"><h2 class="widget-title">${esc(heading)}</h2><ul>${rows.join('')}</ul></section>`;
}

/** WordPress's comment form (comment_form()), with the fields a visitor fills in. */
export function commentForm(title = 'Leave a Reply', submit = 'Post Comment'): string {
  return `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">${esc(title)}</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" rows="6"></textarea></p>
<p class="comment-form-author"><label for="author">Name</label><input id="author" name="author" type="text"></p>
<p class="comment-form-email"><label for="email">Email</label><input id="email" name="email" type="email"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="${esc(submit)}"></p>
</form></div>`;
}

/** A 1×1 grey GIF: avatars without a network. */
export const AVATAR = 'data:image/gif;base64,R0lGODlhAQABAIAAAMzMzAAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==';
