import { COMMENT_KINDS, defineLayout, type CommentKind, type ExtractedComment } from './types';

// The copy of a thread the extension saved while it was coded, as its thread page shows it
// (entrypoints/thread): coding goes on there offline, and after the site changed or is gone.
// Unlike every other family, its keys are not its own: each comment keeps the key it had on its
// site (`disqus:…`, `wp:…`), so a coding made on the copy is the coding of that comment. Written
// by `renderSavedThread` below and read back by the layout, so the two cannot drift apart.
const THREAD = 'section[data-ca-saved-thread]';
const COMMENT = 'article[data-ca-key]';
// Detection tries this family first on every page: an id lookup costs nothing, where a query
// for the attribute walks the whole document of every page that has no saved thread.
const THREAD_ID = 'ca-saved-thread';

/** A comment as the saved copy has it. */
export type SavedComment = Pick<ExtractedComment, 'key' | 'parentKey' | 'author' | 'publishedAt' | 'permalink' | 'text'> & Partial<Pick<ExtractedComment, 'depth' | 'kind'>>;

const cssString = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** Depth from the parents, for copies whose comments do not carry it (the first level is 0). */
function depths(comments: readonly SavedComment[]): Map<string, number> {
  const parentOf = new Map(comments.map((c) => [c.key, c.parentKey]));
  const depth = new Map<string, number>();
  for (const { key } of comments) {
    let d = 0;
    for (let p = parentOf.get(key); p && d < comments.length; p = parentOf.get(p)) d++;
    depth.set(key, d);
  }
  return depth;
}

/** A time as `2025-08-08 11:52`, for callers without a locale's formatter (layouts import none). */
const plainTime = (iso: string) => iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z?$/, '$1');

/**
 * Writes the comments into `container` as the saved-thread markup, as text (never HTML): each
 * comment an article indented by its depth, with author, time, a link to it on its site, and
 * its text as it was read (`white-space: pre-wrap` keeps its paragraphs and lines). A time is
 * shown as `showTime` writes it; the layout reads back only its `datetime`.
 */
export function renderSavedThread(container: Element, comments: readonly SavedComment[], showTime: (iso: string) => string = plainTime): void {
  const doc = container.ownerDocument;
  const section = doc.createElement('section');
  section.id = THREAD_ID;
  section.setAttribute('data-ca-saved-thread', '');
  const depthOf = depths(comments);
  for (const comment of comments) {
    const article = doc.createElement('article');
    const depth = comment.depth ?? depthOf.get(comment.key) ?? 0;
    article.setAttribute('data-ca-key', comment.key);
    if (comment.parentKey) article.setAttribute('data-ca-parent', comment.parentKey);
    article.setAttribute('data-ca-depth', String(depth));
    article.setAttribute('data-ca-kind', comment.kind ?? 'comment');
    article.setAttribute('style', `margin-left: ${Math.min(depth, 8) * 2}em`);
    const header = doc.createElement('header');
    // An unknown author is said as such, in an element the layout does not read back.
    const author = doc.createElement('b');
    author.className = comment.author === null ? 'ca-no-author' : 'ca-author';
    author.textContent = comment.author ?? 'Unknown author';
    header.append(author);
    if (comment.publishedAt) {
      const time = doc.createElement('time');
      time.setAttribute('datetime', comment.publishedAt);
      time.textContent = showTime(comment.publishedAt);
      header.append(' ', time);
    }
    if (comment.permalink) {
      const link = doc.createElement('a');
      link.className = 'ca-permalink';
      link.setAttribute('href', comment.permalink);
      link.textContent = 'on the site';
      header.append(' ', link);
    }
    const text = doc.createElement('div');
    text.className = 'ca-text';
    text.setAttribute('style', 'white-space: pre-wrap');
    text.textContent = comment.text;
    article.append(header, text);
    section.append(article);
  }
  container.append(section);
}

const kindOf = (value: string | null): CommentKind => (COMMENT_KINDS as readonly string[]).includes(value ?? '') ? value as CommentKind : 'comment';

/** A saved thread on the extension's thread page. */
export const saved = defineLayout({
  name: 'saved',

  findThread(doc) {
    const section = doc.getElementById(THREAD_ID);
    return section?.matches(THREAD) ? section : null;
  },

  keyOf(el) {
    return el.matches(COMMENT) && el.parentElement?.matches(THREAD) ? el.getAttribute('data-ca-key') : null;
  },

  cssSelector(key) {
    return `${COMMENT}[data-ca-key=${cssString(key)}]`;
  },

  locate(doc, key) {
    return doc.querySelector(`${THREAD} > ${COMMENT}[data-ca-key=${cssString(key)}]`);
  },

  extract(thread) {
    return [...thread.querySelectorAll(`:scope > ${COMMENT}`)].map((el) => ({
      key: el.getAttribute('data-ca-key')!,
      parentKey: el.getAttribute('data-ca-parent'),
      depth: Number(el.getAttribute('data-ca-depth')) || 0,
      kind: kindOf(el.getAttribute('data-ca-kind')),
      author: el.querySelector('.ca-author')?.textContent ?? null,
      publishedAt: el.querySelector('time')?.getAttribute('datetime') ?? null,
      permalink: el.querySelector('.ca-permalink')?.getAttribute('href') ?? null,
      text: el.querySelector('.ca-text')?.textContent ?? '',
    }));
  },
});
