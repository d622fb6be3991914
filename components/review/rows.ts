import { commentId } from '../../lib/comment-id';
import { isCoded } from '../../lib/edits';
import type { Annotation, CommentSnapshot, PageRecord } from '../../lib/records';

/** One annotation with the comment and page it is about: a row of the review table. */
export interface ReviewRow {
  annotation: Annotation;
  comment: CommentSnapshot | undefined;
  page: PageRecord | undefined;
  site: string;
}

/** The review table's filter. Empty strings mean "any". */
export interface ReviewFilter {
  tagId: string;
  site: string;
  pageUrl: string;
  annotator: string;
  from: string;
  to: string;
  text: string;
}

export const NO_FILTER: ReviewFilter = { tagId: '', site: '', pageUrl: '', annotator: '', from: '', to: '', text: '' };

export type SortKey = 'page' | 'author' | 'published' | 'updated' | 'annotator';

/** Joins annotations with their comments and pages. */
export function joinRows(annotations: Annotation[], snapshots: CommentSnapshot[], pages: PageRecord[]): ReviewRow[] {
  const comment = new Map(snapshots.map((s) => [commentId(s.pageUrl, s.key), s]));
  const page = new Map(pages.map((p) => [p.url, p]));
  // One URL parse per page, not per annotation (a page can hold a million).
  const sites = new Map<string, string>();
  const siteOf = (url: string) => {
    let site = sites.get(url);
    if (site === undefined) sites.set(url, (site = new URL(url).hostname));
    return site;
  };
  return annotations.map((annotation) => ({
    annotation,
    comment: comment.get(commentId(annotation.pageUrl, annotation.commentKey)),
    page: page.get(annotation.pageUrl),
    site: siteOf(annotation.pageUrl),
  }));
}

/**
 * Whether the code is on the comment as a whole or on one of its passages: what the CSV (a row
 * per passage) and the units CSV (storage/export-units.ts) count as coded with it.
 */
const hasCode = (a: Annotation, tagId: string) => a.tagIds.includes(tagId) || !!a.segments?.some((s) => s.tagId === tagId);

/** The rows the filter lets through, sorted. Dates compare on the annotation's last change (YYYY-MM-DD). */
export function filterRows(rows: ReviewRow[], filter: ReviewFilter, sort: { key: SortKey; descending: boolean }): ReviewRow[] {
  const needle = filter.text.trim().toLowerCase();
  const out = rows.filter(({ annotation: a, comment, site }) =>
    // '-' is "No tag (note only)": not coded at all, so not "no code applies" nor a coded passage.
    (!filter.tagId || (filter.tagId === '-' ? !isCoded(a) : hasCode(a, filter.tagId)))
    && (!filter.site || site === filter.site)
    && (!filter.pageUrl || a.pageUrl === filter.pageUrl)
    && (!filter.annotator || a.annotator === filter.annotator)
    && (!filter.from || a.updatedAt.slice(0, 10) >= filter.from)
    && (!filter.to || a.updatedAt.slice(0, 10) <= filter.to)
    && (!needle || (comment?.text ?? '').toLowerCase().includes(needle) || a.note.toLowerCase().includes(needle) || (comment?.author ?? '').toLowerCase().includes(needle)));
  const value = (row: ReviewRow): string => {
    switch (sort.key) {
      case 'page': return `${row.page?.metadata?.title ?? row.annotation.pageUrl}\u0000${row.annotation.commentKey}`;
      case 'author': return (row.comment?.author ?? '').toLowerCase();
      case 'published': return row.comment?.publishedAt ?? '';
      case 'updated': return row.annotation.updatedAt;
      case 'annotator': return row.annotation.annotator;
    }
  };
  const keyed = out.map((row) => [value(row), row] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) * (sort.descending ? -1 : 1));
  return keyed.map(([, row]) => row);
}

/** How many coders the progress table shows side by side: a page of a thousand coders would be a thousand columns. */
export const CODERS_SHOWN = 20;

/**
 * Tag counts for the charts: overall, and per page (the first 50 pages), with each page's
 * comment count (null: not known) and how many comments each coder coded there, for the first
 * CODERS_SHOWN coders by name (`coders`) of `coderCount`.
 */
export interface ChartData {
  overall: Record<string, number>;
  perPage: { url: string; title: string; counts: Record<string, number>; comments: number | null; coded: Record<string, number> }[];
  coders: string[];
  coderCount: number;
}

/** Tag counts of the shown rows, as the charts draw them, and each coder's coded comments per page. */
export function chartData(rows: readonly ReviewRow[]): ChartData {
  const overall: Record<string, number> = {};
  const perPage = new Map<string, ChartData['perPage'][number]>();
  const allCoders = new Set<string>();
  for (const { annotation: a, page } of rows) {
    let entry = perPage.get(a.pageUrl);
    if (!entry) perPage.set(a.pageUrl, (entry = { url: a.pageUrl, title: page?.metadata?.title ?? a.pageUrl, counts: {}, comments: page?.commentCount ?? null, coded: {} }));
    if (isCoded(a)) {
      entry.coded[a.annotator] = (entry.coded[a.annotator] ?? 0) + 1;
      allCoders.add(a.annotator);
    }
    for (const id of a.tagIds) {
      overall[id] = (overall[id] ?? 0) + 1;
      entry.counts[id] = (entry.counts[id] ?? 0) + 1;
    }
  }
  const coders = [...allCoders].sort().slice(0, CODERS_SHOWN);
  const shown = [...perPage.values()].slice(0, 50).map((p) => ({ ...p, coded: Object.fromEntries(coders.filter((c) => c in p.coded).map((c) => [c, p.coded[c]])) }));
  return { overall, perPage: shown, coders, coderCount: allCoders.size };
}
