import { parseEmbedDate, shadowContent } from './embed';
import { blockText, textHash, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout } from './types';

// OpenWeb (formerly Spot.IM) renders its conversation into an open shadow root on a div in
// `[data-spotim-module="conversation"]`. A comment is `div.spcv_message-stack`: its message view
// (`[data-message-id]`) first, then its replies in `ul.spcv_children-list`. Parts are marked with
// `data-spot-im-class`, which outlives OpenWeb's generated class names.
const STACK = 'div.spcv_message-stack';
const ROLES = {
  id: ['[data-message-id]'],
  author: ['[data-spot-im-class="message-username"]'],
  time: ['[data-spot-im-class="message-timestamp"]'],
  text: ['[data-spot-im-class="message-text"]'],
} as const;

/** The element holding the conversation's comments: inside the shadow root, or the module itself. */
function findConversation(doc: Document): Element | null {
  for (const module of toArray(doc.querySelectorAll('[data-spotim-module="conversation"]'))) {
    if (module.querySelector(STACK)) return module;
    for (let host = module.firstElementChild; host; host = host.nextElementSibling) {
      const content = shadowContent(host);
      for (let el = content?.firstElementChild ?? null; el; el = el.nextElementSibling) {
        if (el.querySelector(STACK)) return el;
      }
    }
  }
  return null;
}

/** The key of a stack: OpenWeb's message id, or (markup without one) a hash of author and text. */
function stackKey(id: Element | undefined, author: string | null, text: string): string {
  const messageId = id?.getAttribute('data-message-id');
  return messageId ? `openweb:${messageId}` : `openweb:comment-${textHash(`${author}\n${text}`)}`;
}

/** One stack's key from its own message view (for clicks and lookups: one comment, not the thread). */
function ownKey(stack: Element): string {
  const view = stack.firstElementChild;
  const text = view?.querySelector(ROLES.text[0]);
  const id = view?.matches(ROLES.id[0]) ? view : view?.querySelector(ROLES.id[0]);
  return stackKey(id ?? undefined, textOf(view?.querySelector(ROLES.author[0])), text ? blockText(text) : '');
}

/** OpenWeb (Spot.IM) conversations, in an open shadow root or in the page. */
export const openWeb = defineLayout({
  name: 'openweb',

  findThread: findConversation,

  keyOf(el) {
    return el.localName === 'div' && el.classList.contains('spcv_message-stack') ? ownKey(el) : null;
  },

  cssSelector(key) {
    const id = key.slice('openweb:'.length);
    return id.startsWith('comment-') ? null : `[data-message-id="${id.replace(/["\\]/g, '\\$&')}"]`;
  },

  locate(doc, key) {
    const thread = findConversation(doc);
    return thread ? toArray(thread.querySelectorAll(STACK)).find((stack) => ownKey(stack) === key) ?? null : null;
  },

  extract(thread) {
    return readThread(thread, toArray(thread.querySelectorAll(STACK)), ROLES, (_el, parts) => {
      const author = textOf(parts.author);
      const text = parts.text ? blockText(parts.text) : '';
      const time = parts.time;
      return {
        key: stackKey(parts.id, author, text),
        kind: 'comment',
        author,
        publishedAt: parseEmbedDate(time?.getAttribute('datetime') ?? time?.getAttribute('title')),
        permalink: null,
        text,
      };
    });
  },
});
