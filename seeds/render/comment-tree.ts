import { documentHtml, esc } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';

// A news discussion site printing the Slash engine's comment tree: `ul#commentlisting`,
// `li#tree_N > div.cw#comment_N`, replies in `ul#commtree_N` inside the item.

const CSS = `body{max-width:900px;margin:0 auto;font:14px/1.5 Arial,sans-serif;padding:16px}
#commentlisting ul{margin-left:18px;padding:0}#commentlisting li{list-style:none}.commentTop{background:#eee;padding:4px}
.hide{display:none}.score{color:#666}`;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Friday October 11, 2013 @02:20PM", the engine's own date line. */
function slashDate(iso: string): string {
  const d = new Date(`${iso}Z`);
  const h = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} @${two(h % 12 || 12)}:${two(d.getUTCMinutes())}${h < 12 ? 'AM' : 'PM'}`;
}

/** The comment tree for one story; subjects are "Re:" lines, as readers rarely change them. */
export function commentTreeHtml(comments: SeedComment[], host: string, sid: number): string {
  const item = (c: SeedComment, depth: number): string => `<li id="tree_${c.id}" class="comment full contain"><span class="ind"></span>
<div id="comment_status_${c.id}" class="commentstatus"></div>
<div id="comment_${c.id}" class="cw">
  <div id="comment_top_${c.id}" class="commentTop">
    <div class="title"><h4><a id="comment_link_${c.id}" name="comment_link_${c.id}" href="//${host}/comments.pl?sid=${sid}&amp;cid=${c.id}">${depth ? 'Re:' : 'Sony and the US'}</a>
      <span id="comment_score_${c.id}" class="score"> (<a href="#"><span class="opt">Score:</span>${2 + (c.id % 4)}</a>, Interesting)</span></h4></div>
    <div class="details"><span class="by"><span class="byby">by </span><a href="//${host}/~${encodeURIComponent(c.author)}">${esc(c.author)} <span class="uid">(${1000 + c.id})</span></a></span>
      <span class="otherdetails" id="comment_otherdetails_${c.id}">on ${slashDate(c.publishedAt)} (<a href="//${host}/comments.pl?sid=${sid}&amp;cid=${c.id}">#${c.id}</a>)</span></div>
  </div>
  <div class="commentBody"><div id="comment_body_${c.id}">${c.paragraphs.map((lines) => `<p>${lines.map(esc).join('<br>')}</p>`).join('')}</div></div>
  <div class="commentSub" id="comment_sub_${c.id}"><a id="reply_link_${c.id}" class="btn link" href="#">Reply to This</a> <a href="#" class="comment_share_toggle btn link">Share</a></div>
</div>
<div id="replyto_${c.id}"></div>
<ul id="group_${c.id}"><li id="hiddens_${c.id}" class="hide"></li></ul>
<ul id="commtree_${c.id}">${c.children.map((r) => item(r, depth + 1)).join('')}</ul></li>`;
  return `<ul id="commentlisting" class="d2">\n${comments.map((c) => item(c, 0)).join('\n')}\n</ul>`;
}

/** A story page of a news discussion site, with its comment tree. */
export function commentTreePage(page: SeedPage, url: string, seed: string): string {
  const host = new URL(url).host;
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example Discussion', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'anon', css: CSS, seed,
    body: `<header id="slogan"><a href="/">Example Discussion</a>: news for nerds</header>
<article class="fhitem fhitem-story" id="firehose-1"><h2 class="story"><span id="title-1">${esc(page.title)}</span></h2>
<div class="details">Posted by ${esc(page.byline)}</div>
<div class="body"><div id="text-1">${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div></div></article>
<div id="comments"><div class="commentBox"><span class="totalcomments">${flatten(page.comments).length} comments</span></div>
${commentTreeHtml(page.comments, host, 3001)}
</div>`,
  });
}
