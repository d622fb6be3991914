import { englishDate, esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';
import { openWebId } from './embed-page';

const STYLE = `<style>.spcv_conversation{font:15px/1.5 system-ui,sans-serif}.spcv_children-list{margin-left:24px;list-style:none}
.spcv_messages-list{list-style:none;padding:0}[data-spot-im-class="message-username"]{font-weight:600}</style>`;

/** One message stack: the message view, then its replies. */
function stack(c: SeedComment): string {
  const replies = c.children.length
    ? `<ul class="spcv_children-list">${c.children.map((r) => `<li><div>${stack(r)}</div></li>`).join('\n')}</ul>`
    : '';
  return `<div class="spcv_message-stack">
<div class="components-MessageLayout-index__message-view" data-message-id="${openWebId(c)}" data-spot-im-class="message-view">
<div class="components-MessageLayout-index__header"><span class="components-Username-index__wrapper" data-spot-im-class="message-username">${esc(c.author)}</span>
<time class="components-MessageDetails-index__timestamp" data-spot-im-class="message-timestamp" title="${englishDate(c.publishedAt)}">${englishDate(c.publishedAt, ' ')}</time></div>
<div class="components-MessageContent-index__text" data-spot-im-class="message-text">${paragraphsHtml(c)}</div>
<div class="components-MessageActions-index__actions"><button type="button" aria-label="Reply">Reply</button><button type="button" aria-label="Vote Up"><span class="components-MessageActions-components-VoteButtons-index__votesCounter">${c.id % 9}</span></button></div>
</div>
${replies}</div>`;
}

/**
 * OpenWeb as the page holds it once its launcher ran: the conversation module with an open
 * shadow root (declarative here) holding the message stacks.
 */
export function openWebEmbed(comments: SeedComment[], count: number, postId: string): string {
  return `<div id="comments"><div data-spotim-module="conversation" data-post-id="${esc(postId)}">
<div data-spot-im-shadow-host="" data-labels-section=""><template shadowrootmode="open">${STYLE}
<div class="spcv_conversation" data-spot-im-class="conversation">
<div class="spcv_conversation-header"><span data-spot-im-class="comments-count">${count} Comments</span><button id="spotim-sort-by" type="button">Sort by Best</button></div>
<ul class="spcv_messages-list">
${comments.map((c) => `<li><article class="spcv_root-message"><div>${stack(c)}</div></article></li>`).join('\n')}
</ul>
<button type="button" aria-label="Show more comments">Show More Comments</button>
</div>
</template></div>
</div></div>`;
}
