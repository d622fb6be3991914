import * as v from 'valibot';
import { LAYOUT_NAMES } from '../layouts/registry';
import { HOTKEYS } from '../lib/hotkeys';
import { CODEBOOK_FORMAT, FORMAT } from './export';

// The native format's schema (docs/comment-annotator.schema.json says the same for other tools).
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const timestamp = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be an ISO 8601 UTC time'));
const webUrl = v.pipe(v.string(), v.maxLength(4_000), v.regex(/^https?:\/\/[^\s]+$/, 'must be a web address (http or https)'));
const id = v.pipe(v.string(), v.regex(/^[\w.:-]{1,100}$/, 'must be 1–100 letters, digits or . _ : -'));
const key = v.pipe(v.string(), v.minLength(3), v.maxLength(300));

const name = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100));
const order = v.pipe(v.number(), v.integer());
/** What a codebook entry says to the coder besides its definition (lib/records.ts CodebookGuidance). */
const guidance = { include: v.optional(text(10_000)), exclude: v.optional(text(10_000)), examples: v.optional(text(10_000)) };

/** One code of a file's codebook (the fields after `order` came with variables; older files lack them). */
export const TagSchema = v.strictObject({
  id,
  name,
  colour: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb')),
  hotkey: v.nullable(v.picklist(HOTKEYS)),
  description: text(2_000),
  order: v.pipe(order, v.minValue(0)),
  variableId: v.optional(id),
  parentId: v.optional(v.nullable(id)),
  codable: v.optional(v.boolean()),
  ...guidance,
});

/** One variable of a file's codebook. */
export const VariableSchema = v.strictObject({
  id,
  name,
  kind: v.picklist(['single', 'multiple']),
  description: text(2_000),
  order,
  ...guidance,
});
const variables = v.optional(v.pipe(v.array(VariableSchema), v.maxLength(1_000)));

const SegmentSchema = v.strictObject({
  id,
  tagId: id,
  quote: text(100_000),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  createdAt: timestamp,
});
const coding = { none: v.optional(v.boolean()), segments: v.optional(v.pipe(v.array(SegmentSchema), v.maxLength(1_000))) };

const PageSchema = v.strictObject({
  url: webUrl,
  layout: v.nullable(v.picklist(LAYOUT_NAMES)),
  metadata: v.nullable(v.strictObject({
    url: webUrl, title: v.nullable(text(2_000)), byline: v.nullable(text(2_000)), siteName: v.nullable(text(500)),
    publishedTime: v.nullable(text(100)), excerpt: v.nullable(text(10_000)),
  })),
  firstSeen: timestamp,
  lastSeen: timestamp,
  commentCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** One exported comment snapshot. */
export const CommentSchema = v.strictObject({
  pageUrl: webUrl,
  key,
  author: v.nullable(text(1_000)),
  publishedAt: v.nullable(text(40)),
  permalink: v.nullable(text(4_000)),
  parentKey: v.nullable(key),
  text: text(2_000_000),
  savedAt: timestamp,
});

const VersionSchema = v.strictObject({ tagIds: v.array(id), note: text(100_000), ...coding, annotator: text(200), updatedAt: timestamp });

/** One exported annotation. */
export const AnnotationSchema = v.strictObject({
  id,
  pageUrl: webUrl,
  commentKey: key,
  tagIds: v.pipe(v.array(id), v.maxLength(100)),
  note: text(100_000),
  ...coding,
  annotator: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  createdAt: timestamp,
  updatedAt: timestamp,
  history: v.optional(v.pipe(v.array(VersionSchema), v.maxLength(1_000))),
});

export const NativeExportSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: v.literal(1),
  exportedAt: timestamp,
  scope: v.variant('kind', [
    v.strictObject({ kind: v.literal('all') }),
    v.strictObject({ kind: v.literal('page'), url: webUrl }),
    v.strictObject({ kind: v.literal('selection'), description: text(1_000) }),
  ]),
  codebook: v.pipe(v.array(TagSchema), v.maxLength(1_000)),
  variables,
  pages: v.pipe(v.array(PageSchema), v.maxLength(1_000_000)),
  comments: v.pipe(v.array(CommentSchema), v.maxLength(2_000_000)),
  annotations: v.pipe(v.array(AnnotationSchema), v.maxLength(2_000_000)),
});

export const CodebookFileSchema = v.strictObject({
  format: v.literal(CODEBOOK_FORMAT),
  version: v.literal(1),
  exportedAt: timestamp,
  codebook: v.pipe(v.array(TagSchema), v.maxLength(1_000)),
  variables,
});

/** "annotations[12].tagIds[0]" from a valibot issue's path. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).reduce((path, item) =>
    typeof item.key === 'number' ? `${path}[${item.key}]` : path ? `${path}.${String(item.key)}` : String(item.key), '');
}

/** A checked import, or the first problem with its path. */
export type Checked<T> = { ok: true; data: T } | { ok: false; error: string };
