import { AVATAR, englishDate, esc, germanDate, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';


/** wpDiscuz 7 markup: `#wpdcom > #wpd-threads > .wpd-thread-list > div#wpd-comm-{id}_{parent}.wpd-comment`. */
export function wpDiscuz7Comments(comments: SeedComment[], count: number): string {
  const comment = (c: SeedComment, parent: number, depth: number): string => `<div id="wpd-comm-${c.id}_${parent}" class="comment even depth-${depth + 1} wpd-comment${depth ? ' wpd-reply' : ''} wpd_comment_level-${depth + 1}">
<div class="wpd-comment-wrap wpd-blog-guest">
<div class="wpd-comment-left"><div class="wpd-avatar"><img alt="" src="${AVATAR}" class="avatar" height="64" width="64"></div></div>
<div id="comment-${c.id}" class="wpd-comment-right">
<div class="wpd-comment-header"><div class="wpd-comment-author">${esc(c.author)}</div><div class="wpd-comment-date" title="${germanDate(c.publishedAt, ' ', '')}"><i class="far fa-clock" aria-hidden="true"></i> vor 4 Monaten</div><div class="wpd-comment-link wpd-hidden"><span class="wc_comment_link"><i class="fas fa-link"></i></span></div></div>
<div class="wpd-comment-text">${paragraphsHtml(c)}</div>
<div class="wpd-comment-footer"><div class="wpd-vote"><div class="wpd-vote-up wpd_not_clicked"><i class="fas fa-plus"></i></div><div class="wpd-vote-result">0</div></div><div class="wpd-reply-button"><span>Antworten</span></div></div>
</div>
</div>
<div id="wpdiscuz_form_anchor-${c.id}_${parent}"></div>
${c.children.map((r) => comment(r, c.id, depth + 1)).join('\n')}
</div>`;
  return `<div id="wpdcom" class="wpdiscuz_unauth wpd-default wpd-layout-1 wpd-comments-open">
<div class="wpd-form-wrap"><div class="wpd-form-head"><div class="wpd-sbs-toggle"><i class="far fa-envelope"></i> <span class="wpd-sbs-title">Abonnieren</span></div></div>
<div class="wpd-form wpd-form-wrapper wpd-main-form-wrapper"><form method="post" class="wpd_comm_form wpd_main_comm_form"><textarea name="wc_comment" placeholder="Schreibe einen Kommentar"></textarea></form></div></div>
<div id="wpd-threads" class="wpd-thread-wrapper">
<div class="wpd-thread-head"><div class="wpd-thread-info" data-comments-count="${count}"><span class="wpdtc" title="${count}">${count}</span> Kommentare</div></div>
<div class="wpd-comment-info-bar"><div class="wpd-current-view"><i class="fas fa-quote-left"></i> Inline-Feedbacks</div></div>
<div class="wpd-thread-list">
${comments.map((c) => comment(c, 0, 0)).join('\n')}
<div class="wpdiscuz-comment-pagination"></div>
</div>
</div>
</div>`;
}

/** wpDiscuz 5 markup: `#wpcomm > #wcThreadWrapper > div#wc-comm-{id}_{parent}.wc-comment`. */
export function wpDiscuz5Comments(comments: SeedComment[]): string {
  const comment = (c: SeedComment, parent: number, depth: number): string => `<div id="wc-comm-${c.id}_${parent}" class="wc-comment${depth ? ' wc-reply' : ''} wc-blog-guest wc_comment_level-${depth + 1}">
<div class="wc-comment-left"><img alt="" src="${AVATAR}" class="avatar" height="64" width="64"><div class="wc-blog-user wc-blog-guest">Guest</div></div>
<div id="comment-${c.id}" class="wc-comment-right">
<div class="wc-comment-header"><div class="wc-comment-author">${esc(c.author)}</div><div class="wc-comment-link"></div><div class="wpdiscuz_clear"></div></div>
<div class="wc-comment-text">${paragraphsHtml(c)}</div>
<div class="wc-comment-footer"><div class="wc-footer-left"><span class="wc-vote-link wc-up"><i class="fa fa-thumbs-up"></i></span><span class="wc-vote-result">0</span><span class="wc-reply-button" title="Reply"><i class="fa fa-reply"></i> Reply</span></div>
<div class="wc-footer-right"><div class="wc-comment-date"><i class="fa fa-clock-o" aria-hidden="true"></i>${englishDate(c.publishedAt, ' ')}</div></div><div class="wpdiscuz_clear"></div></div>
</div>
<div class="wpdiscuz-comment-message"></div>
<div id="wpdiscuz_form_anchor-${c.id}_${parent}"></div>
${c.children.map((r) => comment(r, c.id, depth + 1)).join('\n')}
</div>`;
  return `<div id="wpcomm" class="wpdiscuz_unauth wpd-default">
<div class="wc-comment-bar"><p class="wc-comment-title">Leave a Reply</p></div>
<div class="wc-form-wrapper wc-main-form-wrapper"><form class="wc_comm_form wc_main_comm_form" method="post"><textarea class="wc_comment" name="wc_comment"></textarea></form></div>
<div id="wcThreadWrapper" class="wc-thread-wrapper">
${comments.map((c) => comment(c, 0, 0)).join('\n')}
</div>
</div>`;
}
