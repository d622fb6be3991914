import { brBlockText } from './br-text';
import { absoluteUrl, blockText, foldSpace, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout, type ExtractedComment } from './types';

// Blogger prints a comment's id as `c{digits}`: on the threaded `li.comment` as served, on its
// `div.comment-block` once Blogger's script has re-rendered the thread, on the classic
// `dt.comment-author`. Its permalink carries `showComment=EPOCH_MS`, the exact time.
const ID = /^c(\d+)$/;
const SHOW_COMMENT = /[?&]showComment=(\d{10,})/;
// The classic list ends the author line with a localised "said..." ("dijo...", "a dit…").
const SAID = /\s+\p{L}+\s*(?:\.\.\.|…|:)$/u;
const ROLES = {
  name: ['cite.user', 'cite'],
  when: ['.datetime', '.comment-timestamp'],
  content: ['.comment-content', '.comment-body'],
} as const;

/** The Blogger id of a threaded `li.comment`: its own id, or its comment block's. */
function threadedId(li: Element): string | null {
  const own = ID.exec(li.id)?.[1];
  if (own) return own;
  for (let child = li.firstElementChild; child; child = child.nextElementSibling) {
    if (child.classList.contains('comment-block')) return ID.exec(child.id)?.[1] ?? null;
  }
  return null;
}

/** The id of a classic row: `dt#c{id}`, or its `a[name=c{id}]` (old templates' `dt.comment-poster`). */
function classicId(dt: Element): string | null {
  return ID.exec(dt.id)?.[1] ?? ID.exec(dt.querySelector('a[name]')?.getAttribute('name') ?? '')?.[1] ?? null;
}

/** The classic list's `dt` rows that carry a comment id. */
function classicRows(list: Element): Element[] {
  return toArray(list.querySelectorAll('dt')).filter((dt) => classicId(dt) !== null);
}

/** The exact time in a Blogger permalink, else the visible date. */
function timeOf(link: Element | null | undefined, visible: string | null): string | null {
  const epoch = SHOW_COMMENT.exec(link?.getAttribute('href') ?? '')?.[1];
  if (epoch) {
    const date = new Date(Number(epoch));
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return parseDate(visible);
}

/** The classic `dd` rows (body, footer) that follow a `dt`, up to the next comment. */
function rowsAfter(dt: Element): { body: Element | null; footer: Element | null } {
  let body: Element | null = null;
  let footer: Element | null = null;
  for (let el = dt.nextElementSibling; el && el.localName !== 'dt'; el = el.nextElementSibling) {
    if (!body && el.classList.contains('comment-body')) body = el;
    else if (!footer && (el.classList.contains('comment-footer') || el.classList.contains('comment-timestamp'))) footer = el;
  }
  return { body, footer };
}

function readClassic(list: Element, page: string): ExtractedComment[] {
  return classicRows(list).map((dt) => {
    const id = classicId(dt)!;
    const { body, footer } = rowsAfter(dt);
    const link = footer?.querySelector('a[href*="showComment="]') ?? footer?.querySelector('a[href]');
    const author = foldSpace(blockText(dt, (el) => el.classList.contains('avatar-image-container'))).replace(SAID, '');
    return {
      key: `blogger:${id}`, parentKey: null, depth: 0, kind: 'comment',
      author: author || null,
      publishedAt: timeOf(link, textOf(link)),
      permalink: absoluteUrl(link?.getAttribute('href'), page) ?? `${page}#c${id}`,
      text: body ? brBlockText(body) : '',
    };
  });
}

function readThreaded(thread: Element, page: string): ExtractedComment[] {
  const elements = toArray(thread.querySelectorAll('li.comment')).filter((li) => threadedId(li) !== null);
  return readThread(thread, elements, ROLES, (el, parts) => {
    const id = threadedId(el)!;
    const link = parts.when?.querySelector('a[href]');
    return {
      key: `blogger:${id}`,
      kind: 'comment',
      author: textOf(parts.name),
      publishedAt: timeOf(link, textOf(parts.when)),
      permalink: absoluteUrl(link?.getAttribute('href'), page) ?? `${page}#c${id}`,
      text: parts.content ? brBlockText(parts.content) : '',
    };
  });
}

/** The first threaded comment on the page (as served, or as Blogger's script re-rendered it). */
function firstThreaded(doc: Document): Element | null {
  const live = doc.getElementsByClassName('comment-thread');
  for (let i = 0, thread = live[0]; thread; thread = live[++i]) {
    const li = thread.querySelector('li.comment');
    if (li && threadedId(li)) return li;
  }
  return null;
}

/** True for the classic list: a `dl` whose `dt` rows carry comment ids. */
function isClassicList(list: Element | null): list is Element {
  if (list?.localName !== 'dl') return false;
  for (let row = list.firstElementChild; row; row = row.nextElementSibling) if (row.localName === 'dt' && classicId(row)) return true;
  return false;
}

/** The key of a threaded `li.comment` or a classic row's `dt`, else null. */
function keyOfComment(el: Element): string | null {
  const id = el.localName === 'li' && el.classList.contains('comment') ? threadedId(el)
    : el.localName === 'dt' && el.parentElement?.id === 'comments-block' ? classicId(el) : null;
  return id ? `blogger:${id}` : null;
}

/** Blogger (Blogspot) comments: the threaded list (2011 onward) and the classic `dl#comments-block`. */
export const blogger = defineLayout({
  name: 'blogger',

  findThread(doc) {
    const first = firstThreaded(doc);
    if (first) return first.closest('#comment-holder, .comments-content, #comments') ?? first.parentElement;
    const list = doc.getElementById('comments-block');
    return isClassicList(list) ? list : null;
  },

  keyOf(el) {
    const key = keyOfComment(el);
    if (key) return key;
    // A classic comment's text and footer are the `dd` rows after its `dt`.
    if (el.localName === 'dd' && el.parentElement?.id === 'comments-block') {
      for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (prev.localName === 'dt') return keyOfComment(prev);
      }
    }
    return null;
  },

  cssSelector(key) {
    const id = key.slice('blogger:'.length);
    return /^\d+$/.test(id) ? `#c${id}` : null;
  },

  locate(doc, key) {
    const id = key.slice('blogger:'.length);
    if (!/^\d+$/.test(id)) return null;
    const el = doc.getElementById(`c${id}`) ?? doc.querySelector(`a[name="c${id}"]`)?.closest('dt') ?? null;
    return el?.classList.contains('comment-block') ? el.closest('li.comment') ?? el : el;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    return isClassicList(thread) ? readClassic(thread, page) : readThreaded(thread, page);
  },
});
