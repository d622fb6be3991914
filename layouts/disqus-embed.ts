import { absoluteUrl, blockText, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// The document inside `disqus.com/embed/comments/`. Keyed on ids and data-role first,
// class names second: Disqus renames classes more often than roles.
const POST = 'li[id^="post-"]';
const POST_CONTENT = 'li[id^="post-"] > [data-role="post-content"], li[id^="post-"] > .post-content';
const ROLES = {
  author: ['.author', '[data-role="username"]'],
  time: ['[data-role="relative-time"]', 'a.time-ago'],
  message: ['[data-role="message"]', '.post-message'],
} as const;

/** A Disqus thread as its embed iframe renders it (`#post-list`). */
export const disqusEmbed = defineLayout({
  name: 'disqus',

  findThread(doc) {
    // WordPress themes also print li.post#post-N for article lists: insist on Disqus's own list.
    const list = doc.getElementById('post-list') ?? doc.getElementById('posts')?.querySelector('ul.post-list');
    return list?.querySelector(POST_CONTENT) ? list : null;
  },

  keyOf(el) {
    const id = el.localName === 'li' ? /^post-(\d+)$/.exec(el.id)?.[1] : undefined;
    return id ? `disqus:${id}` : null;
  },

  cssSelector(key) {
    return `#post-${key.slice('disqus:'.length)}`;
  },

  locate(doc, key) {
    return doc.getElementById(`post-${key.slice('disqus:'.length)}`);
  },

  extract(thread, pageUrl) {
    return readThread(thread, toArray(thread.querySelectorAll(POST)), ROLES, (el, parts) => {
      const id = /^post-(\d+)$/.exec(el.id)?.[1];
      if (!id) return null;
      return {
        key: `disqus:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: parseDate(parts.time?.getAttribute('title')),
        permalink: absoluteUrl(parts.time?.getAttribute('href'), pageUrl),
        text: parts.message ? blockText(parts.message) : '',
      };
    });
  },
});
