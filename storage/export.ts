import Papa from 'papaparse';
import { commentSelector } from '../layouts/registry';
import { readCoderPages } from './codings';
import type { AnnotatorDB } from './schema';
import { readThreads } from './threads';
import { commentId } from '../lib/comment-id';
import { codesByVariable } from '../lib/codebook';
import { isoUtc } from '../lib/format-time';
import type { Annotation, CommentSnapshot, PageRecord, Tag, Variable } from '../lib/records';

/** The native file format: see docs/export-format.md and docs/comment-annotator.schema.json. */
export const FORMAT = 'comment-annotator';
/** The codebook file's format name (the codebook alone, to share tags in a team). */
export const CODEBOOK_FORMAT = `${FORMAT}-codebook` as const;
/** The version of both file formats this build writes and reads. */
export const FORMAT_VERSION = 1;

/** A comment as exported: the snapshot without the derived text hash. */
export type ExportedComment = Omit<CommentSnapshot, 'textHash'>;

/** A page as exported: its record without the database's count of coded comments. */
export type ExportedPage = Omit<PageRecord, 'codedCount'>;

/** What an export holds: everything, one page, or the annotations a filter showed. */
export type ExportScope = { kind: 'all' } | { kind: 'page'; url: string } | { kind: 'selection'; description: string };

/** A native export file. */
export interface NativeExport {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
  scope: ExportScope;
  codebook: Tag[];
  /** The codebook's variables (files from before variables have none: their codes form lib/codebook.ts TAGS_VARIABLE). */
  variables?: Variable[];
  pages: ExportedPage[];
  comments: ExportedComment[];
  annotations: Annotation[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a native export. Without `annotationIds` it holds every annotation in scope; the
 * pages and comments are exactly those the annotations refer to. Sorted, so two exports of
 * the same data are equal apart from `exportedAt`.
 */
export async function exportNative(db: AnnotatorDB, scope: ExportScope = { kind: 'all' }, annotationIds?: ReadonlySet<string>): Promise<NativeExport> {
  return db.transaction('r', [db.tags, db.variables, db.pages, db.codings, db.threads], async () => {
    const [codebook, variables, rows] = await Promise.all([
      db.tags.orderBy('order').toArray(),
      db.variables.orderBy('order').toArray(),
      // An empty selection (the codebook file's data) needs no annotation read.
      annotationIds?.size === 0 ? [] : scope.kind === 'page' ? readCoderPages(db, scope.url) : db.codings.toArray(),
    ]);
    const wanted = (a: Annotation) => !annotationIds || annotationIds.has(a.id);
    const coded = new Map<string, Annotation[]>();
    for (const row of rows) {
      const own = row.annotations.filter(wanted);
      if (own.length) coded.set(row.url, [...coded.get(row.url) ?? [], ...own]);
    }
    // Pages in address order, so comments sorted within each page are sorted overall.
    const pageUrls = [...coded.keys()].sort(compare);
    const threads = await readThreads(db, pageUrls);
    const annotations: Annotation[] = [];
    const comments: ExportedComment[] = [];
    for (const url of pageUrls) {
      const own = coded.get(url)!;
      annotations.push(...own);
      const keys = new Set(own.map((a) => a.commentKey));
      for (const c of (threads.get(url) ?? []).filter((c) => keys.has(c.key)).sort((a, b) => compare(a.key, b.key))) {
        comments.push({ pageUrl: c.pageUrl, key: c.key, author: c.author, publishedAt: c.publishedAt, permalink: c.permalink, parentKey: c.parentKey, text: c.text, savedAt: c.savedAt });
      }
    }
    const pages = await db.pages.bulkGet(pageUrls);
    return {
      format: FORMAT,
      version: FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      scope,
      codebook,
      variables,
      // The coded count is the database's own tally, recounted when a file is imported.
      pages: pages.filter((p): p is PageRecord => !!p).map(({ codedCount: _counted, ...page }) => page),
      comments,
      annotations: annotations.sort((a, b) => compare(a.id, b.id)),
    };
  });
}

const commentOf = (data: NativeExport) => {
  const map = new Map(data.comments.map((c) => [commentId(c.pageUrl, c.key), c]));
  return (a: Annotation) => map.get(commentId(a.pageUrl, a.commentKey));
};

/** The address whose document holds a comment's element: a Disqus comment's embed frame, else the page. */
export function targetSource(pageUrl: string, commentKey: string, commentFrame?: string | null): string {
  if (!commentKey.startsWith('disqus:')) return pageUrl;
  return commentFrame ?? `https://disqus.com/embed/comments/?base=default&t_u=${encodeURIComponent(pageUrl)}`;
}

/** Each code's variable name, by code id. */
export const variableNames = (data: Pick<NativeExport, 'variables' | 'codebook'>) =>
  new Map(codesByVariable(data.variables ?? [], data.codebook).flatMap(({ variable, codes }) => codes.map((c) => [c.id, variable.name] as const)));

const NONE_BODY = { type: 'TextualBody', purpose: 'classifying', value: 'none', id: 'urn:comment-annotator:none' } as const;

/**
 * The export as a W3C Web Annotation collection (JSON-LD). Each annotation's whole-comment
 * coding is one Annotation: each code a body with purpose `classifying` and its `variable`,
 * "no code applies" the body `none`, the note a body with purpose `commenting`; the target is
 * the document holding the comment (targetSource) refined to its element by a CSS selector and
 * its text by a TextQuoteSelector. Each coded segment is an Annotation of its own whose target
 * gives the passage twice: a TextQuoteSelector and a TextPositionSelector (code points).
 */
export function toWebAnnotations(data: NativeExport): Record<string, unknown> {
  const tagName = new Map(data.codebook.map((t) => [t.id, t.name]));
  const variableOf = variableNames(data);
  const comment = commentOf(data);
  const frameOf = new Map(data.pages.map((p) => [p.url, p.metadata?.commentFrame]));
  const codeBody = (id: string) => ({ type: 'TextualBody', purpose: 'classifying', value: tagName.get(id) ?? id, id: `urn:comment-annotator:tag:${id}`, variable: variableOf.get(id) ?? null });
  const items = data.annotations.flatMap((a) => {
    const snapshot = comment(a);
    const css = commentSelector(a.commentKey);
    const refined = (selector: Record<string, unknown>) => (css ? { type: 'CssSelector', value: css, refinedBy: selector } : selector);
    const target = (selector: unknown) => ({
      source: targetSource(a.pageUrl, a.commentKey, frameOf.get(a.pageUrl)),
      selector,
      ...(snapshot?.permalink ? { scope: snapshot.permalink } : {}),
    });
    const common = { type: 'Annotation', motivation: 'classifying', created: a.createdAt, modified: a.updatedAt, creator: { type: 'Person', nickname: a.annotator } };
    const whole = {
      id: `urn:comment-annotator:annotation:${a.id}`,
      ...common,
      body: [
        ...a.tagIds.map(codeBody),
        ...(a.none ? [NONE_BODY] : []),
        ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' }] : []),
      ],
      target: target(refined({ type: 'TextQuoteSelector', exact: snapshot?.text ?? '' })),
    };
    const segments = (a.segments ?? []).map((s) => ({
      id: `urn:comment-annotator:annotation:${a.id}:segment:${s.id}`,
      ...common,
      created: s.createdAt,
      body: [codeBody(s.tagId)],
      target: target([refined({ type: 'TextQuoteSelector', exact: s.quote }), refined({ type: 'TextPositionSelector', start: s.start, end: s.end })]),
    }));
    return [whole, ...segments];
  });
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { ca: 'urn:comment-annotator:vocab#', variable: 'ca:variable' }],
    id: `urn:comment-annotator:export:${data.exportedAt}`,
    type: 'AnnotationCollection',
    label: 'Comment Annotator export',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * CSV columns, one row per comment and whole-comment code, per coded segment (with its
 * position in code points and quote), and one for "no code applies" (`none` true), or one row
 * with an empty code for an annotation with only a note. Times are ISO 8601 UTC.
 */
export const CSV_COLUMNS = [
  'annotation_id', 'annotator', 'page_url', 'page_title', 'site', 'comment_key', 'parent_key', 'comment_author',
  'comment_published_at', 'comment_permalink', 'comment_text', 'tag', 'tag_id', 'note', 'created_at', 'updated_at',
  'variable', 'none', 'segment_start', 'segment_end', 'segment_quote',
] as const;

/** The export as CSV for spreadsheets and R: UTF-8 with a byte-order mark, RFC 4180 quoting (papaparse). */
export function toCsv(data: NativeExport): string {
  const tagName = new Map(data.codebook.map((t) => [t.id, t.name]));
  const variableOf = variableNames(data);
  const page = new Map(data.pages.map((p) => [p.url, p]));
  const comment = commentOf(data);
  const rows: string[][] = [];
  for (const a of data.annotations) {
    const c = comment(a);
    const p = page.get(a.pageUrl);
    const base = [a.id, a.annotator, a.pageUrl, p?.metadata?.title ?? '', p?.metadata?.siteName ?? new URL(a.pageUrl).hostname,
      a.commentKey, c?.parentKey ?? '', c?.author ?? '', isoUtc(c?.publishedAt), c?.permalink ?? '', c?.text ?? ''];
    const row = (id: string, tail: string[]) => rows.push([...base, id ? tagName.get(id) ?? id : '', id, a.note, isoUtc(a.createdAt), isoUtc(a.updatedAt), id ? variableOf.get(id) ?? '' : '', ...tail]);
    const none = a.none ? 'true' : 'false';
    for (const id of a.tagIds) row(id, [none, '', '', '']);
    for (const s of a.segments ?? []) row(s.tagId, [none, String(s.start), String(s.end), s.quote]);
    if (!a.tagIds.length && !a.segments?.length) row('', [none, '', '', '']);
  }
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}

/** The codebook file: an export's codebook alone, for sharing one set of tags with a team. */
export function toCodebookFile(data: Pick<NativeExport, 'exportedAt' | 'codebook'>) {
  return { format: CODEBOOK_FORMAT, version: FORMAT_VERSION, exportedAt: data.exportedAt, codebook: data.codebook };
}
