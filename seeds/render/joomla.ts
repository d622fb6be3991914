import { AVATAR, documentHtml, esc, linkList } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';

const CSS = `body{max-width:800px;margin:0 auto;font:15px/1.6 Verdana,sans-serif;padding:20px}
.comments-list .comments-list{margin-left:20px}.kmt-item{list-style:none}.kmt-child-1{margin-left:30px}.kmt-child-2{margin-left:60px}
.kmt-child-3{margin-left:90px}.kmt-child-4{margin-left:120px}.avatarImg img,.kmt-avatar img{width:40px;height:40px;background:#ccc}`;

/** Comment text as these components print it: newlines turned into `<br />`, paragraphs into two. */
const brText = (c: SeedComment) => c.paragraphs.map((lines) => lines.map(esc).join('<br />\n')).join('<br /><br />\n');

/** "2013-10-11 14:20", JComments' default date format. */
const jcDate = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** JComments in tree mode: `div#comment-item-N`, replies in `div.comments-list#comments-list-P` after the parent. */
export function jCommentsHtml(comments: SeedComment[], url: string): string {
  let n = 0;
  const list = (items: SeedComment[], parent: number): string => `<div class="comments-list" id="comments-list-${parent}">
${items.map((c) => `<div class="${n++ % 2 ? 'odd' : 'even'}" id="comment-item-${c.id}"><div class="rbox"><div class="rbox_tr"><div class="rbox_tl"><div class="rbox_t">&nbsp;</div></div></div><div class="rbox_m">
<div class="comment-box usertype-guest">
<span class="comments-vote"><span id="comment-vote-holder-${c.id}"><a href="#" class="vote-good" title="Good comment!"></a><a href="#" class="vote-poor" title="Poor comment!"></a><span class="vote-none">0</span></span></span>
<a class="comment-anchor" href="${esc(url)}#comment-${c.id}" id="comment-${c.id}">#${n}</a>
<span class="comment-author">${esc(c.author)}</span>
<span class="comment-date">${jcDate(c.publishedAt)}</span>
<div class="comment-body" id="comment-body-${c.id}">${brText(c)}</div>
<span class="comments-buttons"><a href="#" onclick="return false;">Reply</a> | <a href="#" onclick="return false;">Quote</a></span>
</div><div class="clear"></div>
</div><div class="rbox_br"><div class="rbox_bl"><div class="rbox_b">&nbsp;</div></div></div></div>
</div>${c.children.length ? `\n${list(c.children, c.id)}` : ''}`).join('\n')}
</div>`;
  return `<div id="jc">
<div id="comments"><h4>Comments <a class="refresh" href="#" title="Refresh comments list">&nbsp;</a></h4>
${list(comments, 0)}
</div>
<div id="comments-form-link"><a id="addcomments" href="#addcomments">Add new comment</a></div>
<a id="addcomments" href="#addcomments"></a>
<form id="comments-form" name="comments-form" action="javascript:void(null);"><p><textarea id="comments-form-comment" name="comment" cols="65" rows="8"></textarea></p><div id="comments-form-buttons"><div class="btn"><a href="#">Send</a></div></div></form>
</div>`;
}

/** Komento: a flat `ul.kmt-list` whose items name their parent (`parentid`) and depth. */
export function komentoHtml(comments: SeedComment[], url: string): string {
  const rows: string[] = [];
  const visit = (items: SeedComment[], parent: number, depth: number) => items.forEach((c) => {
    rows.push(`<li id="kmt-${c.id}" class="kmt-item kmt-child-${depth} kmt-comment-item-public" parentid="kmt-${parent}" depth="${depth}" childs="${c.children.length}" published="1">
<div class="kmt-wrap">
<div class="kmt-avatar"><img src="${AVATAR}" alt=""></div>
<div class="kmt-content">
<div class="kmt-head"><h3 class="kmt-author"><span>${esc(c.author)}</span></h3>
<span class="kmt-time"><a href="${esc(url)}#kmt-${c.id}" class="kmt-permalink"><time datetime="${c.publishedAt}+00:00">${jcDate(c.publishedAt)}</time></a></span></div>
<div class="kmt-body"><div class="kmt-text">${brText(c)}</div></div>
<div class="kmt-control"><span class="kmt-reply-wrap"><a href="javascript:void(0);" class="kmt-reply">Reply</a></span> <span class="kmt-like-wrap"><a href="javascript:void(0);" class="likeButton">Like</a></span></div>
</div>
</div>
</li>`);
    visit(c.children, c.id, depth + 1);
  });
  visit(comments, 0, 0);
  return `<div id="section-kmt" class="theme-kuro">
<div class="kmt-comment-head"><h3 class="kmt-title">Comments (${rows.length})</h3></div>
<div class="kmt-list-wrap"><ul class="kmt-list reset-child">
${rows.join('\n')}
</ul></div>
<div id="kmt-form" class="commentForm kmt-form"><form><textarea id="commentInput" name="comment"></textarea><button type="button" class="kmt-btn-submit">Submit</button></form></div>
</div>`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October 24, 2012": JomComment prints the day only. */
const jomDate = (iso: string) => `${EN_MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

/** JomComment: a flat `#jc_commentsDiv` of `div#pc_N`; "..." is the subject of a comment that has none. */
export function jomCommentHtml(comments: SeedComment[]): string {
  const entries = flatten(comments).map((c, i) => `<div class="jomentry${(i % 2) + 1}" id="pc_${c.id}">
<a name="comment-${c.id}" id="comment-${c.id}"></a>
<div class="avatarImg"><img src="${AVATAR}" height="40" width="40" alt="0"></div>
<span class="jc_comment_title">...</span><br />
<span class="small">written by ${esc(c.author)},
${jomDate(c.publishedAt)}</span><br />
<div class="comment-text" id="comment-text-container-${c.id}">
${brText(c)}
</div>
<div style="clear: both;"></div>
<ul class="jc_comment_panel"><li class="jc_comment_panel_report"><a href="javascript:void(0);" title="report abuse">report abuse</a></li><li class="jc_comment_panel_total" id="cvote-${c.id}">+0</li><li class="jc_comment_panel_down"><a href="javascript:void(0);" title="vote down">vote down</a></li><li class="jc_comment_panel_up"><a href="javascript:void(0);" title="vote up">vote up</a></li></ul>
</div>`);
  return `<div class="commentBlogView commentTools" id="commentTools"><div class="jctools jcemail"><a href="javascript:void(0);">Email this</a></div></div>
<div class="contentheading" id="written_comments_title">Comments <span id="jc_numComment">(${entries.length})</span></div>
<div id="jc_commentsDiv" style="display:block;visibility:visible">
${entries.join('\n')}
</div>
<a name="comments" id="comments"></a><div class="contentheading" id="write_comment_title">Write comment</div>
<div id="jc_commentFormDiv"><form name="jc_commentForm" id="jc_commentForm"><textarea name="jc_comment" id="jc_comment"></textarea><button type="button" id="jc_submit">Add Comment</button></form></div>`;
}

/** A Joomla article page around a comment component's thread, on a made-up site. */
export function joomlaPage(page: SeedPage, url: string, seed: string, commentsHtml: string): string {
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example Joomla Site', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'site com_content view-article itemid-101', css: CSS, seed,
    body: `<div class="body"><div class="container">
<header class="header"><a class="brand pull-left" href="/">Example Joomla Site</a></header>
<nav class="navigation"><ul class="nav menu"><li class="item-101 current active"><a href="/">Home</a></li><li class="item-102"><a href="/news">News</a></li></ul></nav>
<main id="content" role="main"><div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">${esc(page.title)}</h2></div>
<dl class="article-info muted"><dd class="createdby" itemprop="author"><span itemprop="name">${esc(page.byline)}</span></dd><dd class="hits">Hits: ${flatten(page.comments).length * 97}</dd></dl>
<div itemprop="articleBody">${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>
${commentsHtml}
</div></main>
<div id="aside" class="span3">${linkList('mod-latest', 'Latest news', ['Xperia Z1 review', 'Sony earnings call', 'Android 4.4'], '/news/')}</div>
</div></div>
<footer class="footer"><p>&copy; Example Joomla Site</p></footer>`,
  });
}
