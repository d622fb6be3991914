import { AVATAR, documentHtml, esc, linkList, paragraphsHtml } from '../html';
import { flatten, seedText, type SeedComment, type SeedPage } from '../model';

const CSS = `body{max-width:780px;margin:0 auto;font:16px/1.6 "Helvetica Neue",Arial,sans-serif;padding:20px}
.indented{margin-left:25px}.comment{border-top:1px solid #eee;padding:10px 0}.user-picture img,.comment__picture img{width:32px;height:32px;background:#ccc}
.element-hidden,.element-invisible,.visually-hidden,.hidden{display:none}`;

const WEEKDAYS = { en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'] };

/** Drupal's default "medium" date, US order whatever the language: "Mon, 10/15/2012 - 14:23". */
export function drupalDate(iso: string, lang: 'en' | 'de' = 'en'): string {
  const d = new Date(`${iso}Z`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[lang][d.getUTCDay()]}, ${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} - ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** The subject Drupal makes when the commenter leaves it empty: the text's first words, cut at 29 characters. */
export function autoSubject(comment: SeedComment): string {
  const text = seedText(comment).replace(/\s+/g, ' ').trim();
  if (text.length <= 29) return text;
  const cut = text.slice(0, 29);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

/** Replies in Drupal's `div.indented`, a sibling after the comment they answer. */
const indented = (replies: string) => (replies ? `\n<div class="indented">\n${replies}\n</div>` : '');

/** Drupal 7 (Bartik, RDF on): `a#comment-N` then `div.comment` without id, replies in `div.indented`. */
export function drupal7Comments(comments: SeedComment[]): string {
  const one = (c: SeedComment, i: number): string => `<a id="comment-${c.id}"></a>
<div class="comment comment-by-anonymous ${i % 2 ? 'even' : 'odd'} clearfix" about="/comment/${c.id}#comment-${c.id}" typeof="sioc:Post sioct:Comment">
  <div class="attribution">
    <div class="user-picture"><img typeof="foaf:Image" src="${AVATAR}" alt="${esc(c.author)}'s picture" title="${esc(c.author)}'s picture"></div>
    <div class="submitted">
      <p class="commenter-name"><span rel="sioc:has_creator"><span class="username" xml:lang="" typeof="sioc:UserAccount" property="foaf:name" datatype="">${esc(c.author)} (not verified)</span></span></p>
      <p class="comment-time"><span property="dc:date dc:created" content="${c.publishedAt}+00:00" datatype="xsd:dateTime">${drupalDate(c.publishedAt)}</span></p>
      <p class="comment-permalink"><a href="/comment/${c.id}#comment-${c.id}" class="permalink" rel="bookmark">Permalink</a></p>
    </div>
  </div>
  <div class="comment-text">
    <div class="comment-arrow"></div>
    <h3 property="dc:title" datatype=""><a href="/comment/${c.id}#comment-${c.id}" class="permalink" rel="bookmark">${esc(autoSubject(c))}</a></h3>
    <div class="content">
      <span rel="sioc:reply_of" resource="/node/412" class="rdf-meta element-hidden"></span>
      <div class="field field-name-comment-body field-type-text-long field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded">${paragraphsHtml(c)}</div></div></div>
    </div>
  </div>
  <ul class="links inline"><li class="comment-reply first last"><a href="/comment/reply/412/${c.id}">reply</a></li></ul>
</div>${indented(c.children.map(one).join('\n'))}`;
  return `<div id="comments" class="comment-wrapper">
  <h2 class="title">Comments</h2>
${comments.map(one).join('\n')}
  <h2 class="title comment-form">Add new comment</h2>
  <form class="comment-form" action="/comment/reply/412" method="post" id="comment-form"><div><textarea name="comment_body[und][0][value]" rows="5"></textarea><input type="submit" value="Save"></div></form>
</div>`;
}

/** Drupal 10 (Olivero): `article#comment-N.comment` with data-comment-user-id, replies in `div.indented`. */
export function drupal10Comments(comments: SeedComment[], lang: 'en' | 'de'): string {
  const words = lang === 'de'
    ? { reply: 'Antworten', inReply: 'Antwort auf', by: 'von', heading: 'Kommentare', add: 'Neuen Kommentar hinzufügen', verified: 'nicht überprüft' }
    : { reply: 'Reply', inReply: 'In reply to', by: 'by', heading: 'Comments', add: 'Add new comment', verified: 'not verified' };
  const one = (c: SeedComment, parent: SeedComment | null): string => `<article data-comment-user-id="0" id="comment-${c.id}" class="comment js-comment by-anonymous">
  <span class="hidden" data-comment-timestamp="${Date.parse(`${c.publishedAt}Z`) / 1000 + 3600}"></span>
  <div class="comment__picture-wrapper"><div class="comment__picture"><img src="${AVATAR}" alt=""></div></div>
  <div class="comment__text-wrapper">
    <footer class="comment__meta">
      <p class="comment__author"><span lang="" typeof="schema:Person" property="schema:name" datatype="">${esc(c.author)} (${words.verified})</span></p>
      <p class="comment__time">${drupalDate(c.publishedAt, lang)}</p>
${parent ? `      <p class="visually-hidden">${words.inReply} <a href="/comment/${parent.id}#comment-${parent.id}" hreflang="${lang}">${esc(autoSubject(parent))}</a> ${words.by} <span>${esc(parent.author)}</span></p>\n` : ''}    </footer>
    <div class="comment__content">
      <h3><a href="/comment/${c.id}#comment-${c.id}" class="permalink" rel="bookmark" hreflang="${lang}">${esc(autoSubject(c))}</a></h3>
      <div class="clearfix text-formatted field field--name-comment-body field--type-text-long field--label-hidden field__item">${paragraphsHtml(c)}</div>
    </div>
    <ul class="links inline comment__links"><li class="comment-reply"><a href="/comment/reply/node/97/comment_node_article/${c.id}" class="comment__links-link">${words.reply}</a></li></ul>
  </div>
</article>${indented(c.children.map((r) => one(r, c)).join('\n'))}`;
  return `<section data-drupal-selector="comments" class="comments">
  <h2 class="comments__title">${words.heading}</h2>
${comments.map((c) => one(c, null)).join('\n')}
  <h2 class="add-comment__heading">${words.add}</h2>
  <form class="comment-comment-form comment-form" data-drupal-selector="comment-form" action="/comment/reply/node/97/comment_node_article" method="post" id="comment-form"><textarea name="comment_body[0][value]" rows="5"></textarea><input type="submit" value="Save"></form>
</section>`;
}

/** A Drupal article node page around a comment thread, on a made-up site. */
export function drupalPage(page: SeedPage, url: string, seed: string, lang: 'en' | 'de', commentsHtml: string): string {
  const siteName = lang === 'de' ? 'Beispiel-Magazin' : 'Example Community';
  const count = flatten(page.comments).length;
  return documentHtml({
    lang, title: page.title, url, siteName, publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'html not-front not-logged-in one-sidebar sidebar-first page-node node-type-article', css: CSS, seed,
    body: `<div id="page-wrapper"><div id="page">
<header id="header" role="banner"><a href="/" title="Home" rel="home" id="logo">${esc(siteName)}</a>
<nav id="main-menu" role="navigation"><ul class="menu"><li class="first leaf"><a href="/">Home</a></li><li class="leaf"><a href="/news">News</a></li><li class="last leaf"><a href="/forum">Forum</a></li></ul></nav></header>
<div id="main"><div id="content" class="column" role="main">
<h1 class="title" id="page-title">${esc(page.title)}</h1>
<article id="node-412" class="node node-article node-promoted" role="article">
<footer class="meta submitted"><span class="username">${esc(page.byline)}</span></footer>
<div class="content">${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>
<ul class="links inline"><li class="comment-comments first last"><a href="#comments">${count} comments</a></li></ul>
</article>
${commentsHtml}
</div>
<aside class="sidebar"><div class="region region-sidebar-first">${linkList('block-views-popular', 'Popular content', ['Xperia Z1 hands-on', 'Android 4.4 roll-out', 'Sony earnings'], '/node/')}</div></aside>
</div>
<footer id="footer" role="contentinfo"><p>Powered by Drupal</p></footer>
</div></div>`,
  });
}
