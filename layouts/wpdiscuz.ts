import { blockText, parseDate, textOf } from './text';
import { linkThread, ownQuery } from './thread';
import type { CommentLayout } from './types';

// wpDiscuz v7 (`wpd-`) and v5 (`wc-`): ids `wpd-comm-{id}_{parentId}`; replies nest as child
// comment divs, so a comment's own parts are everything but those.
const COMMENT = 'div.wpd-comment[id^="wpd-comm-"], div.wc-comment[id^="wc-comm-"]';
const ID = /^w(?:pd|c)-comm-(\d+)_\d+$/;
const REPLIES = (el: Element) =>
  el.classList.contains('wpd-comment') || el.classList.contains('wc-comment') ||
  el.classList.contains('wpd-reply') || el.classList.contains('wc-reply');

/** wpDiscuz threads, both the v7 `wpd-` markup and the older v5 `wc-` markup. */
export const wpDiscuz: CommentLayout = {
  name: 'wpdiscuz',

  findThread(doc) {
    const first = doc.querySelector(COMMENT);
    return first ? first.closest('#wpd-threads, #wcThreadWrapper, #wpdcom, #wpcomm') ?? first.parentElement : null;
  },

  extract(thread, pageUrl) {
    const page = pageUrl.split('#')[0];
    return linkThread(thread.querySelectorAll(COMMENT), thread, (el) => {
      const id = ID.exec(el.id)?.[1];
      if (!id) return null;
      const own = (selector: string) => ownQuery(el, selector, REPLIES);
      const date = own('.wpd-comment-date, .wc-comment-date');
      const text = own('.wpd-comment-text, .wc-comment-text');
      return {
        key: `wpdiscuz:${id}`,
        kind: 'comment',
        author: textOf(own('.wpd-comment-author, .wc-comment-author')),
        publishedAt: parseDate(date?.getAttribute('title')) ?? parseDate(date?.textContent),
        permalink: `${page}#comment-${id}`,
        text: text ? blockText(text) : '',
      };
    });
  },
};
