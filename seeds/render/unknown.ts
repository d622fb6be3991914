import { documentHtml, englishDate, esc, linkList, paragraphsHtml } from '../html';
import type { SeedComment, SeedPage } from '../model';

// Pages on sites the extension does not know, with comment systems it has no layout for: the
// annotator runs there only when the reader asks (toolbar button, Alt+Shift+A).

const CSS = `body{max-width:720px;margin:0 auto;font:17px/1.6 Georgia,serif;padding:20px}.talk-replies{margin-left:28px}
.talk-head{font-size:14px;color:#555}.talk-avatar{width:24px;height:24px;border-radius:50%;background:#ccc}
.gb-entry{border-top:1px solid #ddd;padding:8px 0}.gb-sig{font-style:italic}`;

function article(page: SeedPage, body: string) {
  return `<main><article class="story"><h1>${esc(page.title)}</h1><p class="story-byline">By ${esc(page.byline)}</p>
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
${linkList('more-stories', 'More stories', ['Xperia 1 VII review', 'Sony’s camera app explained', 'Android 16 on Xperia'], '/stories/')}
${body}</main>`;
}

/** A self-hosted comment system with its own markup: nested blocks with an author, a time and text. */
function talkComment(c: SeedComment, url: string): string {
  return `<article class="talk-comment" id="talk-${c.id}">
<header class="talk-head"><img class="talk-avatar" alt=""> <a class="talk-user" href="/people/${encodeURIComponent(c.author)}">${esc(c.author)}</a> · <a class="talk-permalink" href="${url}#talk-${c.id}"><time datetime="${c.publishedAt}+00:00">${englishDate(c.publishedAt)}</time></a></header>
<div class="talk-body">${paragraphsHtml(c)}</div>
<footer class="talk-actions"><button type="button">Reply</button> <span class="talk-votes">${c.id % 7} points</span></footer>
${c.children.length ? `<div class="talk-replies">${c.children.map((r) => talkComment(r, url)).join('\n')}</div>` : ''}
</article>`;
}

/** An article on an unknown site whose comments a generic detector can find. */
export function talkPage(page: SeedPage, url: string, seed: string): string {
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example News', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'story-page', css: CSS, seed,
    body: article(page, `<section class="discussion"><h2>Discussion</h2><div class="talk-list">
${page.comments.map((c) => talkComment(c, url)).join('\n')}
</div></section>`),
  });
}

/**
 * A guestbook-style thread with no times and no author markup: nothing for a detector to go
 * on, so the reader picks the thread by clicking one entry.
 */
export function guestbookPage(page: SeedPage, url: string, seed: string): string {
  const entry = (c: SeedComment): string => `<div class="gb-entry">${paragraphsHtml(c)}<p class="gb-sig">— ${esc(c.author)}</p>${c.children.map(entry).join('')}</div>`;
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example Guestbook', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'guestbook', css: CSS, seed,
    body: article(page, `<div id="feedback"><h2>What readers said</h2>${page.comments.map(entry).join('\n')}</div>`),
  });
}

/**
 * A forum-style thread: flat posts, one after another, replies marked only by a depth class; the
 * poster is a profile link, the tools (quote, report, likes) sit under each post.
 */
function forumPost(c: SeedComment, depth: number, url: string): string {
  return `<div class="forum-post post--depth-${depth}${depth ? ' post--reply' : ''}" id="talk-${c.id}">
<div class="post-meta"><a class="post-member" href="/members/${encodeURIComponent(c.author)}">${esc(c.author)}</a> <a class="post-link" href="${url}#talk-${c.id}"><time datetime="${c.publishedAt}Z">${englishDate(c.publishedAt)}</time></a></div>
<div class="post-text">${paragraphsHtml(c)}</div>
<div class="post-tools"><a href="#quote-${c.id}">Quote</a> <a href="#report-${c.id}">Report</a> <span class="post-likes">${c.id % 5} likes</span></div>
</div>
${c.children.map((r) => forumPost(r, depth + 1, url)).join('\n')}`;
}

/** An article on an unknown site with a forum-style reply thread (flat posts, depth classes). */
export function forumPage(page: SeedPage, url: string, seed: string): string {
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example Forum', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'topic', css: CSS, seed,
    body: article(page, `<section id="replies"><h2>${page.comments.length} replies</h2>
${page.comments.map((c) => forumPost(c, 0, url)).join('\n')}
</section>`),
  });
}
