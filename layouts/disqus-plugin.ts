import { blockText, textHash, textOf } from './text';
import { linkThread, ownQuery } from './thread';
import type { CommentLayout } from './types';

// Server-side fallback of the Disqus WordPress plugin (disqus-wordpress 2.x): rows carry the
// WordPress comment id; the markup has no date and no permalink.
const ROW = 'li[id^="dsq-comment-"], li.pingback, li.trackback';
const REPLIES = (el: Element) => el.localName === 'ul' || el.localName === 'ol';

/** The Disqus WordPress plugin's server-rendered thread (`#dsq-comments`). */
export const disqusPlugin: CommentLayout = {
  name: 'disqus-wp',

  findThread(doc) {
    const thread = doc.querySelector('#dsq-comments') ?? doc.querySelector('#dsq-content');
    return thread?.querySelector(ROW) ? thread : null;
  },

  extract(thread) {
    return linkThread(thread.querySelectorAll(ROW), thread, (el) => {
      const own = (selector: string) => ownQuery(el, selector, REPLIES);
      const linkback = el.classList.contains('pingback') ? 'pingback' : el.classList.contains('trackback') ? 'trackback' : null;
      if (linkback) {
        const text = blockText(el, REPLIES);
        if (!text) return null;
        const id = /^dsq-comment-(\d+)$/.exec(el.id)?.[1];
        return {
          key: `disqus-wp:${id ?? `${linkback}-${textHash(text)}`}`,
          kind: linkback,
          author: textOf(own('a.url, a')),
          publishedAt: null,
          permalink: null,
          text,
        };
      }
      const id = /^dsq-comment-(\d+)$/.exec(el.id)?.[1];
      if (!id) return null;
      const message = own('.dsq-comment-message, .dsq-comment-body');
      return {
        key: `disqus-wp:${id}`,
        kind: 'comment',
        author: textOf(own('[id^="dsq-author-user"], cite')),
        publishedAt: null,
        permalink: null,
        text: message ? blockText(message) : '',
      };
    });
  },
};
