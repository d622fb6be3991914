import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// The document inside the giscus iframe (giscus.app/widget, giscus.app/{lang}/widget): comments
// of a GitHub Discussion. Its elements carry no ids; each header links its comment on GitHub
// (`…/discussions/N#discussioncomment-ID`), and that id is the key. Replies are one level deep.
const COMMENT = '.gsc-comment, .gsc-reply';
const HEADER = '.gsc-comment-header, .gsc-reply-header';
const PERMALINK = 'a[href*="#discussioncomment-"]';
const ID = /#discussioncomment-(\d+)$/;
const ROLES = {
  header: ['.gsc-comment-header', '.gsc-reply-header'],
  content: ['.gsc-comment-content', '.gsc-reply-content'],
} as const;

/** The comment's own header (a minimized comment has none: then not a reply's). */
function ownHeader(el: Element): Element | null {
  const header = el.querySelector(HEADER);
  return header?.closest(COMMENT) === el ? header : null;
}

/** The id GitHub gives the comment, read from the link in its header. */
function idIn(header: Element | null | undefined): string | null {
  const href = header?.querySelector(PERMALINK)?.getAttribute('href');
  return href ? ID.exec(href)?.[1] ?? null : null;
}

/** A giscus thread (GitHub Discussions) as its iframe renders it (`.gsc-timeline`). */
export const giscus = defineLayout({
  name: 'giscus',

  findThread(doc) {
    const first = doc.getElementsByClassName('gsc-comment')[0];
    return first ? first.closest('.gsc-timeline') ?? first.parentElement : null;
  },

  keyOf(el) {
    if (!el.classList.contains('gsc-comment') && !el.classList.contains('gsc-reply')) return null;
    const id = idIn(ownHeader(el));
    return id ? `giscus:${id}` : null;
  },

  cssSelector() {
    return null; // giscus prints no ids
  },

  locate(doc, key) {
    const id = key.slice('giscus:'.length);
    // A comment's text may link another comment: only a header's link names its own comment.
    for (const link of toArray(doc.querySelectorAll(`a[href$="#discussioncomment-${id}"]`))) {
      if (link.closest(HEADER)) return link.closest(COMMENT);
    }
    return null;
  },

  extract(thread, pageUrl) {
    return readThread(thread, toArray(thread.querySelectorAll(COMMENT)), ROLES, (_el, parts) => {
      const header = parts.header;
      const id = idIn(header);
      if (!header || !id) return null; // minimized: no author, no text, no link to key it by
      const time = header.querySelector('time[datetime], relative-time[datetime]');
      return {
        key: `giscus:${id}`,
        kind: 'comment',
        author: textOf(header.querySelector('.link-primary')),
        publishedAt: parseDate(time?.getAttribute('datetime')),
        permalink: absoluteUrl(header.querySelector(PERMALINK)?.getAttribute('href'), pageUrl),
        text: parts.content ? blockText(parts.content) : '',
      };
    });
  },
});
