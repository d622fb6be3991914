import { absoluteUrl, blockText, foldSpace, parseDate } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// Threads printed as `ul#commentlisting > li#tree_N > div.cw#comment_N` (the Slash engine's
// markup): `.commentTop` (subject, score, byline), `#comment_body_N`, replies in `ul#commtree_N`
// inside the item. Collapsed comments keep an empty `div.cw`: they have no text to read.
const ITEM = 'li[id^="tree_"]';
const ITEM_ID = /^tree_(\d+)$/;
const ROLES = {
  author: ['.by'],
  details: ['.otherdetails'],
  body: ['.commentBody'],
  subject: ['.title a[href]'],
} as const;

/** The name in a "by NAME (12345)" byline: without the "by" and the member number. */
function readAuthor(el: Element | undefined): string | null {
  const name = foldSpace((el?.textContent ?? '').replace(/^\s*by\s+/i, '').replace(/\(\d+\)\s*$/, ''));
  return name || null;
}

/** Comment trees in the `#commentlisting` / `#commtree_N` markup. */
export const commentTree = defineLayout({
  name: 'commtree',

  findThread(doc) {
    const root = doc.getElementById('commentlisting');
    return root?.querySelector(ITEM) ? root : null;
  },

  keyOf(el) {
    const id = el.localName === 'li' ? ITEM_ID.exec(el.id)?.[1] : undefined;
    return id ? `commtree:${id}` : null;
  },

  cssSelector(key) {
    const id = key.slice('commtree:'.length);
    return /^\d+$/.test(id) ? `#tree_${id}` : null;
  },

  locate(doc, key) {
    return doc.getElementById(`tree_${key.slice('commtree:'.length)}`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = toArray(thread.querySelectorAll(ITEM)).filter((el) => ITEM_ID.test(el.id));
    return readThread(thread, elements, ROLES, (el, parts) => {
      if (!parts.body) return null;
      const id = ITEM_ID.exec(el.id)![1];
      return {
        key: `commtree:${id}`,
        kind: 'comment',
        author: readAuthor(parts.author),
        // "on Tuesday July 24, 2012 @01:06PM"; pages of the current year leave the year out (no date then).
        publishedAt: parseDate(parts.details?.textContent?.replace(/\s@/, ' at ')),
        permalink: absoluteUrl(parts.subject?.getAttribute('href'), page) ?? `${page}#comment_${id}`,
        text: blockText(parts.body),
      };
    });
  },
});
