import { defineIdEmbed } from './embed';

/**
 * Waline renders into the page: `div.wl-card-item#{id}`, replies (every depth) in the top
 * comment's `.wl-quote`, each opening with `<p><a href="#{parentId}">@name</a>: </p>`.
 */
export const waline = defineIdEmbed({
  name: 'waline',
  mounts: ['waline'],
  rootSelector: '[data-waline]',
  comment: 'div.wl-card-item',
  roles: {
    author: ['.wl-nick'],
    time: ['.wl-time'],
    text: ['.wl-content'],
    replyTo: ['.wl-content > p:first-child > a[href^="#"]:first-child'],
  },
  date: (time) => time.getAttribute('datetime') ?? time.textContent,
  mention: 'wrapper',
});
