import type { ExtractedComment } from '../layouts/types';
import type { PageMetadata } from './records';

// What a content script sends is cut to these bounds before it leaves the page, and the
// background's schemas cut (never refuse) the optional fields again: a long article or a
// huge comment must not stop a coding from being saved.

/** The longest text of each optional page metadata field (the import format allows the same). */
export const METADATA_LIMITS = { title: 2_000, byline: 2_000, siteName: 500, publishedTime: 100, excerpt: 10_000 } as const;

/** The longest comment author kept. */
export const AUTHOR_LIMIT = 1_000;
/** A time or permalink longer than this is not a real one: it is dropped, not cut. */
export const PUBLISHED_AT_LIMIT = 40;
/** Longest permalink kept (a cut address would point elsewhere, so longer ones are dropped). */
export const PERMALINK_LIMIT = 4_000;

/**
 * The longest comment text a panel sends and a snapshot keeps. WordPress stores at most 65,525
 * characters per comment and Disqus fewer, so every real comment fits whole; a 10 MB "comment"
 * is cut rather than cloned through the messaging on every keypress.
 */
export const COMMENT_TEXT_LIMIT = 100_000;

// A constant here, not in messages.ts: importing a value from messages.ts keeps some of its
// module-level valibot schemas (and valibot) in the content script.
/**
 * The most comments one save-thread message carries: a thread of 10,000 is sent in parts, so no
 * part holds the background (and a press waiting behind it) long, and a part's record stays
 * small (Chromium writes a value over 64 KB to a file of its own).
 */
export const THREAD_PART_LIMIT = 200;

/** `text` cut to at most `max` characters, ending in "…" when cut, never inside a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** `text` cut to `max`, or null when it was null. */
export const cutOrNull = (text: string | null, max: number): string | null => (text === null ? null : cut(text, max));

/** `text` when it fits in `max`, else null: for values a cut would make wrong (addresses, times). */
export const fitOrNull = (text: string | null, max: number): string | null => (text !== null && text.length <= max ? text : null);

/** Page metadata with every optional field cut to its bound. */
export function boundMetadata(metadata: PageMetadata): PageMetadata {
  return {
    url: metadata.url,
    title: cutOrNull(metadata.title, METADATA_LIMITS.title),
    byline: cutOrNull(metadata.byline, METADATA_LIMITS.byline),
    siteName: cutOrNull(metadata.siteName, METADATA_LIMITS.siteName),
    publishedTime: cutOrNull(metadata.publishedTime, METADATA_LIMITS.publishedTime),
    excerpt: cutOrNull(metadata.excerpt, METADATA_LIMITS.excerpt),
    ...(metadata.commentFrame && metadata.commentFrame.length <= 4_000 && { commentFrame: metadata.commentFrame }),
  };
}

/** A comment as a message carries it: text cut to COMMENT_TEXT_LIMIT, optional fields bounded. */
export function boundComment<C extends Pick<ExtractedComment, 'author' | 'publishedAt' | 'permalink' | 'text'>>(comment: C): C {
  if (comment.text.length <= COMMENT_TEXT_LIMIT && (comment.author?.length ?? 0) <= AUTHOR_LIMIT
    && (comment.publishedAt?.length ?? 0) <= PUBLISHED_AT_LIMIT && (comment.permalink?.length ?? 0) <= PERMALINK_LIMIT) return comment;
  return {
    ...comment,
    author: cutOrNull(comment.author, AUTHOR_LIMIT),
    publishedAt: fitOrNull(comment.publishedAt, PUBLISHED_AT_LIMIT),
    permalink: fitOrNull(comment.permalink, PERMALINK_LIMIT),
    text: cut(comment.text, COMMENT_TEXT_LIMIT),
  };
}
