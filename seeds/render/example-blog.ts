import { commentForm, documentHtml, esc, recentCommentsWidget } from '../html';
import { flatten, type SeedPage } from '../model';

const CSS = `body{max-width:760px;margin:0 auto;font:17px/1.7 system-ui,sans-serif;color:#1e1e1e;padding:20px}
ol{list-style:none}.wp-block-comment-template ol,.wpd-reply,.wc-reply{margin-left:32px}img.avatar{background:#ccc;border-radius:50%}`;

/** A plain WordPress blog around another comment system (block theme, wpDiscuz): families, not sites. */
export function exampleBlogPage(page: SeedPage, url: string, seed: string, lang: string, commentsHtml: string): string {
  const all = flatten(page.comments);
  return documentHtml({
    lang, title: page.title, url, siteName: 'Example Blog', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'wp-embed-responsive single', css: CSS, seed,
    body: `<header class="wp-block-template-part"><p class="wp-block-site-title"><a href="${new URL(url).origin}/">Example Blog</a></p>
<nav class="wp-block-navigation"><ul><li><a href="/about/">About</a></li><li><a href="/archive/">Archive</a></li></ul></nav></header>
<main class="wp-block-group">
<h1 class="wp-block-post-title">${esc(page.title)}</h1>
<div class="wp-block-post-author-name">${esc(page.byline)}</div>
<div class="entry-content wp-block-post-content">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<div id="comments" class="wp-block-comments">
<h2 class="wp-block-comments-title">${all.length} responses to “${esc(page.title)}”</h2>
${commentsHtml}
${commentForm()}
</div>
</main>
<footer class="wp-block-template-part">${recentCommentsWidget(all.slice(0, 3).map((c) => ({ author: c.author, title: page.title, href: `${url}#comment-${c.id}` })))}</footer>`,
  });
}
