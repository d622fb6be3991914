import { blockText, parseDate, textOf } from './text';
import { idInKey, readIdThread } from './thread';
import { defineLayout } from './types';

// wpDiscuz v7 (`wpd-`) and v5 (`wc-`): ids `wpd-comm-{id}_{parentId}`; replies nest as child
// comment divs inside their parent's div.
const COMMENT = 'div[id^="wpd-comm-"], div[id^="wc-comm-"]';
const ID = /^w(?:pd|c)-comm-(\d+)_\d+$/;
const ROLES = {
  author: ['.wpd-comment-author', '.wc-comment-author'],
  date: ['.wpd-comment-date', '.wc-comment-date'],
  text: ['.wpd-comment-text', '.wc-comment-text'],
} as const;

/** wpDiscuz threads, both the v7 `wpd-` markup and the older v5 `wc-` markup. */
export const wpDiscuz = defineLayout({
  name: 'wpdiscuz',

  findThread(doc) {
    // Ids first: they cost a lookup, not a walk of the page.
    const root = doc.getElementById('wpd-threads') ?? doc.getElementById('wcThreadWrapper')
      ?? doc.getElementById('wpdcom') ?? doc.getElementById('wpcomm');
    return root?.querySelector(COMMENT) ? root : null;
  },

  keyOf(el) {
    const id = el.localName === 'div' ? ID.exec(el.id)?.[1] : undefined;
    return id ? `wpdiscuz:${id}` : null;
  },

  cssSelector(key) {
    const id = idInKey(key, 'wpdiscuz', /^\d+$/);
    return id ? `#comment-${id}` : null;
  },

  locate(doc, key) {
    const id = idInKey(key, 'wpdiscuz', /^\d+$/);
    if (!id) return null;
    return doc.querySelector(`div[id^="wpd-comm-${id}_"], div[id^="wc-comm-${id}_"]`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    return readIdThread(thread, COMMENT, ID, ROLES, (id, parts) => {
      return {
        key: `wpdiscuz:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseDate(parts.date?.getAttribute('title')) ?? parseDate(parts.date?.textContent),
        permalink: `${page}#comment-${id}`,
        text: parts.text ? blockText(parts.text) : '',
      };
    });
  },
});
