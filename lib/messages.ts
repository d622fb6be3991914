import * as v from 'valibot';

// valibot: small (tree-shaken to a few KB in the background) and typed, so the schemas below are
// both the runtime check and the TypeScript types of every message.

const MAX_TEXT = 2_000_000;
const MAX_COMMENTS = 200_000;

const CommentSchema = v.strictObject({
  key: v.pipe(v.string(), v.minLength(3), v.maxLength(200)),
  parentKey: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  depth: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
  kind: v.picklist(['comment', 'pingback', 'trackback']),
  author: v.nullable(v.pipe(v.string(), v.maxLength(1_000))),
  publishedAt: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  permalink: v.nullable(v.pipe(v.string(), v.maxLength(4_000))),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
});

/** A frame (the Disqus iframe) reports the comments it found. */
export const FrameCommentsSchema = v.strictObject({
  type: v.literal('frame-comments'),
  layout: v.picklist(['wp', 'wpdiscuz', 'disqus-wp', 'disqus']),
  comments: v.pipe(v.array(CommentSchema), v.maxLength(MAX_COMMENTS)),
});

/** The top frame, just started, asks its frames to report again (they may have reported before it listened). */
export const RequestFrameCommentsSchema = v.strictObject({ type: v.literal('request-frame-comments') });

/** Every message a content script may send to the background. */
export const RequestSchema = v.variant('type', [FrameCommentsSchema, RequestFrameCommentsSchema]);

export type FrameComments = v.InferOutput<typeof FrameCommentsSchema>;
export type Request = v.InferOutput<typeof RequestSchema>;

/** The background forwards a frame's report to the tab's top frame, saying which frame it was. */
export interface FrameReport extends FrameComments {
  frameId: number;
}

/** The background asks every frame of a tab to report its comments again. */
export interface ReportComments {
  type: 'report-comments';
}

/** What the background sends to content scripts. */
export type ToContentScript = FrameReport | ReportComments;

/** Checks a message against the schemas; the first problem comes back as "path: message". */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}
