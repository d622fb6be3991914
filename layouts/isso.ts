import { byId, parseEmbedDate } from './embed';
import { blockText, textOf } from './text';
import { idInKey, readIdThread } from './thread';
import { defineLayout } from './types';

// Isso renders into the page: `#isso-thread > #isso-root > div.isso-comment#isso-{n}`, replies
// inside their parent's `.isso-follow-up`.
const COMMENT = 'div.isso-comment[id^="isso-"]';
const ID = /^isso-(\d+)$/;
const ROLES = {
  author: ['.isso-author'],
  time: ['.isso-permalink > time', 'time[datetime]'],
  text: ['.isso-text'],
} as const;

/** Isso, the self-hosted comment server (`#isso-thread`). */
export const isso = defineLayout({
  name: 'isso',

  findThread(doc) {
    const root = doc.getElementById('isso-thread');
    return root?.querySelector(COMMENT) ? root : null;
  },

  keyOf(el) {
    const id = el.localName === 'div' && el.classList.contains('isso-comment') ? ID.exec(el.id)?.[1] : undefined;
    return id ? `isso:${id}` : null;
  },

  cssSelector(key) {
    const id = idInKey(key, 'isso', /^\d+$/);
    return id ? `#isso-${id}` : null;
  },

  locate(doc, key) {
    const id = idInKey(key, 'isso', /^\d+$/);
    return id ? doc.getElementById('isso-thread')?.querySelector(byId(`isso-${id}`)) ?? null : null;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    return readIdThread(thread, COMMENT, ID, ROLES, (id, parts) => {
      return {
        key: `isso:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseEmbedDate(parts.time?.getAttribute('datetime')),
        permalink: `${page}#isso-${id}`,
        text: parts.text ? blockText(parts.text) : '',
      };
    });
  },
});
