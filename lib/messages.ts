import * as v from 'valibot';
import { LAYOUT_NAMES } from '../layouts/registry';
import { COMMENT_KINDS } from '../layouts/types';
import { AUTHOR_LIMIT, COMMENT_TEXT_LIMIT, cut, METADATA_LIMITS, PERMALINK_LIMIT, PUBLISHED_AT_LIMIT, THREAD_PART_LIMIT } from './bounds';
import type { Annotation, AnnotationState, Change, CommentSnapshot, Tag, Variable } from './records';
import type { StoreChange } from './changes';
import { FORWARDED_KEYS } from './hotkeys';
import { MIN_PANEL_WIDTH, PANEL_WIDTH_LIMIT } from './panel-placement';

// valibot: small (tree-shaken to a few KB in the background) and typed, so the schemas below are
// both the runtime check and the TypeScript types of every message a content script may send.

const MAX_TEXT = 2_000_000;
const MAX_COMMENTS = 200_000;
/** The most tags one set-codes may change (an undo of "no code applies" puts back every tag it took off). */
const MAX_TAGS_EDITED = 1_000;
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const key = v.pipe(v.string(), v.minLength(3), v.maxLength(300));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const LayoutSchema = v.picklist(LAYOUT_NAMES);
// Optional fields are cut to their bound, or dropped when they are no text at all: nothing
// optional may stop a coding from being saved (content scripts cut them before sending too).
const cutText = (max: number) => v.fallback(v.nullable(v.pipe(v.string(), v.transform((s) => cut(s, max)))), null);
const fitText = (max: number) => v.fallback(v.nullable(shortText(max)), null);
/** A comment's text, cut to the bound a snapshot keeps. */
const commentText = v.pipe(v.string(), v.maxLength(MAX_TEXT), v.transform((s) => cut(s, COMMENT_TEXT_LIMIT)));
/** A coded passage: code-point offsets into the comment's text, end after start. */
const SegmentSchema = v.pipe(v.strictObject({
  id,
  tagId: id,
  quote: v.pipe(v.string(), v.minLength(1), v.maxLength(COMMENT_TEXT_LIMIT)),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.maxValue(COMMENT_TEXT_LIMIT)),
  createdAt: shortText(40),
}), v.check((s) => s.end > s.start, 'end must be after start'));
/** A frame of the sender's tab that holds comments: never 0, the top document. */
const frameIdSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

const CommentSchema = v.strictObject({
  key,
  parentKey: v.nullable(key),
  depth: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
  kind: v.picklist(COMMENT_KINDS),
  author: cutText(AUTHOR_LIMIT),
  publishedAt: fitText(PUBLISHED_AT_LIMIT),
  permalink: fitText(PERMALINK_LIMIT),
  text: commentText,
});

/** A key press a frame forwards: one of the panel's keys and its modifiers. */
const KeyPressSchema = v.strictObject({ key: v.picklist(FORWARDED_KEYS), ctrlKey: v.boolean(), metaKey: v.boolean(), altKey: v.boolean(), shiftKey: v.boolean() });

/** The panel's side and width (lib/panel-placement.ts). */
const PanelPlacementSchema = v.strictObject({
  side: v.picklist(['left', 'right']),
  width: v.pipe(v.number(), v.integer(), v.minValue(MIN_PANEL_WIDTH), v.maxValue(PANEL_WIDTH_LIMIT)),
});
/** A passage the reader selected in a comment frame, with its comment's key. */
const CommentPassageSchema = v.pipe(v.strictObject({
  key,
  quote: v.pipe(v.string(), v.minLength(1), v.maxLength(COMMENT_TEXT_LIMIT)),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.maxValue(COMMENT_TEXT_LIMIT)),
}), v.check((p) => p.end > p.start, 'end must be after start'));

const PageUrlSchema = v.pipe(v.string(), v.maxLength(4_000), v.url(), v.check((u) => /^https?:/.test(u), 'must be a web address'));

/** The page a coding or a thread's comments belong to, as the content script found it. */
const PageInfoSchema = v.strictObject({
  url: PageUrlSchema,
  layout: v.nullable(LayoutSchema),
  // Metadata that is wrong as a whole (no address) is left out rather than refusing the coding.
  metadata: v.fallback(v.nullable(v.strictObject({
    url: PageUrlSchema,
    title: cutText(METADATA_LIMITS.title),
    byline: cutText(METADATA_LIMITS.byline),
    siteName: cutText(METADATA_LIMITS.siteName),
    publishedTime: cutText(METADATA_LIMITS.publishedTime),
    excerpt: cutText(METADATA_LIMITS.excerpt),
    commentFrame: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4_000), v.url()))),
  })), null),
  commentCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COMMENTS)),
});

/** A comment as its snapshot keeps it. */
const SnapshotSchema = v.strictObject({
  key,
  author: cutText(AUTHOR_LIMIT),
  publishedAt: fitText(PUBLISHED_AT_LIMIT),
  permalink: fitText(PERMALINK_LIMIT),
  parentKey: v.nullable(key),
  text: commentText,
});

const TargetSchema = v.strictObject({
  page: PageInfoSchema,
  // The whole comment only when the page does not know its snapshot stored yet; else its key.
  comment: v.union([SnapshotSchema, v.strictObject({ key })]),
});

/** Every message a content script may send to the background. */
export const RequestSchema = v.variant('type', [
  /** A frame (the Disqus iframe) reports the comments it found. */
  v.strictObject({ type: v.literal('frame-comments'), layout: LayoutSchema, comments: v.pipe(v.array(CommentSchema), v.maxLength(MAX_COMMENTS)) }),
  /** The top frame, just started, asks its frames to report again. */
  v.strictObject({ type: v.literal('request-frame-comments') }),
  /** The panel loads the codebook and this annotator's annotations of the page. */
  v.strictObject({ type: v.literal('get-page-state'), pageUrl: PageUrlSchema }),
  // Changes say the state wanted (tag on or off, the note), never "toggle": the port resends a
  // request cut off by the service worker stopping, and a resent toggle undid a stored press.
  /** Puts a tag on the comment (on: true) or takes it off; the other tags stay as stored. */
  v.strictObject({ type: v.literal('set-tag'), target: TargetSchema, tagId: id, on: v.boolean() }),
  /**
   * Changes several codes at once (a single-choice code replacing the previous choice, an undo
   * of "no code applies"): tags put on or taken off, and "no code applies" set or cleared
   * (setting it takes every tag off); what it does not name stays as stored.
   */
  v.strictObject({
    type: v.literal('set-codes'),
    target: TargetSchema,
    tags: v.pipe(v.record(id, v.boolean()), v.check((tags) => Object.keys(tags).length <= MAX_TAGS_EDITED, `at most ${MAX_TAGS_EDITED} tags`)),
    none: v.optional(v.boolean()),
  }),
  /** Sets the comment's note; the tags stay as stored. */
  v.strictObject({ type: v.literal('set-note'), target: TargetSchema, note: shortText(100_000) }),
  /** Adds coded passages to the comment and removes others (by id); the rest stays as stored. */
  v.strictObject({ type: v.literal('edit-segments'), target: TargetSchema, segments: v.strictObject({ add: v.optional(v.pipe(v.array(SegmentSchema), v.maxLength(100))), remove: v.optional(v.pipe(v.array(id), v.maxLength(100))) }) }),
  /** Coding started on the page: keep snapshots of these comments of its thread (a part of it, or comments that arrived). */
  v.strictObject({ type: v.literal('save-thread'), page: PageInfoSchema, comments: v.pipe(v.array(SnapshotSchema), v.minLength(1), v.maxLength(THREAD_PART_LIMIT)) }),
  /** The panel asks a frame to outline one of its comments, and scroll to it unless `scroll` is false (key null: to take its outline off). */
  v.strictObject({ type: v.literal('focus-comment'), frameId: frameIdSchema, key: v.nullable(key), scroll: v.optional(v.boolean()) }),
  /** A frame tells the panel that the reader clicked one of its comments. */
  v.strictObject({ type: v.literal('comment-clicked'), key }),
  /**
   * The panel sends one frame the chips to show next to its comments (each frame only its own),
   * and whether it is open: the frame forwards the reader's keys to it only then.
   */
  v.strictObject({
    type: v.literal('frame-chips'), frameId: frameIdSchema, open: v.boolean(),
    chips: v.record(key, v.pipe(v.array(v.strictObject({ name: shortText(200), colour: shortText(30) })), v.maxLength(100))),
    /** The coded passages to highlight in the frame's comments, found in their texts already. */
    highlights: v.optional(v.record(key, v.pipe(v.array(v.strictObject({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)), colour: shortText(30) })), v.maxLength(1_000)))),
  }),
  /** A frame forwards a key the reader pressed in it (a real press, not in a text field) to the open panel, with the passage selected there for a tag key. */
  v.strictObject({ type: v.literal('frame-key'), press: KeyPressSchema, passage: v.optional(CommentPassageSchema) }),
  v.strictObject({ type: v.literal('open-options') }),
  /** On a site without a known layout: the thread the reader picked there before, if any. */
  v.strictObject({ type: v.literal('get-thread-pick') }),
  /** The reader picked the thread on this site: remember it for the site. */
  v.strictObject({ type: v.literal('save-thread-pick'), pick: v.strictObject({ thread: v.pipe(shortText(500), v.minLength(1)), member: v.pipe(shortText(300), v.minLength(1)) }) }),
  /** The panel's side and width as the reader left them in this browser, if they moved it. */
  v.strictObject({ type: v.literal('get-panel-placement') }),
  /** The reader moved or narrowed the panel: keep it so for every page. */
  v.strictObject({ type: v.literal('save-panel-placement'), placement: PanelPlacementSchema }),
  /** The panel's status line: where the team project's sync stands (PanelSync), in words only. */
  v.strictObject({ type: v.literal('get-sync-status') }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;

/** Every message the extension's own pages (review, options) may send to the background. */
export const PageRequestSchema = v.variant('type', [
  /** A page that writes is open: stay running, to hear its changes and relay them to open panels. */
  v.strictObject({ type: v.literal('keep-listening') }),
]);

export type PageRequest = v.InferOutput<typeof PageRequestSchema>;
export type FrameComments = Extract<Request, { type: 'frame-comments' }>;
export type FrameChips = Extract<Request, { type: 'frame-chips' }>['chips'];
export type FrameHighlights = NonNullable<Extract<Request, { type: 'frame-chips' }>['highlights']>;
export type TargetInput = v.InferOutput<typeof TargetSchema>;
export type PageInfoInput = v.InferOutput<typeof PageInfoSchema>;
export type SnapshotInput = v.InferOutput<typeof SnapshotSchema>;
/** A target with the whole comment (what the panel keeps, to send again on undo). */
export type FullTarget = { page: PageInfoInput; comment: SnapshotInput };
export type FrameKeyPress = v.InferOutput<typeof KeyPressSchema>;
export type CommentPassage = v.InferOutput<typeof CommentPassageSchema>;

/** What the background answers to get-page-state. */
export interface PageState {
  codebook: Tag[];
  /** The codebook's variables; without them (a codebook from before variables) every code is one of TAGS_VARIABLE's. */
  variables?: Variable[];
  annotator: string;
  annotations: Annotation[];
  /** The snapshots of the annotated comments. */
  snapshots: CommentSnapshot[];
  /** The keys of every comment of the page whose snapshot is stored. */
  threadKeys: string[];
  /** The revision of this coder's record of the page these were read at. */
  rev: number;
}

/**
 * Where the team project's sync stands, as the page may know it (the answer to get-sync-status;
 * null when no project is joined): the database's name and words, never its address, user or password.
 */
export interface PanelSync {
  /** The project's database name. */
  project: string;
  /** When a round last went through (ISO time), or null before the first. */
  lastSync: string | null;
  /** Pages whose codings wait to be sent. */
  waiting: number;
  /** What went wrong in the last round, in words; null when it went through. */
  error: string | null;
}

/** What the background sends to content scripts. */
export type ToContentScript =
  | (FrameComments & { frameId: number })
  | { type: 'report-comments' }
  /** What a write in any tab or extension page changed, relayed from storage's announcement. */
  | { type: 'stored-change'; change: StoreChange }
  | { type: 'toggle-panel' }
  /** Opens the panel, or leaves it open (the popup's "Tag this page"). */
  | { type: 'open-panel' }
  | { type: 'focus-comment'; key: string | null; scroll?: boolean }
  | { type: 'comment-clicked'; key: string; frameId: number }
  | { type: 'frame-chips'; chips: FrameChips; open: boolean; highlights?: FrameHighlights }
  /** A key the reader pressed in a comment frame, for the panel's shortcuts (to the top frame). */
  | { type: 'frame-key'; press: FrameKeyPress; passage?: CommentPassage };

/** The background's answer to any request. */
export type Response<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export type { AnnotationState, Change };

/** Checks a content script's message against the schemas; the first problem comes back as "path: message". */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  return parseWith(RequestSchema, message);
}

/** Checks an extension page's message the same way. */
export function parsePageRequest(message: unknown): { ok: true; request: PageRequest } | { ok: false; error: string } {
  return parseWith(PageRequestSchema, message);
}

function parseWith<T extends typeof RequestSchema | typeof PageRequestSchema>(schema: T, message: unknown) {
  const result = v.safeParse(schema, message);
  if (result.success) return { ok: true as const, request: result.output as v.InferOutput<T> };
  // Of a union (a comment by key, or whole), the problem of its first choice: the whole comment.
  const [first] = result.issues;
  const inner = first.type === 'union' ? first.issues?.[0] : undefined;
  const issue = inner ?? first;
  const path = [v.getDotPath(first), inner && v.getDotPath(inner)].filter(Boolean).join('.');
  return { ok: false as const, error: path ? `${path}: ${issue.message}` : issue.message };
}
