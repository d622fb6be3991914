import { brBlockText } from './br-text';
import { foldSpace, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// JomComment (Joomla): `div#pc_N` blocks in `#jc_commentsDiv`, each with a subject the reader
// wrote (`.jc_comment_title`), a byline "written by NAME, DATE" and `.comment-text`. Flat.
const ITEM = 'div[id^="pc_"]';
const ITEM_ID = /^pc_(\d+)$/;
const ROLES = {
  title: ['.jc_comment_title'],
  byline: ['.small', '.jc_comment_info'],
  text: ['.comment-text'],
} as const;
const WRITTEN_BY = /^\s*(?:written by|geschrieben von)\s+(.+?),\s*([^,]*\d.*)$/i;

/** Name and date from the byline: the linked name if any, else the words before the last comma. */
function readByline(el: Element | undefined): { author: string | null; date: string | null } {
  const line = foldSpace(el?.textContent ?? '');
  const match = WRITTEN_BY.exec(line);
  const link = el?.querySelector('a');
  return {
    author: textOf(link) ?? match?.[1] ?? null,
    date: parseDate(match?.[2] ?? line),
  };
}

/** Joomla's JomComment component: `#jc_commentsDiv > div#pc_N`, subject, byline and text. */
export const jomComment = defineLayout({
  name: 'jomcomment',

  findThread(doc) {
    const root = doc.getElementById('jc_commentsDiv');
    return root?.querySelector(ITEM) ? root : null;
  },

  keyOf(el) {
    const id = el.localName === 'div' ? ITEM_ID.exec(el.id)?.[1] : undefined;
    return id ? `jomcomment:${id}` : null;
  },

  cssSelector(key) {
    const id = key.slice('jomcomment:'.length);
    return /^\d+$/.test(id) ? `#pc_${id}` : null;
  },

  locate(doc, key) {
    return doc.getElementById(`pc_${key.slice('jomcomment:'.length)}`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = toArray(thread.querySelectorAll(ITEM)).filter((el) => ITEM_ID.test(el.id));
    return readThread(thread, elements, ROLES, (el, parts) => {
      const id = ITEM_ID.exec(el.id)![1];
      const text = parts.text ? brBlockText(parts.text) : '';
      // "..." is the subject readers leave when they write none.
      const title = textOf(parts.title)?.replace(/^(?:\.+|…)$/, '');
      const { author, date } = readByline(parts.byline);
      return {
        key: `jomcomment:${id}`,
        kind: 'comment',
        author,
        publishedAt: date,
        permalink: `${page}#comment-${id}`,
        text: title && !foldSpace(text).startsWith(title) ? `${title}\n\n${text}` : text,
      };
    });
  },
});
