import { byId, parseEmbedDate, placeReplies, shadowContent } from './embed';
import { blockText, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// Coral >= 7 renders its stream into an open shadow root on `#coral-shadow-container` (inside
// the site's `#coral_thread`). A comment is `div.coral-comment#comment-{uuid}`; its replies are
// not inside it but in the following `#coral-comments-replyList-log--{parent uuid}`.
const COMMENT = 'div.coral-comment[id^="comment-"]';
const ID = /^comment-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const REPLY_LIST = /^coral-comments-replyList-log--(.+)$/;
const ROLES = {
  author: ['.coral-comment-username'],
  time: ['time.coral-comment-timestamp', '.coral-comment-timestamp'],
  text: ['.coral-comment-content'],
} as const;

/** The shadow root's content holding the stream, or null when the page has no Coral stream. */
function stream(doc: Document): DocumentFragment | null {
  return shadowContent(doc.getElementById('coral-shadow-container')) ?? shadowContent(doc.getElementById('coral_thread'));
}

/** The parent comment's uuid: the reply list the comment sits in names it. */
function parentId(el: Element): string | null {
  for (let up = el.parentElement; up; up = up.parentElement) {
    const id = REPLY_LIST.exec(up.id)?.[1];
    if (id) return id;
  }
  return null;
}

/** Coral Talk 7 and later, rendered into an open shadow root. */
export const coral = defineLayout({
  name: 'coral',

  findThread(doc) {
    const content = stream(doc);
    if (!content) return null;
    // The stream's outermost element: everything Coral renders, comment list and load-more buttons.
    for (let el = content.firstElementChild; el; el = el.nextElementSibling) {
      if (el.querySelector(COMMENT)) return el;
    }
    return null;
  },

  keyOf(el) {
    const id = el.localName === 'div' && el.classList.contains('coral-comment') ? ID.exec(el.id)?.[1] : undefined;
    return id ? `coral:${id}` : null;
  },

  cssSelector(key) {
    // Matches inside the stream's shadow root, where the comment is (selectors do not cross into it).
    return byId(`comment-${key.slice('coral:'.length)}`);
  },

  locate(doc, key) {
    const id = key.slice('coral:'.length);
    return ID.test(`comment-${id}`) ? stream(doc)?.querySelector(byId(`comment-${id}`)) ?? null : null;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = toArray(thread.querySelectorAll(COMMENT)).filter((el) => ID.test(el.id));
    const replyTo = new Map<string, string>();
    const comments = readThread(thread, elements, ROLES, (el, parts) => {
      const id = ID.exec(el.id)![1];
      const parent = parentId(el);
      if (parent) replyTo.set(`coral:${id}`, `coral:${parent}`);
      return {
        key: `coral:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseEmbedDate(parts.time?.getAttribute('datetime')),
        permalink: `${page}${page.includes('?') ? '&' : '?'}commentID=${id}`,
        text: parts.text ? blockText(parts.text) : '',
      };
    });
    return placeReplies(comments, replyTo);
  },
});
