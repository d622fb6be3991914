import { defineIdEmbed } from './embed';

/**
 * Valine renders into the page: `div.vcard#{id}`, replies (every depth) in the top comment's
 * `.vquote`, each text opening with `<a class="at" href="#{parentId}">@name </a> , `.
 */
export const valine = defineIdEmbed({
  name: 'valine',
  mounts: ['vcomments'],
  rootSelector: 'div.v[data-class="v"]',
  comment: 'div.vcard',
  roles: {
    author: ['.vnick'],
    time: ['.vtime'],
    text: ['.vcontent'],
    replyTo: ['.vcontent a.at[href^="#"]'],
  },
  date: (time) => time.getAttribute('datetime') ?? time.textContent,
  mention: 'link',
  tidy: (text) => text.replace(/^\s*,\s*/, ''),
});
