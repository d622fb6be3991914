import { commentForm, documentHtml, esc, germanDate, linkList, recentCommentsWidget } from '../html';
import { flatten, type SeedPage } from '../model';
import { xhtmlComments } from './wordpress';

const CSS = `body{margin:0;font:16px/1.6 "Titillium Web",Arial,sans-serif;color:#444;background:#eaeaea}
#header{background:#33363b;color:#fff;padding:12px 30px}#header a{color:#fff}.nav{display:flex;gap:16px;list-style:none;padding:0}
.main{display:flex;max-width:1200px;margin:0 auto;background:#fff}.content{flex:1;padding:30px}.sidebar{width:340px;padding:20px;background:#f0f0f0}
.commentlist,.children{list-style:none;padding-left:0}.children{margin-left:40px}.comment-body{padding:14px;border-bottom:1px solid #eee}
.comment-meta{font-size:12px}.avatar{float:left;margin-right:10px;background:#ccc}.says{color:#999}`;

/** Caschys Blog (stadt-bremerhaven.de), a Hueman-style theme with WordPress xhtml comments, in German. */
export function caschyPage(page: SeedPage, url: string, seed: string): string {
  const all = flatten(page.comments);
  const recent = all.slice(0, 3).map((c) => ({ author: c.author, title: page.title, href: `${url}#comment-${c.id}` }));
  return documentHtml({
    lang: 'de-DE', title: page.title, url, siteName: 'Caschys Blog', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'wp-singular post-template-default single single-post col-2cl full-width', css: CSS, seed,
    body: `<div id="wrapper">
<header id="header"><p class="site-title"><a href="https://stadt-bremerhaven.de/" rel="home">Caschys Blog</a></p>
<nav class="nav-container group" id="nav-header"><ul class="nav"><li><a href="https://stadt-bremerhaven.de/category/android/">Android</a></li><li><a href="https://stadt-bremerhaven.de/category/apple/">Apple</a></li><li><a href="https://stadt-bremerhaven.de/category/hardware/">Hardware</a></li><li><a href="https://stadt-bremerhaven.de/deals/">Deals</a></li></ul></nav></header>
<div class="container"><div class="main">
<section class="content">
<article id="post-337012" class="post-337012 post type-post status-publish format-standard hentry category-smartphones">
<h1 class="post-title entry-title">${esc(page.title)}</h1>
<p class="post-byline">von <span class="vcard author"><span class="fn"><a href="https://stadt-bremerhaven.de/author/andre/" rel="author">${esc(page.byline)}</a></span></span> · <time class="published" datetime="${page.publishedAt}+00:00">${germanDate(page.publishedAt, ', ')}</time></p>
<div class="entry-inner">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<div class="sharrre-container"><span>Teilen</span></div>
</article>
<ul class="post-nav group"><li class="next"><a href="https://stadt-bremerhaven.de/sony-xperia-1-vii-austauschprogramm/" rel="next"><strong>Nächster Artikel</strong> <span>Sony Xperia 1 VII: Austauschprogramm gestartet</span></a></li></ul>
${linkList('related-posts', 'Ähnliche Beiträge', ['Sony Xperia 1 VII im Test', 'Sony stoppt Verkauf des Xperia 1 VII', 'Xperia 10 VII vorgestellt'], 'https://stadt-bremerhaven.de/')}
<section id="comments" class="themeform">
<h3 class="heading">${all.length} Kommentare</h3>
<ul class="comment-tabs group"><li class="active"><a href="#commentlist-container"><i class="fas fa-comments-o"></i>Kommentare<span>${all.length}</span></a></li></ul>
<div id="commentlist-container" class="comment-tab">
${xhtmlComments(page.comments, url, (iso) => germanDate(iso))}
</div>
${commentForm('Schreibe einen Kommentar', 'Kommentar abschicken')}
</section>
</section>
<div class="sidebar s1">
${linkList('recent-posts-3', 'Neueste Beiträge', ['Pixel 10 Pro im Test', 'Windows 11: Neues Update verteilt', 'Amazon Prime Day: die besten Deals'], 'https://stadt-bremerhaven.de/')}
${recentCommentsWidget(recent, 'Neueste Kommentare')}
</div>
</div></div>
<footer id="footer"><p>© 2025 Caschys Blog — Testseite, nicht die echte Seite.</p></footer>
</div>`,
  });
}
