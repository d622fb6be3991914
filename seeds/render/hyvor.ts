import { esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';

const STYLE = `<style>.comment-replies{margin-left:24px}.comment-user-name{font-weight:600}.comment-time{color:#777;margin-left:8px}</style>`;

/** "11.10.2013, 14:20:00": `Date.toLocaleString()` for a German reader. */
const germanLocaleTime = (iso: string) => new Date(`${iso}Z`).toLocaleString('de-DE', { timeZone: 'UTC' });

/** One Hyvor Talk comment: its own parts, then its replies. */
function comment(c: SeedComment, talkHost: string): string {
  return `<div class="comment"><div class="comment-inside">
<div class="comment-side"><div class="profile-picture"></div></div>
<div class="comment-main"><div class="comment-tags"></div>
<div class="comment-meta"><span class="comment-user-name"><span class="user-name">${esc(c.author)}</span></span><a class="comment-time" href="${talkHost}/comment/${c.id}" target="_blank"><span title="${germanLocaleTime(c.publishedAt)}">vor 12 Jahren</span></a></div>
<div class="comment-content">${paragraphsHtml(c)}</div>
<div class="comment-actions"><div class="votes"><button type="button" class="vote-up">${c.id % 6}</button></div></div>
</div></div>
<div class="comment-replies">${c.children.map((r) => comment(r, talkHost)).join('\n')}</div>
</div>`;
}

/** Hyvor Talk 3: `<hyvor-talk-comments>` with its open shadow root written as declarative shadow DOM. */
export function hyvorEmbed(comments: SeedComment[], count: number, pageId: string): string {
  const talkHost = 'https://talk.hyvor.com';
  return `<hyvor-talk-comments website-id="9352" page-id="${esc(pageId)}"><template shadowrootmode="open">${STYLE}
<div id="root"><div class="main-box"><div class="comments-header"><span class="comments-count">${count} Kommentare</span></div>
<div class="comments-list">
${comments.map((c) => comment(c, talkHost)).join('\n')}
</div></div></div>
</template></hyvor-talk-comments>`;
}
