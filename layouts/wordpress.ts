import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { linkThread, ownQuery } from './thread';
import type { CommentKind, CommentLayout } from './types';

// WordPress prints every comment with comment_class() (first class = type) and an id
// `comment-N`; themes from the Twenty Ten era put `li-comment-N` on the li instead.
const TYPES = ['comment', 'pingback', 'trackback'] as const;
const ID_PREFIXES = ['comment-', 'li-comment-'];
const COMMENT_SELECTOR = TYPES.flatMap((type) =>
  ['li', 'article', 'div'].flatMap((tag) => ID_PREFIXES.map((prefix) => `${tag}.${type}[id^="${prefix}"]`)),
).join(', ');
const ID_PATTERN = /^(?:li-)?comment-(\d+)$/;

const THREAD_SELECTOR = [
  'ol.comment-list', 'ol.commentlist', 'ul.comment-list', 'ul.commentlist',
  '.wp-block-comment-template', '#comments-list', '#comments', '.comments-area',
].join(', ');

const REPLIES = (el: Element) => el.localName === 'ol' || el.localName === 'ul' || el.classList.contains('children');

const AUTHOR = '.comment-author .fn, .comment-author cite, .wp-block-comment-author-name, .comment-author, cite.fn, .fn';
const TIME = 'time[datetime]';
const DATE_TEXT = '.comment-metadata a, .commentmetadata a, .comment-meta a, .wp-block-comment-date, .comment-date';
const CONTENT = '.comment-content, .wp-block-comment-content, .comment-text, .comment-entry';
// In the xhtml format the text sits directly in div.comment-body between these.
const FURNITURE = new Set([
  'comment-author', 'comment-meta', 'commentmetadata', 'comment-metadata', 'reply', 'says',
  'comment-awaiting-moderation', 'edit-link', 'avatar', 'vcard', 'comment-reply-link',
]);
const isFurniture = (el: Element) => Array.from(el.classList).some((name) => FURNITURE.has(name));

const isRepliesOf = (el: Element) => el.classList.contains('children') || el.querySelector(COMMENT_SELECTOR) !== null;

function authorOf(el: Element | null): string | null {
  const name = el?.matches('.fn, cite, .wp-block-comment-author-name') ? el : el?.querySelector('.fn, cite, b, a') ?? el;
  return textOf(name)?.replace(/\s+(says|sagt|schreibt):?$/i, '') ?? null;
}

function commentId(el: Element): string | null {
  return ID_PATTERN.exec(el.id)?.[1] ?? null;
}

/** WordPress's own comment list: html5 and xhtml formats, block themes, custom callbacks. */
export const wordpress: CommentLayout = {
  name: 'wp',

  findThread(doc) {
    const first = doc.querySelector(COMMENT_SELECTOR);
    if (!first || !commentId(first)) return null;
    return first.closest(THREAD_SELECTOR) ?? first.parentElement;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    return linkThread(thread.querySelectorAll(COMMENT_SELECTOR), thread, (el) => {
      const id = commentId(el);
      if (!id) return null;
      const own = (selector: string) => ownQuery(el, selector, REPLIES);
      const kind = (TYPES.find((type) => el.classList.contains(type)) ?? 'comment') as CommentKind;
      const content = own(CONTENT);
      const body = content ?? own('.comment-body') ?? el;
      const link = own(`a[href*="#comment-${id}"]`);
      const time = own(TIME);
      return {
        key: `wp:${id}`,
        kind,
        author: authorOf(own(AUTHOR)),
        publishedAt: parseDate(time?.getAttribute('datetime')) ?? parseDate(own(DATE_TEXT)?.textContent),
        permalink: absoluteUrl(link?.getAttribute('href'), page) ?? `${page}#comment-${id}`,
        // Without a body wrapper the replies sit among the text: leave them out, keep text lists.
        text: blockText(body, (child) => (body === el && isRepliesOf(child)) || (!content && isFurniture(child))),
      };
    });
  },
};
