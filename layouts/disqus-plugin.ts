import { blockText, textHash, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// Server-side fallback of the Disqus WordPress plugin (disqus-wordpress 2.x): rows carry the
// WordPress comment id; the markup has no date and no permalink.
const ROW = 'li[id^="dsq-comment-"], li.pingback, li.trackback';
const ROLES = {
  author: ['[id^="dsq-author-user"]', 'cite'],
  message: ['.dsq-comment-message'],
  linkbackUrl: ['a.url'],
} as const;
const isReplies = (el: Element) => el.localName === 'ul' || el.localName === 'ol';

/** The Disqus WordPress plugin's server-rendered thread (`#dsq-comments`). */
export const disqusPlugin = defineLayout({
  name: 'disqus-wp',

  findThread(doc) {
    const thread = doc.getElementById('dsq-comments') ?? doc.getElementById('dsq-content');
    return thread?.querySelector(ROW) ? thread : null;
  },

  keyOf(el) {
    const id = el.localName === 'li' ? /^dsq-comment-(\d+)$/.exec(el.id)?.[1] : undefined;
    if (id) return `disqus-wp:${id}`;
    const linkback = el.classList.contains('pingback') ? 'pingback' : el.classList.contains('trackback') ? 'trackback' : null;
    return linkback && el.localName === 'li' ? `disqus-wp:${linkback}-${textHash(blockText(el, isReplies))}` : null;
  },

  cssSelector(key) {
    const id = key.slice('disqus-wp:'.length);
    return /^\d+$/.test(id) ? `#dsq-comment-${id}` : null;
  },

  locate(doc, key) {
    const id = key.slice('disqus-wp:'.length);
    if (/^\d+$/.test(id)) return doc.getElementById(`dsq-comment-${id}`);
    // Linkbacks have no id: find the row whose text hashes to the key.
    for (const row of Array.from(doc.querySelectorAll('#dsq-comments li.pingback, #dsq-comments li.trackback'))) {
      if (disqusPlugin.keyOf(row) === key) return row;
    }
    return null;
  },

  extract(thread) {
    return readThread(thread, toArray(thread.querySelectorAll(ROW)), ROLES, (el, parts) => {
      const id = /^dsq-comment-(\d+)$/.exec(el.id)?.[1];
      const linkback = el.classList.contains('pingback') ? 'pingback' : el.classList.contains('trackback') ? 'trackback' : null;
      if (linkback) {
        const text = blockText(el, isReplies);
        if (!text) return null;
        return {
          key: `disqus-wp:${id ?? `${linkback}-${textHash(text)}`}`,
          kind: linkback, author: textOf(parts.linkbackUrl), publishedAt: null, permalink: null, text,
        };
      }
      if (!id) return null;
      return {
        key: `disqus-wp:${id}`,
        kind: 'comment',
        author: textOf(parts.author),
        publishedAt: null,
        permalink: null,
        text: parts.message ? blockText(parts.message) : '',
      };
    });
  },
});
