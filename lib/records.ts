// The records every runtime passes around: the database stores them, messages carry them, the
// panel and the review page show them. Types only, so any layer may import them.
import type { LayoutName } from '../layouts/registry';

/** What the extension and the extract command keep of an article page. */
export interface PageMetadata {
  url: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  /**
   * The address of the frame that shows the page's comments when an embed does (Disqus's
   * disqus.com/embed/comments/?f=FORUM&t_u=…): exports target its comments there. Absent on
   * pages without one and on records from before it was kept.
   */
  commentFrame?: string | null;
}

/** What a codebook entry says to the coder: read while coding, exported to REFI-QDA. */
export interface CodebookGuidance {
  /** When the entry applies (inclusion rules); the definition itself is `description`. */
  include?: string;
  /** When it does not, though it may look so (exclusion rules). */
  exclude?: string;
  /** Examples, one per line. */
  examples?: string;
}

/**
 * A question the coder answers for each comment, with its codes (tags) as the answers:
 * `single` choice (one code at most: a code's key replaces the previous choice) or `multiple`.
 */
export interface Variable extends CodebookGuidance {
  id: string;
  name: string;
  kind: 'single' | 'multiple';
  description: string;
  order: number;
}

/**
 * One code of the codebook (called a tag since the first version). `hotkey` is one of HOTKEYS
 * (lib/hotkeys.ts), or null; `description` is its definition. A code belongs to a variable and
 * may nest under another code of it (`parentId`); a code with `codable: false` only groups.
 * Codebooks from before variables (schema v4) have neither field: their codes form one
 * multiple-choice variable.
 */
export interface Tag extends CodebookGuidance {
  id: string;
  name: string;
  colour: string;
  hotkey: string | null;
  description: string;
  order: number;
  variableId?: string;
  parentId?: string | null;
  codable?: boolean;
}

/**
 * A coded passage of a comment: `start`/`end` count Unicode code points of the comment's text
 * (REFI-QDA's unit, so an emoji is one), `quote` is the passage, kept to re-anchor it when the
 * text moves; a segment whose quote is no longer found is listed as not found, never dropped.
 */
export interface Segment {
  id: string;
  tagId: string;
  quote: string;
  start: number;
  end: number;
  createdAt: string;
}

/** An article page, keyed by its normalised address. */
export interface PageRecord {
  url: string;
  layout: LayoutName | null;
  metadata: PageMetadata | null;
  firstSeen: string;
  lastSeen: string;
  commentCount: number;
  /** Comments of the page coded by at least one annotator (a tag, a segment or "no code applies"). */
  codedCount: number;
}

/** A comment as it was when coding started on its page (or when it arrived later), so exports keep it even if the site deletes it. */
export interface CommentSnapshot {
  pageUrl: string;
  key: string;
  author: string | null;
  publishedAt: string | null;
  permalink: string | null;
  parentKey: string | null;
  text: string;
  textHash: string;
  savedAt: string;
}

/** What an annotation says: its tags, note, "no code applies" and segments. null = no annotation. */
export interface AnnotationState {
  tagIds: string[];
  note: string;
  none?: boolean;
  segments?: Segment[];
}

/** A version of an annotation that lost a merge (an import): kept, never dropped. */
export interface AnnotationVersion {
  tagIds: string[];
  note: string;
  none?: boolean;
  segments?: Segment[];
  annotator: string;
  updatedAt: string;
}

/** One annotator's coding of one comment. */
export interface Annotation {
  id: string;
  pageUrl: string;
  commentKey: string;
  tagIds: string[];
  note: string;
  /** Coded as "no code applies" (x): a decision, so the comment counts as coded. */
  none?: boolean;
  /** Coded passages of the comment. */
  segments?: Segment[];
  annotator: string;
  createdAt: string;
  updatedAt: string;
  /** Earlier versions that lost a merge, oldest first. */
  history?: AnnotationVersion[];
}

/**
 * One annotator's annotations of one page (the document a sync would exchange: one per coder per
 * page), kept apart from the page's comment texts (ThreadPart) so a press writes only its
 * coder's annotations: a page bundle holding both cost 8.7 ms a press with 200 tags. Stored as
 * CodingPart records.
 */
export interface CoderPage {
  url: string;
  annotator: string;
  annotations: Annotation[];
  /**
   * Counted up by every write of the panel and the review page: messages about the coder's
   * annotations carry it, so a panel can tell which of two pieces of news about one annotation
   * is the later, whatever order they arrive in.
   */
  rev: number;
}

/**
 * A record of a coder's annotations of a page (storage/coding-parts.ts): part 0, the head, holds
 * the revision and, up to SPLIT_AT annotations, all of them; past that the head is marked
 * `split` and the annotations are spread over parts 1 … BUCKETS by comment key, so a press
 * rewrites the head and one small bucket. Records, not rows per annotation, because Chromium's
 * IndexedDB pays about 60 µs per record: 100,000 annotation rows took 6 s to write.
 * `tagIds` lists the tags used in the part, so a tag's users are found by index.
 */
export interface CodingPart {
  url: string;
  annotator: string;
  part: number;
  annotations: Annotation[];
  tagIds: string[];
  /** The coder's revision of the page (the head's; 0 in buckets). */
  rev: number;
  split?: true;
}

/**
 * A part of a page's thread: snapshots of its comments, kept from when coding starts on the
 * page (the whole thread, then each comment as it arrives). Parts are only ever added (a
 * press or a new comment never rewrites the texts stored before); a comment found in two
 * parts is the one in the earlier part (ThreadPart order is `part`).
 */
export interface ThreadPart {
  url: string;
  part: number;
  comments: CommentSnapshot[];
}

/** Small settings, one row each. */
export interface Setting {
  key: string;
  value: string;
}

/** The page an annotation is made on, as the content script knows it. */
export interface PageInfo {
  url: string;
  layout: LayoutName | null;
  metadata: PageMetadata | null;
  commentCount: number;
}

/** A comment as found on the page, as its snapshot keeps it. */
export type CommentInfo = Pick<CommentSnapshot, 'key' | 'author' | 'publishedAt' | 'permalink' | 'parentKey' | 'text'>;

/**
 * The comment an annotation is about: all of it only when the page does not know its snapshot
 * to be stored yet (then the write stores it), else its key.
 */
export type CommentRef = CommentInfo | Pick<CommentInfo, 'key'>;

/**
 * What one write did: the annotation before and after it, and the coder's page record's revision
 * after it (`rev`), so a panel told of the same annotation twice keeps the later news.
 */
export interface Change {
  before: AnnotationState | null;
  after: Annotation | null;
  rev: number;
}

/** Who is annotating, and on which comment of which page. */
export interface Target {
  page: PageInfo;
  comment: CommentRef;
  annotator: string;
}

/** One annotator's annotation of one comment, named without anything else. */
export interface AnnotationKey {
  pageUrl: string;
  commentKey: string;
  annotator: string;
}

/** A file to save: its name, content (text, or bytes for a zip) and MIME type. */
export interface ExportFile {
  name: string;
  content: string | Uint8Array<ArrayBuffer>;
  type: string;
}
