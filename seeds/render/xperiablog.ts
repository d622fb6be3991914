import { documentHtml, esc, recentCommentsWidget } from '../html';
import { flatten, type SeedPage } from '../model';
import { disqusPluginComments } from './disqus';

const CSS = `body{margin:0;font:14px/1.6 Verdana,sans-serif;color:#111;background:#fff}
#header{border-bottom:3px solid #ff6600;padding:14px 20px}#logo a{font-size:30px;color:#ff6600;text-decoration:none}
.menu{display:flex;gap:14px;list-style:none;padding:6px 20px;margin:0;background:#333}.menu a{color:#fff}
#content_box{display:flex;gap:20px;padding:20px}#content{flex:1}#sidebars{width:300px}.headline_meta{color:#888;font-size:12px}
#dsq-comments{list-style:none;padding:0}#dsq-comments li{border-bottom:1px solid #eee;padding:10px 0}.dsq-comment-header cite{font-weight:bold;font-style:normal}
.prev_next{border-top:1px dotted #bbb;padding-top:8px;font-size:12px}`;

/** The Disqus embed address Xperia Blog's loader builds for an article. */
export function disqusEmbedUrl(pageUrl: string, title: string): string {
  const query = new URLSearchParams({ base: 'default', f: 'xperiablog', t_u: pageUrl, t_d: title, t_t: title, s_o: 'default' });
  return `https://disqus.com/embed/comments/?${query}#version=fixture`;
}

/**
 * Xperia Blog's Thesis 1.x page. `thread` is the inside of `div#disqus_thread`: the plugin's
 * server-side comment list, or the iframe the live Disqus loader puts there.
 */
export function xperiaBlogPage(page: SeedPage, url: string, seed: string, thread: 'plugin' | 'live', quirks: boolean): string {
  const all = flatten(page.comments).filter((c) => c.kind === 'comment');
  const recent = all.slice(-4).reverse().map((c) => ({ author: c.author, title: page.title, href: `${url}#comment-${c.id}` }));
  const inside = thread === 'plugin'
    ? disqusPluginComments(page.comments, quirks)
    : `<iframe id="dsq-app4921" name="dsq-app4921" src="${esc(disqusEmbedUrl(url, page.title))}" title="Disqus" tabindex="0" scrolling="no" style="width:1px!important;min-width:100%!important;border:none!important;overflow:hidden!important;height:9000px!important"></iframe>`;
  return documentHtml({
    lang: 'en-US', title: page.title, url, siteName: 'Xperia Blog', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'custom', css: CSS, seed,
    body: `<div id="container"><div id="page">
<div id="header"><p id="logo"><a href="https://www.xperiablog.net">Xperia Blog</a></p><p id="tagline">Sony Xperia news, reviews, rumours</p></div>
<ul class="menu"><li class="tab tab-home current"><a href="https://www.xperiablog.net">Home</a></li><li class="tab"><a href="https://www.xperiablog.net/category/news/">News</a></li><li class="tab"><a href="https://www.xperiablog.net/category/reviews/">Reviews</a></li><li class="tab"><a href="https://www.xperiablog.net/firmware/">Firmware</a></li></ul>
<div id="content_box"><div id="content" class="hfeed">
<div class="post_box top" id="post-51247">
<div class="headline_area"><h1 class="entry-title">${esc(page.title)}</h1>
<p class="headline_meta">by <span class="author vcard fn">${esc(page.byline)}</span> on <abbr class="published" title="${page.publishedAt.slice(0, 10)}">${page.publishedAt.slice(0, 10)}</abbr></p>
<p class="headline_meta">in <span><a href="https://www.xperiablog.net/category/news/" rel="category tag">${esc(page.category)}</a></span></p></div>
<div class="format_text entry-content">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
</div>
<div class="prev_next post_nav"><p class="previous">Previous post: <a href="https://www.xperiablog.net/previous/" rel="prev">Xperia Z1 gets its first update</a></p><p>Next post: <a href="https://www.xperiablog.net/next/" rel="next">Xperia Z Ultra Google Play edition spotted</a></p></div>
<div id="comments"><div id="disqus_thread">
${inside}
</div></div>
</div>
<div id="sidebars"><div id="sidebar_1" class="sidebar"><ul class="sidebar_list">
<li class="widget">${recentCommentsWidget(recent)}</li>
<li class="widget widget_text"><h3>Follow Xperia Blog</h3><p>Twitter · Facebook · RSS</p></li>
</ul></div></div>
</div>
<div id="footer"><p>Xperia Blog — fixture page, not the real site.</p></div>
</div></div>`,
  });
}

/** The number of reader comments and linkbacks on the page (what the panel must count). */
export const rowCount = (page: SeedPage) => flatten(page.comments).length;
