/** The kinds of entry a thread row can be; pingbacks and trackbacks are not reader comments. */
export const COMMENT_KINDS = ['comment', 'pingback', 'trackback'] as const;

/** What kind of entry a thread row is. */
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** One comment as a unit, read from a page. */
export interface ExtractedComment {
  /** Stable across visits, prefixed by the layout family: `wp:123`, `disqus:2870000012`. */
  key: string;
  parentKey: string | null;
  depth: number;
  kind: CommentKind;
  author: string | null;
  /** ISO 8601, or null when the markup has no machine-readable time. */
  publishedAt: string | null;
  permalink: string | null;
  /** The comment's own text: paragraphs separated by a blank line, lines by a newline. */
  text: string;
}

/**
 * One family of comment markup: how to find its thread, and how to read it. `name` is also the
 * prefix of the keys it produces; the list of names is derived from the registry (layouts/registry.ts).
 */
export interface CommentLayout<N extends string = string> {
  readonly name: N;
  /** The element holding the whole thread, or null when the page has none of this family. */
  findThread(doc: Document): Element | null;
  /** The comments inside the thread, in document (thread) order. */
  extract(thread: Element, pageUrl: string): ExtractedComment[];
  /**
   * Optional: the comments in subtrees added to the thread after every comment read so far, as
   * `extract` would read them (same keys, parents and depths), in thread order; null when only a
   * read of the whole thread can tell (the caller then calls `extract`). Lets late comments cost
   * what the batch costs, not what the thread costs.
   */
  extractAdded?(thread: Element, added: AddedSubtrees, pageUrl: string): ExtractedComment[] | null;
  /** The key of `el` when it is one of this layout's comment elements, else null. */
  keyOf(el: Element): string | null;
  /** The element of the comment with this key (a key this layout made), or null. */
  locate(doc: Document, key: string): Element | null;
  /** A CSS selector for the comment's element (for W3C exports), or null when it has no id. */
  cssSelector(key: string): string | null;
}

/** Subtrees added to a thread that was read before, as a layout's `extractAdded` is given them. */
export interface AddedSubtrees {
  /** The added elements, in document order, none inside another, all after the last comment read. */
  roots: readonly Element[];
  /**
   * The comments read before that an added subtree can be inside: the last one and the comments
   * around it, nearest first (a later subtree is inside no other comment read before).
   */
  open: readonly ExtractedComment[];
  /** Whether a comment with this key was read before (an added comment must be new). */
  known(key: string): boolean;
}

/** Declares a layout family, keeping its name as a literal type so the registry can list every name. */
export function defineLayout<const N extends string>(layout: CommentLayout<N>): CommentLayout<N> {
  return layout;
}
