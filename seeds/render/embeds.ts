import { AVATAR, englishDate, esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';
import { commentoHex, dayOnly, flatReplies, jsonTime, objectId } from './embed-page';

// The comment embeds that render into the page itself, each as its client script leaves the DOM.

/** Isso: `#isso-thread > #isso-root`, replies in the parent's `.isso-follow-up`. */
export function issoEmbed(comments: SeedComment[], count: number): string {
  const comment = (c: SeedComment): string => `<div class="isso-comment" id="isso-${c.id}" data-hash="${(c.id * 7919).toString(16).padStart(12, '0')}">
<div class="isso-avatar"><svg data-hash="${c.id}"></svg></div>
<div class="isso-text-wrapper">
<div class="isso-comment-header" role="meta"><span class="isso-author">${esc(c.author)}</span><span class="isso-spacer">&bull;</span><a class="isso-permalink" href="#isso-${c.id}"><time title="${englishDate(c.publishedAt)}" datetime="${jsonTime(c.publishedAt)}">${englishDate(c.publishedAt)}</time></a><span class="isso-note"></span></div>
<div class="isso-text">${paragraphsHtml(c)}</div>
<div class="isso-comment-footer"><a class="isso-upvote" href="#">+</a><span class="isso-spacer">|</span><a class="isso-downvote" href="#">-</a><a class="isso-reply" href="#">Reply</a><a class="isso-edit" href="#">Edit</a><a class="isso-delete" href="#">Delete</a></div>
</div>
<div class="isso-follow-up">${c.children.map(comment).join('\n')}</div>
</div>`;
  return `<section id="isso-thread" data-isso-id="/posts/sony-xperia/"><h4 class="isso-thread-heading">${count} Comments</h4>
<div class="isso-postbox"><div class="isso-form-wrapper"><div class="isso-textarea-wrapper"><div class="isso-textarea isso-placeholder" contenteditable="true">Type Comment Here (at least 3 chars)</div></div>
<section class="isso-auth-section"><p class="isso-input-wrapper"><input type="text" name="author" placeholder="John Doe"></p><p class="isso-post-action"><input type="submit" value="Submit"></p></section></div></div>
<div id="isso-root">
${comments.map(comment).join('\n')}
</div></section>`;
}

/** Commento: `#commento`, cards with `#commento-comment-children-{hex}` for replies; a locale date as the time's title. */
export function commentoEmbed(comments: SeedComment[], locale: string): string {
  const card = (c: SeedComment): string => {
    const hex = commentoHex(c);
    const day = new Date(`${c.publishedAt}Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
    const children = c.children.length
      ? `<div id="commento-comment-children-${hex}" class="commento-body">${c.children.map(card).join('\n')}</div>`
      : '';
    return `<div id="commento-comment-card-${hex}" class="commento-card" style="border-left: 2px solid #5c7cfa;">
<div class="commento-header"><div class="commento-options" id="commento-comment-options-${hex}"><button id="commento-comment-upvote-${hex}" class="commento-option-button commento-option-upvote" title="Upvote"></button><button id="commento-comment-reply-${hex}" class="commento-option-button commento-option-reply" title="Reply"></button></div>
<div class="commento-avatar" style="background: #5c7cfa;">${esc(c.author.slice(0, 1).toUpperCase())}</div>
<div id="commento-comment-name-${hex}" class="commento-name">${esc(c.author)}</div>
<div id="commento-comment-subtitle-${hex}" class="commento-subtitle"><div id="commento-comment-score-${hex}" class="commento-score">${c.id % 5} points</div><div id="commento-comment-timeago-${hex}" class="commento-timeago" title="${day}">${day}</div></div></div>
<div id="commento-comment-contents-${hex}"><div id="commento-comment-body-${hex}" class="commento-body"><div id="commento-comment-text-${hex}">${paragraphsHtml(c)}</div><a class="commento-permalink" href="#commento-${hex}">Permalink</a></div>
${children}</div>
</div>`;
  };
  return `<div id="commento"><div id="commento-main-area" class="commento-root commento-root-font"><div class="commento-login-box-container"></div>
<div id="commento-textarea-super-container-root"><div class="commento-textarea-container"><textarea id="commento-textarea-root" placeholder="Add a comment"></textarea></div></div>
<div id="commento-comments-area" class="commento-comments">
${comments.map(card).join('\n')}
</div><div class="commento-footer"><a href="https://commento.io">Commento</a></div></div></div>`;
}

/** Waline: `#waline`, `.wl-card-item#{id}`; every reply of a thread in the top card's `.wl-quote`. */
export function walineEmbed(comments: SeedComment[], count: number): string {
  const card = (c: SeedComment, parent: SeedComment | null, replies: string): string => `<div id="${c.id}" class="wl-card-item">
<div class="wl-user" aria-hidden="true"><img class="wl-user-avatar" src="${AVATAR}" alt=""></div>
<div class="wl-card"><div class="wl-head"><span class="wl-nick">${esc(c.author)}</span><span class="wl-time">${dayOnly(c.publishedAt)}</span>
<div class="wl-comment-actions"><button type="button" class="wl-like" title="Like">${c.id % 4}</button><button type="button" class="wl-reply" title="Reply">Reply</button></div></div>
<div class="wl-meta" aria-hidden="true"><span class="wl-browser">Chrome 120.0</span><span class="wl-os">Windows 10</span></div>
<div class="wl-content">${parent ? `<p><a href="#${parent.id}">@${esc(parent.author)}</a><span>: </span></p>` : ''}${paragraphsHtml(c)}</div>
${replies}</div>
</div>`;
  const thread = (top: SeedComment) => {
    const replies = flatReplies(top);
    return card(top, null, replies.length ? `<div class="wl-quote">${replies.map(({ reply, parent }) => card(reply, parent === top ? null : parent, '')).join('\n')}</div>` : '');
  };
  return `<div id="waline" data-waline=""><div class="wl-comment"><div class="wl-panel"><div class="wl-header item3"><div class="wl-header-item"><label for="wl-nick">Nickname</label><input id="wl-nick" class="wl-input wl-nick" name="nick" type="text"></div></div>
<textarea id="wl-edit" class="wl-editor" placeholder="Comment"></textarea><div class="wl-footer"><button type="submit" class="wl-btn primary">Submit</button></div></div></div>
<div class="wl-meta-head"><div class="wl-count"><span>${count}</span> comments</div></div>
<div class="wl-cards">
${comments.map(thread).join('\n')}
</div><div class="wl-power">Powered by <a href="https://github.com/walinejs/waline">Waline</a></div></div>`;
}

/** Twikoo: `#tcomment > .twikoo`, `.tk-comment#{id}`; every reply of a thread in the top comment's `.tk-replies`. */
export function twikooEmbed(comments: SeedComment[], count: number): string {
  const comment = (c: SeedComment, parent: SeedComment | null, replies: string): string => `<div class="tk-comment" id="${objectId(c)}">
<div class="tk-avatar"><img class="tk-avatar-img" src="${AVATAR}" alt=""></div>
<div class="tk-main"><div class="tk-row"><div class="tk-meta"><strong class="tk-nick">${esc(c.author)}</strong><span class="tk-extras"></span><small class="tk-time"><time datetime="${jsonTime(c.publishedAt)}" title="${esc(c.publishedAt.replace('T', ' '))}">${dayOnly(c.publishedAt)}</time></small></div>
<div class="tk-action"><a href="#" class="tk-action-link"><span class="tk-action-icon">♡</span><span class="tk-action-count">${c.id % 3}</span></a><a href="#" class="tk-action-link tk-reply">Reply</a></div></div>
<div class="tk-content">${parent ? `<span>Reply <a class="tk-ruser" href="#${objectId(parent)}">@${esc(parent.author)}</a> :</span>` : ''}<span>${paragraphsHtml(c)}</span></div>
<div class="tk-extras"><div class="tk-extra"><span class="tk-extra-text">Chrome 120.0</span></div></div>
${replies}</div>
</div>`;
  const thread = (top: SeedComment) => {
    const replies = flatReplies(top);
    return comment(top, null, replies.length ? `<div class="tk-replies">${replies.map(({ reply, parent }) => comment(reply, parent, '')).join('\n')}</div>` : '');
  };
  return `<div id="tcomment"><div class="twikoo"><div class="tk-admin-container"></div>
<div class="tk-submit"><div class="tk-row"><div class="tk-avatar"></div><div class="tk-col"><div class="tk-meta-input"><input placeholder="Nickname" class="el-input__inner"></div><textarea placeholder="Comment" class="el-textarea__inner"></textarea></div></div></div>
<div class="tk-comments"><div class="tk-comments-title"><span class="tk-comments-count">${count} comments</span></div>
<div class="tk-comments-container">
${comments.map(thread).join('\n')}
</div></div><div class="tk-footer">Powered by <a href="https://twikoo.js.org">Twikoo</a></div></div></div>`;
}

/** Valine: `#vcomments`, `.vcard#{objectId}`; every reply of a thread in the top card's `.vquote`, opening with `@name ,`. */
export function valineEmbed(comments: SeedComment[], count: number): string {
  const card = (c: SeedComment, parent: SeedComment | null, replies: string): string => {
    const mention = parent ? `<a class="at" href="#${objectId(parent)}">@${esc(parent.author)} </a> , ` : '';
    const body = paragraphsHtml(c).replace('<p>', () => `<p>${mention}`);
    return `<div class="vcard" id="${objectId(c)}"><img class="vimg" src="${AVATAR}" alt="">
<div class="vh"><div class="vhead"><span class="vnick">${esc(c.author)}</span> <span class="vsys">Chrome 120.0</span> <span class="vsys">Windows 10</span></div>
<div class="vmeta"><span class="vtime">${dayOnly(c.publishedAt)}</span><span class="vat" data-vm-id="${objectId(c)}" data-self-id="${objectId(c)}">Reply</span></div>
<div class="vcontent" data-expand="Read more">${body}</div><div class="vreply-wrapper" data-cid="${objectId(c)}"></div>
${replies}</div></div>`;
  };
  const thread = (top: SeedComment) => {
    const replies = flatReplies(top);
    return card(top, null, replies.length ? `<div class="vquote">${replies.map(({ reply, parent }) => card(reply, parent, '')).join('\n')}</div>` : '');
  };
  return `<div id="vcomments" class="v" data-class="v"><div class="vpanel"><div class="vwrap"><div class="vheader item3"><input name="nick" placeholder="Nickname" class="vnick vinput" type="text"></div>
<div class="vedit"><textarea id="veditor" class="veditor vinput" placeholder="Just go go"></textarea></div><div class="vrow"><div class="vcol vcol-70 text-right"><button type="button" class="vsubmit vbtn">Submit</button></div></div></div></div>
<div class="vcount"><span class="vnum">${count}</span> Comments</div>
<div class="vcards">
${comments.map(thread).join('\n')}
</div><div class="vpage txt-center"></div><div class="vpower txt-right">Powered by <a href="https://valine.js.org">Valine</a></div></div>`;
}
