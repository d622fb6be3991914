import { documentHtml, esc, linkList } from '../html';
import type { SeedComment, SeedPage } from '../model';

// Ids in each embed's own scheme, derived from the seed's invented ids (tests/unit/helpers.ts
// expects the same).

/** A Coral comment id: a uuid. */
export const coralId = (c: SeedComment) => `${c.id.toString(16).padStart(8, 'c')}-7e11-4a2b-9c3d-${c.id.toString(16).padStart(12, '0')}`;
/** A Commento comment hex: 64 hex digits. */
export const commentoHex = (c: SeedComment) => `9f${c.id.toString(16).padStart(62, '0')}`;
/** A LeanCloud / MongoDB object id (Valine, Twikoo): 24 hex digits. */
export const objectId = (c: SeedComment) => `5f3a${c.id.toString(16).padStart(20, '0')}`;

/** ISO time with zone, as `Date.toJSON` prints it. */
export const jsonTime = (iso: string) => `${iso}.000Z`;
/** "2013-10-11", the date the Chinese-origin embeds print for comments older than a week. */
export const dayOnly = (iso: string) => iso.slice(0, 10);

/** Every reply under a top comment, at any depth, in thread order, with the comment it answers. */
export function flatReplies(top: SeedComment): { reply: SeedComment; parent: SeedComment }[] {
  const out: { reply: SeedComment; parent: SeedComment }[] = [];
  const visit = (parent: SeedComment) => parent.children.forEach((reply) => {
    out.push({ reply, parent });
    visit(reply);
  });
  visit(top);
  return out;
}

const CSS = `body{max-width:740px;margin:0 auto;font:17px/1.65 system-ui,sans-serif;color:#222;padding:20px}
.site-head{display:flex;justify-content:space-between;border-bottom:1px solid #ddd}.comments-area{margin-top:40px}`;

/** A small independent blog or news site carrying a comment embed: a family, not a site. */
export function embedPage(page: SeedPage, url: string, seed: string, o: { site: string; lang: string; embed: string; head?: string }): string {
  const origin = new URL(url).origin;
  return documentHtml({
    lang: o.lang, title: page.title, url, siteName: o.site, publishedAt: page.publishedAt, byline: page.byline,
    bodyClass: 'post-template', css: CSS, seed,
    body: `<header class="site-head"><a class="site-title" href="${origin}/">${esc(o.site)}</a><nav><a href="/tags/">Tags</a> <a href="/about/">About</a></nav></header>
<main><article class="post"><h1 class="post-title">${esc(page.title)}</h1><p class="post-meta">${esc(page.byline)}</p>
<div class="post-content">${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div></article>
${o.head ?? ''}<section class="comments-area">
${o.embed}
</section>
${linkList('related', 'Related posts', ['Xperia 1 VII review', 'Sony’s camera app explained', 'Android 16 on Xperia'], '/posts/')}
</main>`,
  });
}
/** An OpenWeb message id: `sp_{spot}_c_{message}`. */
export const openWebId = (c: SeedComment) => `sp_Xk2mQ9aB_c_${c.id.toString(36)}`;
