import { AVATAR, documentHtml, englishDate, esc, linkList } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';

// Blogger (Blogspot) as its layouts templates print a post: the threaded comment list (2011
// onward) or the classic `dl#comments-block`. Comment ids are Blogger-style numbers, times are
// in the permalink's `showComment=` as milliseconds since 1970 (UTC).

const CSS = `body{margin:0;font:15px/1.5 Georgia,serif;background:#f3f3f3;color:#222}.content-outer{max-width:860px;margin:0 auto;background:#fff;padding:20px 30px}
.comment-thread ol{list-style:none;padding:0}.inline-thread{margin-left:36px}.comment-header{font-size:13px}.datetime{margin-left:8px;color:#888}
.avatar-image-container img{width:35px;height:35px;background:#ccc}#comments-block dt{font-weight:bold;margin-top:1em}.comment-footer{font-size:12px;color:#888}`;

const epoch = (iso: string) => Date.parse(`${iso}Z`);
const permalink = (url: string, c: SeedComment) => `${url}?showComment=${epoch(c.publishedAt)}#c${c.id}`;
/** Blogger keeps a comment as one block: lines split by `<br>`, paragraphs by two. */
const bloggerBody = (c: SeedComment) => c.paragraphs.map((lines) => lines.map(esc).join('<br>')).join('<br><br>');
const profile = (c: SeedComment) => `https://www.blogger.com/profile/${String(c.id * 7919).padStart(20, '0')}`;
/** Blogger's own date line: "October 11, 2013 at 2:20 PM". */
const bloggerDate = (iso: string) => englishDate(iso).replace(/ (am|pm)$/, (m) => m.toUpperCase());

function threadedComment(c: SeedComment, url: string, replies: SeedComment[]): string {
  const inline = replies.length ? `<div class="comment-thread inline-thread"><span class="thread-toggle thread-expanded"><span class="thread-arrow"></span><span class="thread-count"><a target="_self">Replies</a></span></span>
<ol id="c${c.id}-ra" class="thread-chrome thread-expanded"><div>
${replies.map((r) => threadedComment(r, url, [])).join('\n')}
</div><div id="c${c.id}-continue" class="continue"><a class="comment-reply" target="_self" data-comment-id="${c.id}">Reply</a></div></ol></div>` : '';
  return `<li class="comment" id="c${c.id}"><div class="avatar-image-container"><img src="${AVATAR}" alt=""></div><div class="comment-block">
<div class="comment-header"><cite class="user"><a href="${profile(c)}" rel="nofollow">${esc(c.author)}</a></cite><span class="icon user "></span><span class="datetime secondary-text"><a rel="nofollow" href="${esc(permalink(url, c))}">${bloggerDate(c.publishedAt)}</a></span></div>
<p class="comment-content">${bloggerBody(c)}</p>
<span class="comment-actions secondary-text"><a class="comment-reply" target="_self" data-comment-id="${c.id}">Reply</a><span class="item-control blog-admin pid-1"><a target="_self" href="https://www.blogger.com/delete-comment.g?blogID=1&amp;postID=${c.id}">Delete</a></span></span>
</div><div class="comment-replies">${inline}</div><div class="comment-replybox-single" id="c${c.id}-ce"></div></li>`;
}

/** The threaded list: `#comment-holder > .comment-thread > ol > li.comment#c{id}`, replies one level deep. */
export function bloggerThreadedComments(comments: SeedComment[], url: string): string {
  return `<div class="comments threaded" id="comments"><a name="comments"></a><h4>${flatten(comments).length} comments:</h4>
<div class="comments-content"><div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">
${comments.map((c) => threadedComment(c, url, flatten(c.children))).join('\n')}
</ol><div id="top-continue" class="continue"><a class="comment-reply" target="_self">Add comment</a></div>
<div class="loadmore hidden" data-post-id="1"><a target="_self">Load more...</a></div></div></div></div>
<p class="comment-footer"><a href="https://www.blogger.com/comment.g?blogID=1&amp;postID=1">Post a Comment</a></p></div>`;
}

/** The classic list: `dl#comments-block` with `dt.comment-author` / `dd.comment-body` / `dd.comment-footer`, flat. */
export function bloggerClassicComments(comments: SeedComment[], url: string): string {
  const rows = flatten(comments).map((c) => `<dt class="comment-author " id="c${c.id}">
<a name="c${c.id}"></a>
<div class="avatar-image-container vcard"><span dir="ltr"><a href="${profile(c)}" rel="nofollow"><img src="${AVATAR}" width="35" height="35" alt="" title="${esc(c.author)}"></a></span></div>
<a href="${profile(c)}" rel="nofollow">${esc(c.author)}</a>
said...
</dt>
<dd class="comment-body" id="Blog1_cmt-${c.id}">
<p>${bloggerBody(c)}</p>
</dd>
<dd class="comment-footer">
<span class="comment-timestamp">
<a href="${esc(permalink(url, c))}" title="comment permalink">${bloggerDate(c.publishedAt)}</a>
<span class="item-control blog-admin pid-1"><a class="comment-delete" href="https://www.blogger.com/delete-comment.g?blogID=1&amp;postID=${c.id}" title="Delete Comment">Delete</a></span>
</span>
</dd>`);
  return `<div class="comments" id="comments"><a name="comments"></a><h4>${rows.length} comments:</h4>
<div id="Blog1_comments-block-wrapper"><dl class="avatar-comment-indent" id="comments-block">
${rows.join('\n')}
</dl></div>
<p class="comment-footer"><a href="https://www.blogger.com/comment.g?blogID=1&amp;postID=1">Post a Comment</a></p></div>`;
}

/** A Blogspot post page around either comment list, with the sidebar's archive and popular posts. */
export function bloggerPage(page: SeedPage, url: string, seed: string, commentsHtml: string): string {
  const origin = new URL(url).origin;
  return documentHtml({
    lang: 'en', title: page.title, url, siteName: 'Example Blog', publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'variant-simplysimple', css: CSS, seed,
    body: `<div class="content-outer"><header><div class="header section" id="header"><div class="widget Header" id="Header1"><h1 class="title"><a href="${origin}/">Example Blog</a></h1></div></div></header>
<div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>${englishDate(page.publishedAt).split(' at ')[0]}</span></h2>
<div class="post-outer"><div class="post hentry" itemprop="blogPost" itemscope itemtype="http://schema.org/BlogPosting">
<h3 class="post-title entry-title" itemprop="name">${esc(page.title)}</h3>
<div class="post-body entry-content" itemprop="description articleBody">
${page.paragraphs.map((p) => `${esc(p)}<br><br>`).join('\n')}
</div>
<div class="post-footer"><span class="post-author vcard">Posted by <span class="fn" itemprop="author">${esc(page.byline)}</span></span></div>
</div>
${commentsHtml}
</div></div></div></div></div>
<aside class="sidebar section" id="sidebar">${linkList('PopularPosts1', 'Popular Posts', ['Xperia Z1 hands-on', 'Why I still use a compact phone', 'Camera shootout'], `${origin}/2013/10/`)}</aside></div>`,
  });
}
