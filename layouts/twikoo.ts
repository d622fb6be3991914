import { defineIdEmbed } from './embed';

/**
 * Twikoo renders into the page: `div.tk-comment#{id}`, replies (every depth) in the top
 * comment's `.tk-replies`, each text opening with "Reply <a class="tk-ruser" href="#{parentId}">@name</a>:".
 */
export const twikoo = defineIdEmbed({
  name: 'twikoo',
  mounts: ['tcomment'],
  rootSelector: 'div.twikoo',
  comment: 'div.tk-comment',
  roles: {
    author: ['.tk-nick'],
    time: ['.tk-time time[datetime]', '.tk-time'],
    text: ['.tk-content'],
    replyTo: ['.tk-content a.tk-ruser[href^="#"]'],
  },
  date: (time) => time.getAttribute('datetime') ?? time.getAttribute('title') ?? time.textContent,
  mention: 'wrapper',
});
