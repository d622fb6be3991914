import { englishDate, esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';
import { coralId, jsonTime } from './embed-page';

const STYLE = `<style>.coral-stream{font:15px/1.5 system-ui,sans-serif}.coral-comment{padding:8px 0;border-top:1px solid #e2e2e2}
[id^="coral-comments-replyList-log--"]{margin-left:24px}.coral-comment-username{font-weight:600;background:none;border:0;padding:0}
.coral-comment-timestamp{color:#65696b;margin-left:8px;font-size:13px}.coral-comment-actionBar button{background:none;border:0;color:#65696b}</style>`;

/** One Coral comment and, after it (not inside it), the log of its replies. */
export function coralComment(c: SeedComment, parent: SeedComment | null, level: number): string {
  const id = coralId(c);
  const replyTo = parent
    ? `<div class="coral coral-comment-inReplyTo"><span class="coral coral-comment-inReplyToText">In reply to</span> <span class="coral coral-comment-inReplyToUsername">${esc(parent.author)}</span></div>`
    : '';
  const replies = c.children.length
    ? `<div id="coral-comments-replyList-log--${id}" data-testid="commentReplyList-${id}" role="log" aria-live="off" class="HorizontalGutter-root">
${c.children.map((r) => `<div class="HorizontalGutter-root">${coralComment(r, c, Math.min(level + 1, 4))}</div>`).join('\n')}
</div>`
    : '';
  return `<div class="Comment-root coral coral-comment coral-reacted-0" tabindex="-1" id="comment-${id}" role="article" aria-labelledby="comment-${id}-label" data-testid="comment-${id}" data-key-stop="true">
<div class="coral coral-indent coral-indent-${level}">
<div class="coral coral-comment-topBar"><button type="button" class="coral coral-username coral-comment-username"><span>${esc(c.author)}</span></button><time class="coral coral-timestamp coral-comment-timestamp" datetime="${jsonTime(c.publishedAt)}" title="${englishDate(c.publishedAt, ', ')}">${englishDate(c.publishedAt, ', ')}</time></div>
${replyTo}<div class="coral coral-content coral-comment-content">${paragraphsHtml(c)}</div>
<div class="coral coral-comment-actionBar"><button type="button" class="coral coral-reactButton coral-comment-reactButton">Respect</button><button type="button" class="coral coral-comment-replyButton">Reply</button><button type="button" class="coral coral-comment-shareButton">Share</button><button type="button" class="coral coral-reportButton coral-comment-reportButton">Report</button></div>
</div>
</div>
${replies}`;
}

/**
 * Coral 7+ as the page holds it after its embed script ran: `#coral_thread >
 * #coral-shadow-container` with the stream in an open shadow root, written as declarative
 * shadow DOM (a browser attaches it on load; a parser keeps the template).
 */
export function coralEmbed(comments: SeedComment[], count: number): string {
  return `<div id="coral_thread">
<div id="coral-shadow-container"><template shadowrootmode="open">${STYLE}
<div id="coral" class="coral coral-stream" data-nosnippet="true">
<div class="coral coral-tabBar"><button type="button" class="coral coral-tabBar-tab coral-tabBar-comments coral-tabBar-tab-active">Comments</button></div>
<div class="coral coral-counter">${count} Comments</div>
<div class="coral coral-createComment"><div class="coral coral-rte"><div class="coral coral-rte-placeholder">Post a comment</div></div><button type="button" class="coral coral-createComment-signIn">Sign in and post</button></div>
<div id="tabPane-COMMENTS" role="tabpanel"><div id="comments-allComments-log" role="log" aria-live="off" class="HorizontalGutter-root">
${comments.map((c) => `<div class="HorizontalGutter-root">${coralComment(c, null, 0)}</div>`).join('\n')}
</div></div>
</div>
</template></div>
</div>`;
}
