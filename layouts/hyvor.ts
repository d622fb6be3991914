import { parseEmbedDate, shadowContent } from './embed';
import { absoluteUrl, blockText, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// Hyvor Talk 3 is the `<hyvor-talk-comments>` custom element with an open shadow root: `div.comment`
// blocks without ids, nested in their parent's `.comment-replies`; the comment's id is only in its
// time link (`{talk host}/comment/{id}`), whose inner span's title is the reader's locale time.
const COMMENT = 'div.comment';
const TIME_LINK = 'a.comment-time';
const ID = /\/comment\/(\d+)(?:[/?#]|$)/;
const ROLES = {
  author: ['.comment-user-name'],
  time: [TIME_LINK],
  text: ['.comment-content'],
} as const;

/** The comment's id from its own time link (the first child holds its own parts, replies come after). */
function ownId(el: Element): string | null {
  const link = el.firstElementChild?.querySelector(TIME_LINK);
  return ID.exec(link?.getAttribute('href') ?? '')?.[1] ?? null;
}

/** The element holding the thread inside the component's shadow root. */
function findComments(doc: Document): Element | null {
  // A tag collection, answered natively: detection runs on every page.
  for (const host of toArray(doc.getElementsByTagName('hyvor-talk-comments'))) {
    for (let el = shadowContent(host)?.firstElementChild ?? null; el; el = el.nextElementSibling) {
      if (el.querySelector(COMMENT)) return el;
    }
  }
  return null;
}

/** Hyvor Talk 3 (`<hyvor-talk-comments>`, open shadow root). */
export const hyvor = defineLayout({
  name: 'hyvor',

  findThread: findComments,

  keyOf(el) {
    const id = el.localName === 'div' && el.classList.contains('comment') ? ownId(el) : null;
    return id ? `hyvor:${id}` : null;
  },

  cssSelector() {
    return null; // the comment element has no id
  },

  locate(doc, key) {
    const id = key.slice('hyvor:'.length);
    const link = /^\d+$/.test(id) ? findComments(doc)?.querySelector(`${TIME_LINK}[href$="/comment/${id}"]`) : null;
    const comment = link?.closest(COMMENT);
    return comment && ownId(comment) === id ? comment : null;
  },

  extract(thread, pageUrl) {
    return readThread(thread, toArray(thread.querySelectorAll(COMMENT)), ROLES, (_el, parts) => {
      const href = parts.time?.getAttribute('href');
      const id = ID.exec(href ?? '')?.[1];
      if (!id) return null;
      const title = parts.time?.querySelector('[title]')?.getAttribute('title') ?? parts.time?.getAttribute('title');
      return {
        key: `hyvor:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseEmbedDate(parts.time?.querySelector('time')?.getAttribute('datetime') ?? title),
        permalink: absoluteUrl(href, pageUrl),
        text: parts.text ? blockText(parts.text) : '',
      };
    });
  },
});
