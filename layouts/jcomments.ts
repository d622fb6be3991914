import { brBlockText } from './br-text';
import { foldSpace, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// JComments (Joomla): `div#comment-item-N` blocks in `#comments-list` inside `#jc`; in tree
// mode a reply list is `div.comments-list#comments-list-P`, named after the comment it answers.
const ITEM = 'div[id^="comment-item-"]';
const ITEM_ID = /^comment-item-(\d+)$/;
const LIST_ID = /^comments-list-(\d+)$/;
const ROLES = {
  author: ['.comment-author'],
  date: ['time[datetime]', '.comment-date'],
  title: ['.comment-title'],
  body: ['.comment-body'],
} as const;

// JComments prints its dates as "2011-06-02 13:28" (or the site's format, e.g. "02.06.2011 13:28").
const ISO_SPACE = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/;

/** A JComments date: its own ISO-with-a-space form, else whatever the shared parser reads. */
function readDate(el: Element | undefined): string | null {
  if (!el) return null;
  const machine = el.getAttribute('datetime');
  if (machine) return parseDate(machine);
  const text = foldSpace(el.textContent ?? '');
  const iso = ISO_SPACE.exec(text);
  return iso ? `${iso[1]}T${iso[2]}:${iso[3]}:00` : parseDate(text);
}

/** Joomla's JComments component: `#jc`, `div.comment-item-N`, `.comment-author`, `.comment-date`, `.comment-body`. */
export const jComments = defineLayout({
  name: 'jcomments',

  findThread(doc) {
    const root = doc.getElementById('jc') ?? doc.getElementById('comments-list');
    if (!root?.querySelector(ITEM)) return null;
    return root.querySelector('#comments-list') ?? root;
  },

  keyOf(el) {
    const id = el.localName === 'div' ? ITEM_ID.exec(el.id)?.[1] : undefined;
    return id ? `jcomments:${id}` : null;
  },

  cssSelector(key) {
    const id = key.slice('jcomments:'.length);
    return /^\d+$/.test(id) ? `#comment-item-${id}` : null;
  },

  locate(doc, key) {
    return doc.getElementById(`comment-item-${key.slice('jcomments:'.length)}`);
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    const elements = toArray(thread.querySelectorAll(ITEM)).filter((el) => ITEM_ID.test(el.id));
    const comments = readThread(thread, elements, ROLES, (el, parts) => {
      const id = ITEM_ID.exec(el.id)![1];
      const text = parts.body ? brBlockText(parts.body) : '';
      const title = textOf(parts.title);
      return {
        key: `jcomments:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: readDate(parts.date),
        permalink: `${page}#comment-${id}`,
        text: title && !foldSpace(text).startsWith(title) ? `${title}\n\n${text}` : text,
      };
    });
    // A reply list that sits after (not inside) its parent still names it in its id. Depths are
    // recounted in page order, since a parent found this way may itself have moved.
    const depthOf = new Map<string, number>();
    elements.forEach((el, i) => {
      const comment = comments[i];
      if (!comment.parentKey) {
        const list = el.parentElement?.closest('.comments-list');
        const parent = list && list !== thread ? LIST_ID.exec(list.id)?.[1] : undefined;
        const parentKey = parent ? `jcomments:${parent}` : null;
        if (parentKey && depthOf.has(parentKey)) comment.parentKey = parentKey;
      }
      comment.depth = comment.parentKey ? depthOf.get(comment.parentKey)! + 1 : 0;
      depthOf.set(comment.key, comment.depth);
    });
    return comments;
  },
});
