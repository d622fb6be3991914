import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { readThread } from './thread';
import type { CommentKind, CommentLayout } from './types';

// WordPress prints every comment with comment_class() (first class = type) and an id
// `comment-N`; themes from the Twenty Ten era put `li-comment-N` on the li instead.
// Class selectors are the browser's fastest path; ids are checked after.
const CANDIDATES = '.comment, .pingback, .trackback';
const ID_PATTERN = /^(?:li-)?comment-(\d+)$/;
const TAGS = new Set(['li', 'article', 'div']);
const TYPES: CommentKind[] = ['comment', 'pingback', 'trackback'];

const THREAD_SELECTOR = [
  'ol.comment-list', 'ol.commentlist', 'ul.comment-list', 'ul.commentlist',
  '.wp-block-comment-template', '#comments-list', '#comments', '.comments-area',
].join(', ');

// Simple selectors only (no descendant combinators, no attribute substrings): the browser
// matches those fastest, and every selector here is tried on every element of the thread.
const ROLES = {
  name: '.fn, .wp-block-comment-author-name',
  authorBlock: '.comment-author',
  time: 'time[datetime]',
  meta: '.comment-metadata, .commentmetadata, .comment-meta, .wp-block-comment-date, .comment-date',
  content: '.comment-content, .wp-block-comment-content, .comment-text, .comment-entry',
  body: '.comment-body',
};

// In the xhtml format the text sits directly in div.comment-body between these.
const FURNITURE = new Set([
  'comment-author', 'comment-meta', 'commentmetadata', 'comment-metadata', 'reply', 'says',
  'comment-awaiting-moderation', 'edit-link', 'avatar', 'vcard', 'comment-reply-link',
]);
const isFurniture = (el: Element) => Array.from(el.classList).some((name) => FURNITURE.has(name));
const isReplies = (el: Element) => el.classList.contains('children') || el.localName === 'ol' || el.localName === 'ul';

function isComment(el: Element): boolean {
  return TAGS.has(el.localName) && TYPES.some((type) => el.classList.contains(type)) && ID_PATTERN.test(el.id);
}

/**
 * The first WordPress comment element on the page. A live class collection is walked only as
 * far as needed, so a page of thousands of comments costs no more than one with a few.
 */
function firstComment(doc: Document): Element | null {
  for (const type of TYPES) {
    const live = doc.getElementsByClassName(type);
    for (let i = 0, el = live[0]; el; el = live[++i]) if (isComment(el)) return el;
  }
  return null;
}

/** WordPress's own comment list: html5 and xhtml formats, block themes, custom callbacks. */
export const wordpress: CommentLayout = {
  name: 'wp',

  findThread(doc) {
    const first = firstComment(doc);
    return first ? first.closest(THREAD_SELECTOR) ?? first.parentElement : null;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = Array.from(thread.querySelectorAll(CANDIDATES)).filter(isComment);
    return readThread(thread, elements, ROLES, (el, parts) => {
      const id = ID_PATTERN.exec(el.id)![1];
      const body = parts.content ?? parts.body ?? el;
      const link = parts.time?.closest('a') ?? parts.meta?.querySelector('a[href]');
      const href = link?.getAttribute('href');
      return {
        key: `wp:${id}`,
        kind: TYPES.find((type) => el.classList.contains(type))!,
        author: textOf(parts.name) ?? textOf(parts.authorBlock)?.replace(/\s+(says|sagt|schreibt):?$/i, '') ?? null,
        publishedAt: parseDate(parts.time?.getAttribute('datetime')) ?? parseDate(parts.meta?.textContent),
        permalink: (href?.endsWith(`#comment-${id}`) && absoluteUrl(href, page)) || `${page}#comment-${id}`,
        // Without a body wrapper the replies sit among the text: leave them out.
        text: blockText(body, (child) => (body === el && isReplies(child)) || (!parts.content && isFurniture(child))),
      };
    });
  },
};
