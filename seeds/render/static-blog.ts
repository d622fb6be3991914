import { documentHtml, esc, linkList } from '../html';
import type { SeedPage } from '../model';

const CSS = `body{margin:0;font:18px/1.7 Georgia,serif;color:#222;background:#fdfdfd}.site-header{border-top:5px solid #424242;border-bottom:1px solid #e8e8e8;padding:10px 30px}
.site-title{font-size:26px;color:#424242;text-decoration:none}.wrapper{max-width:740px;margin:0 auto;padding:0 30px}.post-meta{color:#828282;font-size:15px}
.giscus,.utterances{position:relative;box-sizing:border-box;width:100%;max-width:760px;margin:40px auto 0}
.utterances-frame{color-scheme:light;position:absolute;left:0;right:0;width:1px;min-width:100%;max-width:100%;height:100%;border:0}`;

/**
 * A personal blog built by a static site generator (Jekyll's minima theme), the kind of site that
 * keeps its comments in GitHub through giscus or utterances: `embed` is what their client script
 * leaves after the article. The page itself holds no comment markup.
 */
export function staticBlogPage(page: SeedPage, url: string, seed: string, lang: string, embed: string): string {
  const { origin } = new URL(url);
  return documentHtml({
    lang, title: page.title, url, siteName: 'Notes on phones', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'post-page', css: CSS, seed,
    body: `<header class="site-header" role="banner"><div class="wrapper"><a class="site-title" rel="author" href="${origin}/">Notes on phones</a>
<nav class="site-nav"><a class="page-link" href="${origin}/about/">About</a> <a class="page-link" href="${origin}/archive/">Archive</a></nav></div></header>
<main class="page-content" aria-label="Content"><div class="wrapper">
<article class="post h-entry" itemscope itemtype="http://schema.org/BlogPosting">
<header class="post-header"><h1 class="post-title p-name" itemprop="name headline">${esc(page.title)}</h1>
<p class="post-meta"><time class="dt-published" datetime="${page.publishedAt}+00:00" itemprop="datePublished">${page.publishedAt.slice(0, 10)}</time> •
<span itemprop="author" itemscope itemtype="http://schema.org/Person"><span class="p-author h-card" itemprop="name">${esc(page.byline)}</span></span></p></header>
<div class="post-content e-content" itemprop="articleBody">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<a class="u-url" href="${esc(url)}" hidden></a>
</article>
${embed}
${linkList('related', 'Related posts', ['Xperia Z1 hands-on', 'Why I still use a 2013 phone', 'Sony’s update policy, revisited'], `${origin}/`)}
</div></main>
<footer class="site-footer h-card"><div class="wrapper"><p>Notes on phones — fixture page, not a real site.</p></div></footer>`,
  });
}
