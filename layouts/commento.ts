import { parseEmbedDate } from './embed';
import { blockText, textOf } from './text';
import { idInKey, readIdThread } from './thread';
import { defineLayout } from './types';

// Commento (and Commento++) render into the page: `#commento` holds
// `div.commento-card#commento-comment-card-{hex}`; replies sit in the card's
// `#commento-comment-children-{hex}`. The time's title is the reader's locale date, no time.
const COMMENT = 'div[id^="commento-comment-card-"]';
const ID = /^commento-comment-card-([0-9a-z]+)$/;
const ROLES = {
  author: ['.commento-name', '[id^="commento-comment-name-"]'],
  time: ['.commento-timeago'],
  text: ['[id^="commento-comment-text-"]', '[id^="commento-comment-body-"]'],
} as const;
const isPermalink = (el: Element) => el.classList.contains('commento-permalink');

/** Commento and Commento++ threads (`#commento`). */
export const commento = defineLayout({
  name: 'commento',

  findThread(doc) {
    const root = doc.getElementById('commento');
    return root?.querySelector(COMMENT) ? root : null;
  },

  keyOf(el) {
    const id = el.localName === 'div' ? ID.exec(el.id)?.[1] : undefined;
    return id ? `commento:${id}` : null;
  },

  cssSelector(key) {
    const id = idInKey(key, 'commento', /^[0-9a-z]+$/);
    return id ? `#commento-comment-card-${id}` : null;
  },

  locate(doc, key) {
    const id = idInKey(key, 'commento', /^[0-9a-z]+$/);
    return id ? doc.getElementById(`commento-comment-card-${id}`) : null;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    return readIdThread(thread, COMMENT, ID, ROLES, (id, parts) => {
      return {
        key: `commento:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseEmbedDate(parts.time?.getAttribute('title')),
        permalink: `${page}#commento-${id}`,
        text: parts.text ? blockText(parts.text, isPermalink) : '',
      };
    });
  },
});
