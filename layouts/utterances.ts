import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// The document inside the utterances iframe (utteranc.es/utterances.html): the comments of a
// GitHub issue, flat. Articles carry no ids; the "commented …" link in each header goes to the
// comment on GitHub (`…/issues/N#issuecomment-ID`), and that id is the key. The new-comment
// form is an article.timeline-comment too, without that link.
const COMMENT = 'article.timeline-comment';
const PERMALINK = '.comment-meta a[href*="#issuecomment-"]';
const ID = /#issuecomment-(\d+)$/;
const ROLES = { meta: ['.comment-meta'], body: ['.markdown-body'] } as const;

/** The id GitHub gives the comment, read from its header's link. */
function idOf(el: Element): string | null {
  const href = el.querySelector(PERMALINK)?.getAttribute('href');
  return href ? ID.exec(href)?.[1] ?? null : null;
}

/**
 * utterances prints no machine time: "on Jun 30, 2016" (older than about three months, in the
 * reader's locale) or "3 weeks ago". A `time` element is taken first in case a version adds one.
 */
function publishedAt(meta: Element, link: Element | null): string | null {
  const time = meta.querySelector('relative-time[datetime], time[datetime]');
  if (time) return parseDate(time.getAttribute('datetime'));
  return /\bago$/.test(link?.textContent?.trim() ?? '') ? null : parseDate(link?.textContent);
}

/** An utterances thread (GitHub issue comments) as its iframe renders it (`main.timeline`). */
export const utterances = defineLayout({
  name: 'utterances',

  findThread(doc) {
    // A live class collection, walked only as far as the first comment: this runs on every page.
    const live = doc.getElementsByClassName('timeline-comment');
    for (let i = 0, el = live[0]; el; el = live[++i]) {
      if (el.localName === 'article' && idOf(el)) return el.closest('.timeline') ?? el.parentElement;
    }
    return null;
  },

  keyOf(el) {
    const id = el.localName === 'article' && el.classList.contains('timeline-comment') ? idOf(el) : null;
    return id ? `utterances:${id}` : null;
  },

  cssSelector() {
    return null; // utterances prints no ids
  },

  locate(doc, key) {
    const link = doc.querySelector(`.comment-meta a[href$="#issuecomment-${key.slice('utterances:'.length)}"]`);
    return link?.closest(COMMENT) ?? null;
  },

  extract(thread, pageUrl) {
    return readThread(thread, toArray(thread.querySelectorAll(COMMENT)), ROLES, (_el, parts) => {
      const link = parts.meta?.querySelector('a[href*="#issuecomment-"]') ?? null;
      const id = link ? ID.exec(link.getAttribute('href') ?? '')?.[1] : undefined;
      if (!parts.meta || !id) return null; // the new-comment form
      return {
        key: `utterances:${id}`,
        kind: 'comment',
        author: textOf(parts.meta.querySelector('strong')),
        publishedAt: publishedAt(parts.meta, link),
        permalink: absoluteUrl(link!.getAttribute('href'), pageUrl),
        text: parts.body ? blockText(parts.body) : '',
      };
    });
  },
});
