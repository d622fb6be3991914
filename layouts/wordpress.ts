import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout, type CommentKind } from './types';

// WordPress prints every comment with comment_class() (first class = type) and an id
// `comment-N`; themes from the Twenty Ten era put `li-comment-N` on the li instead.
// Class selectors are the browser's fastest path; tags and ids are checked after.
const CANDIDATES = '.comment, .pingback, .trackback';
const ID_PATTERN = /^(?:li-)?comment-(\d+)$/;
const TAGS = new Set(['li', 'article', 'div']);
const TYPES: CommentKind[] = ['comment', 'pingback', 'trackback'];

const THREAD_SELECTOR = [
  'ol.comment-list', 'ol.commentlist', 'ul.comment-list', 'ul.commentlist',
  '.wp-block-comment-template', '#comments-list', '#comments', '.comments-area',
].join(', ');

// Simple selectors only: every selector costs a pass over the thread, and compound ones cost more.
const ROLES = {
  name: ['.fn', '.wp-block-comment-author-name', '.comment-author'],
  when: ['time[datetime]', '.comment-metadata', '.commentmetadata', '.wp-block-comment-date', '.comment-meta', '.comment-date'],
  // div.comment-body holds the text directly in the xhtml format, among the furniture below.
  content: ['.comment-content', '.wp-block-comment-content', '.comment-text', '.comment-entry', '.comment-body'],
} as const;

// In the xhtml format the text sits directly in div.comment-body between these.
const FURNITURE = new Set([
  'comment-author', 'comment-meta', 'commentmetadata', 'comment-metadata', 'reply', 'says',
  'comment-awaiting-moderation', 'edit-link', 'avatar', 'vcard', 'comment-reply-link',
]);
const isFurniture = (el: Element) => Array.from(el.classList).some((name) => FURNITURE.has(name));
const SAYS = /\s+(says|sagt|schreibt):?$/i;
const isReplies = (el: Element) => el.classList.contains('children') || el.localName === 'ol' || el.localName === 'ul';

/** For elements that already carry a comment type class: the right tag and a comment id. */
function isComment(el: Element): boolean {
  return TAGS.has(el.localName) && ID_PATTERN.test(el.id);
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
export const wordpress = defineLayout({
  name: 'wp',

  findThread(doc) {
    const first = firstComment(doc);
    return first ? first.closest(THREAD_SELECTOR) ?? first.parentElement : null;
  },

  keyOf(el) {
    return TYPES.some((type) => el.classList.contains(type)) && isComment(el) ? `wp:${ID_PATTERN.exec(el.id)![1]}` : null;
  },

  cssSelector(key) {
    return `#comment-${key.slice('wp:'.length)}`;
  },

  locate(doc, key) {
    const id = key.slice('wp:'.length);
    return doc.getElementById(`li-comment-${id}`) ?? doc.getElementById(`comment-${id}`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    // Linkbacks are rare; without them one class collection holds every comment, in order.
    const linkbacks = thread.getElementsByClassName('pingback').length + thread.getElementsByClassName('trackback').length;
    const candidates = linkbacks ? thread.querySelectorAll(CANDIDATES) : thread.getElementsByClassName('comment');
    const elements = toArray(candidates).filter(isComment);
    return readThread(thread, elements, ROLES, (el, parts) => {
      const id = ID_PATTERN.exec(el.id)![1];
      const body = parts.content ?? el;
      const wrapped = body !== el && !body.classList.contains('comment-body');
      const when = parts.when;
      const isTime = when?.localName === 'time';
      const href = (when?.closest('a') ?? when?.querySelector('a[href]'))?.getAttribute('href');
      return {
        key: `wp:${id}`,
        kind: TYPES.find((type) => el.classList.contains(type))!,
        author: textOf(parts.name)?.replace(SAYS, '') ?? null,
        publishedAt: isTime ? parseDate(when.getAttribute('datetime')) : parseDate(when?.textContent),
        permalink: (href?.endsWith(`#comment-${id}`) && absoluteUrl(href, page)) || `${page}#comment-${id}`,
        // Without a wrapper the text sits among the author line, date, reply link (and, with no
        // body at all, the replies): leave those out.
        text: wrapped ? blockText(body) : blockText(body, (child) => isFurniture(child) || (body === el && isReplies(child))),
      };
    });
  },
});
