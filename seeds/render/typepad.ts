import { AVATAR, documentHtml, englishDate, esc, linkList, paragraphsHtml } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';

// TypePad prints a flat list of comment boxes with a "Posted by: NAME | DATE" footer; Movable
// Type 4+ prints a byline in a header, with a machine date and "replied to" links for replies.

const CSS = `body{margin:0;font:14px/1.6 Verdana,sans-serif;color:#333;background:#fff}#container{max-width:900px;margin:0 auto;padding:20px}
.comment{border-top:1px solid #ddd;padding:10px 0}.comment-footer,.comment-header{font-size:11px;color:#777}.comment-avatar img{width:50px;height:50px;background:#ccc}`;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** TypePad's 34-hex-digit asset id for a seed comment (a fixed prefix, the seed id in hex). */
export function typepadId(c: SeedComment): string {
  return `6a00d8341c${c.id.toString(16).padStart(24, '0')}`;
}

/** "Friday, October 11, 2013 at 02:20 PM", as TypePad prints a comment's time. */
function typepadDate(iso: string): string {
  const [date, time] = englishDate(iso).split(' at ');
  const [clock, meridiem] = time.split(' ');
  return `${WEEKDAYS[new Date(`${iso}Z`).getUTCDay()]}, ${date} at ${clock.padStart(5, '0')} ${meridiem.toUpperCase()}`;
}

const site = (c: SeedComment) => (c.id % 3 === 0 ? `http://reader${c.id}.example.net/` : null);
const authorHtml = (c: SeedComment) => {
  const href = site(c);
  return href ? `<a rel="nofollow" target="_blank" title="${href}" href="${href}">${esc(c.author)}</a>` : esc(c.author);
};

/** TypePad's list: `.comments-content > div.comment#comment-{hex}` with `.comment-content` and a `p.comment-footer` byline. */
export function typepadComments(comments: SeedComment[], url: string): string {
  const boxes = flatten(comments).map((c, i) => `<a id="c${typepadId(c)}"></a>
<div class="comment comment-${i % 2 ? 'even' : 'odd'} comment-has-avatar" id="comment-${typepadId(c)}">
<div class="comment-avatar"><img id="comment-${typepadId(c)}-avatarimg" src="${AVATAR}" alt="${esc(c.author)}" width="50" height="50"></div>
<div class="comment-content" id="comment-${typepadId(c)}-content"><span id="comment-${typepadId(c)}-content">${paragraphsHtml(c)}</span></div>
<p class="comment-footer">
Posted by:
${authorHtml(c)} |
<a rel="nofollow" href="${esc(url)}?cid=${typepadId(c)}#comment-${typepadId(c)}">${typepadDate(c.publishedAt)}</a>
</p>
</div>`);
  return `<a id="comments"></a><div class="comments" id="all-comments"><h3 class="comments-header">Comments</h3>
<div class="comments-info"><p>You can follow this conversation by subscribing to the <a href="${esc(url.replace(/\.html$/, ''))}/comments/atom.xml">comment feed</a> for this post.</p></div>
<div class="comments-content" id="comments-content">
${boxes.join('')}
</div></div>`;
}

/** Movable Type 4+: flat `div.comment#comment-N`, replies name their parent with a "replied to" link. */
export function movableTypeComments(comments: SeedComment[], url: string): string {
  const parentOf = new Map<SeedComment, SeedComment>();
  for (const c of flatten(comments)) for (const r of c.children) parentOf.set(r, c);
  const boxes = flatten(comments).map((c) => {
    const parent = parentOf.get(c);
    const who = `<span class="vcard author">${authorHtml(c)}</span>`;
    const line = parent ? `${who} replied to <a href="${esc(url)}#comment-${parent.id}">comment from ${esc(parent.author)}</a>` : who;
    return `<div id="comment-${c.id}" class="comment${parent ? ' comment-reply' : ''}"><div class="inner">
<div class="comment-header"><div class="asset-meta"><span class="byline">
${line}
| <a href="${esc(url)}#comment-${c.id}"><abbr class="published" title="${c.publishedAt}+00:00">${englishDate(c.publishedAt, ' ').replace(/ (am|pm)$/, (m) => m.toUpperCase())}</abbr></a>
| <a title="Reply" href="javascript:void(0);" onclick="mtReplyCommentOnClick(${c.id}, '${esc(c.author.replace(/'/g, ''))}')">Reply</a>
</span></div></div>
<div class="comment-content">${paragraphsHtml(c)}</div>
</div></div>`;
  });
  return `<div id="comments" class="comments"><h2 class="comments-header">${boxes.length} Comments</h2>
<div class="comments-content">
${boxes.join('\n')}
</div></div>`;
}

/** A TypePad or Movable Type blog post page (`.entry-asset` article, sidebar, comment list). */
export function typepadPage(page: SeedPage, url: string, seed: string, commentsHtml: string): string {
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example Weblog', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'layout-two-column-right post', css: CSS, seed,
    body: `<div id="container"><div id="banner"><h1 id="banner-header"><a href="${new URL(url).origin}/" accesskey="1">Example Weblog</a></h1></div>
<div id="alpha"><div class="entry-asset asset hentry" id="entry-1">
<div class="asset-header"><h2 class="asset-name entry-title">${esc(page.title)}</h2></div>
<div class="asset-content entry-content"><div class="asset-body">
${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div></div>
<div class="asset-footer"><p class="entry-footer-info">Posted by ${esc(page.byline)} on ${englishDate(page.publishedAt).split(' at ')[0]} | <a class="permalink" href="${esc(url)}">Permalink</a></p></div>
</div>
${commentsHtml}
</div>
<div id="beta">${linkList('recent-posts', 'Recent Posts', ['Xperia Z1 first look', 'The compact phone question', 'Notes from IFA'], `${new URL(url).origin}/weblog/2013/10/`)}</div></div>`,
  });
}
