import { AVATAR, esc, paragraphsHtml } from '../html';
import type { SeedComment } from '../model';

/** The made-up repository the embeds keep their threads in. */
export const REPO = 'example-blogger/blog-comments';

/** A seed author as a GitHub login: logins have no spaces ("Reader 1" becomes "Reader-1"). */
export const githubLogin = (author: string) => author.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'ghost';

/** A seed's local time as GitHub's API gives it (UTC, seconds, "Z"). */
export const githubTime = (iso: string) => `${iso}Z`;

/** A comment's text as GitHub renders Markdown: paragraphs marked `dir="auto"`, line breaks kept. */
export const githubBody = (c: SeedComment) => paragraphsHtml(c).replaceAll('<p>', '<p dir="auto">');

/** The avatar image both embeds print before a login. */
export const avatar = (login: string, size: number, cls: string) =>
  `<img${cls ? ` class="${cls}"` : ''} src="${AVATAR}" width="${size}" height="${size}" alt="@${esc(login)}" loading="lazy">`;
