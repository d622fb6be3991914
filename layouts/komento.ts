import { brBlockText } from './br-text';
import { absoluteUrl, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// Komento (Joomla): a flat `ul.kmt-list` of `li.kmt-item#kmt-N`, indented by margin; each item
// names its parent in `parentid="kmt-P"` (`data-parentid` in later versions) and its depth in
// `depth` or a `kmt-child-N` class.
const ITEM = 'li[id^="kmt-"]';
const ITEM_ID = /^kmt-(\d+)$/;
const ROLES = {
  author: ['.kmt-author'],
  time: ['time[datetime]', '.kmt-time', '.kmt-date'],
  text: ['.kmt-text', '.kmt-body'],
} as const;

/** The parent number an item names, or null for a top-level item ("0" or nothing). */
function parentNumber(el: Element): string | null {
  const value = el.getAttribute('parentid') ?? el.getAttribute('data-parentid') ?? '';
  const id = /(\d+)$/.exec(value)?.[1];
  return id && id !== '0' ? id : null;
}

/** Joomla's Komento comments: `ul.kmt-list > li.kmt-item#kmt-N`, parents by attribute. */
export const komento = defineLayout({
  name: 'komento',

  findThread(doc) {
    // An id, then a class collection: both answered without walking the page in browsers.
    const root = doc.getElementById('section-kmt') ?? doc.getElementsByClassName('kmt-list')[0];
    if (!root?.querySelector(ITEM)) return null;
    return root.querySelector('ul.kmt-list') ?? root;
  },

  keyOf(el) {
    const id = el.localName === 'li' && el.classList.contains('kmt-item') ? ITEM_ID.exec(el.id)?.[1] : undefined;
    return id ? `komento:${id}` : null;
  },

  cssSelector(key) {
    const id = key.slice('komento:'.length);
    return /^\d+$/.test(id) ? `#kmt-${id}` : null;
  },

  locate(doc, key) {
    return doc.getElementById(`kmt-${key.slice('komento:'.length)}`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = toArray(thread.querySelectorAll(ITEM)).filter((el) => ITEM_ID.test(el.id) && el.classList.contains('kmt-item'));
    const comments = readThread(thread, elements, ROLES, (el, parts) => {
      const id = ITEM_ID.exec(el.id)![1];
      const time = parts.time;
      const link = parts.time?.closest('a[href*="#kmt-"]')?.getAttribute('href');
      return {
        key: `komento:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseDate(time?.getAttribute('datetime') ?? time?.getAttribute('title')) ?? parseDate(time?.textContent),
        permalink: absoluteUrl(link, page) ?? `${page}#kmt-${id}`,
        text: parts.text ? brBlockText(parts.text) : '',
      };
    });
    // The list is flat: the parent is named, and only an earlier comment can be one.
    const depthOf = new Map<string, number>();
    elements.forEach((el, i) => {
      const parent = parentNumber(el);
      const parentKey = parent ? `komento:${parent}` : null;
      const known = parentKey !== null && depthOf.has(parentKey);
      comments[i].parentKey = known ? parentKey : null;
      comments[i].depth = known ? depthOf.get(parentKey)! + 1 : 0;
      depthOf.set(comments[i].key, comments[i].depth);
    });
    return comments;
  },
});
