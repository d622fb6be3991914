import { commentForm, documentHtml, englishDate, esc, linkList, recentCommentsWidget } from '../html';
import { flatten, type SeedPage } from '../model';
import { html5Comments } from './wordpress';

const CSS = `body{margin:0;font:16px/1.6 Georgia,serif;color:#222;background:#f4f4f4}
.site-header{background:#1d1d1d;color:#fff;padding:10px 24px}.site-header a{color:#9c0}.main-navigation ul{display:flex;gap:18px;list-style:none;margin:0;padding:0}
.site-content{display:flex;gap:24px;max-width:1100px;margin:0 auto;padding:24px}.content-area{flex:1;background:#fff;padding:24px}
.widget-area{width:300px}.widget{background:#fff;padding:12px;margin-bottom:16px}.comment-list,.children{list-style:none;padding-left:0}
.children{margin-left:36px}.comment-body{border-top:1px solid #ddd;padding:12px 0}.comment-meta{font-size:13px;color:#777}.avatar{float:left;margin-right:10px;background:#ccc}`;

/** Phandroid's WordPress theme around `comments` (html5 markup); `comments` null prints "Comments are closed.". */
export function phandroidPage(page: SeedPage, url: string, seed: string, commentsHtml: string | null): string {
  const all = flatten(page.comments);
  const recent = all.slice(-5).reverse().map((c) => ({ author: c.author, title: page.title, href: `${url}#comment-${c.id}` }));
  recent.push({ author: 'Reader 99', title: 'Samsung Galaxy Gear review', href: 'https://phandroid.com/2013/10/10/galaxy-gear-review/#comment-1043311' });
  const thread = commentsHtml === null
    ? '<p class="no-comments">Comments are closed.</p>'
    : `<h2 class="comments-title">${all.length} thoughts on “${esc(page.title)}”</h2>\n${commentsHtml}\n${commentForm()}`;
  return documentHtml({
    lang: 'en-US', title: page.title, url, siteName: 'Phandroid', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'post-template-default single single-post single-format-standard', css: CSS, seed,
    body: `<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="https://phandroid.com/" rel="home">Phandroid</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="https://phandroid.com/news/">News</a></li><li><a href="https://phandroid.com/reviews/">Reviews</a></li><li><a href="https://phandroid.com/deals/">Deals</a></li><li><a href="https://phandroid.com/how-to/">How To</a></li></ul></nav></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-480317" class="post-480317 post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">${esc(page.title)}</h1>
<div class="entry-meta"><span class="byline">by <span class="author vcard"><a class="url fn n" href="https://phandroid.com/author/staff/">${esc(page.byline)}</a></span></span> <span class="posted-on"><time class="entry-date published" datetime="${page.publishedAt}+00:00">${englishDate(page.publishedAt, ' ')}</time></span></div></header>
<div class="entry-content">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="https://phandroid.com/news/" rel="category tag">${esc(page.category)}</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="https://phandroid.com/2013/10/10/galaxy-gear-review/" rel="prev">Samsung Galaxy Gear review</a></div><div class="nav-next"><a href="https://phandroid.com/2013/10/12/nexus-5-leak/" rel="next">Nexus 5 leaks again</a></div></div></nav>
<section class="related-posts">${linkList('related', 'Related posts', ['Sony Xperia Z1 review', 'T-Mobile picks up the Xperia Z', 'Sony Honami camera samples'], 'https://phandroid.com/2013/10/')}</section>
<div id="comments" class="comments-area">
${thread}
</div>
</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://phandroid.com/"><input type="search" class="search-field" name="s" placeholder="Search …"></form></section>
${recentCommentsWidget(recent)}
${linkList('popular', 'Popular', ['Best Android phones', 'Nexus 5 hands-on', 'Android 4.4 KitKat features'], 'https://phandroid.com/2013/10/')}
</aside>
</div>
<footer id="colophon" class="site-footer"><p>© 2013 Phandroid — fixture page, not the real site.</p></footer>
</div>`,
  });
}

/** Phandroid's html5 comment list for `page`. */
export const phandroidComments = (page: SeedPage, url: string) => html5Comments(page.comments, url);
