import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { linkThread, ownQuery } from './thread';
import type { CommentLayout } from './types';

// The document inside `disqus.com/embed/comments/`. Keyed on ids and data-role first,
// class names second: Disqus renames classes more often than roles.
const POST = 'li.post[id^="post-"], li[id^="post-"][class*="post"]';
const POST_CONTENT = 'li[id^="post-"] > [data-role="post-content"], li[id^="post-"] > .post-content';
const REPLIES = (el: Element) => el.localName === 'ul' || el.getAttribute('data-role') === 'children';

/** A Disqus thread as its embed iframe renders it (`#post-list`). */
export const disqusEmbed: CommentLayout = {
  name: 'disqus',

  findThread(doc) {
    // WordPress themes also print li.post#post-N for article lists: insist on Disqus's own list.
    const list = doc.querySelector('#post-list, ul.post-list');
    return list?.querySelector(POST_CONTENT) ? list : null;
  },

  extract(thread, pageUrl) {
    return linkThread(thread.querySelectorAll(POST), thread, (el) => {
      const id = /^post-(\d+)$/.exec(el.id)?.[1];
      if (!id) return null;
      const own = (selector: string) => ownQuery(el, selector, REPLIES);
      const time = own('a.time-ago, [data-role="relative-time"]');
      const message = own('[data-role="message"], .post-message');
      return {
        key: `disqus:${id}`,
        kind: 'comment',
        author: textOf(own('.author a, .author, [data-role="username"]')),
        publishedAt: parseDate(time?.getAttribute('title')),
        permalink: absoluteUrl(time?.getAttribute('href'), pageUrl),
        text: message ? blockText(message) : '',
      };
    });
  },
};
