import type { AgreementReport, Disagreement } from '../../lib/agreement';
import type { Annotation, CommentSnapshot, Segment } from '../../lib/records';

/** What the review worker answers about agreement: the figures, and the disagreements listed. */
export interface AgreementAnswer {
  type: 'agreement';
  /** The database reading it was computed from (see `ReviewView.revision`). */
  revision: number;
  report: Omit<AgreementReport, 'disagreements'>;
  /** The listed disagreements, those without a consensus first (there can be hundreds of thousands). */
  disagreements: ShownDisagreement[];
  /** How many disagreements there are in all, and how many have a consensus coding. */
  total: number;
  resolved: number;
}

/** How many disagreements the panel lists (and so how many the review worker sends). */
export const SHOWN_DISAGREEMENTS = 200;

/** Coders beyond which a disagreement is shown as counts: a thousand columns are unreadable, and slow to draw. */
export const NAMED_CODERS = 20;

/** One coder's coding as the side-by-side view shows it (and as a resolution copies it). */
export interface ShownCoding {
  annotator: string;
  tagIds: string[];
  none: boolean;
  segments: Segment[];
}

/** A listed disagreement, with what names the comment: page title, author, text, address. */
export interface ShownDisagreement extends Omit<Disagreement, 'codings' | 'consensus'> {
  title: string;
  author: string | null;
  text: string | null;
  /** Where the comment is read: its permalink, else its page. */
  href: string;
  coders: number;
  /** Every coder's coding, up to NAMED_CODERS coders; else empty and `counts` says it. */
  codings: ShownCoding[];
  /** Per code, how many of the coders have it (on the comment or a passage). */
  counts: Record<string, number>;
  consensus: ShownCoding | null;
}

const shownCoding = (a: Annotation): ShownCoding => ({ annotator: a.annotator, tagIds: a.tagIds, none: !!a.none, segments: a.segments ?? [] });

/** The disagreement as the panel lists it. */
export function shownDisagreement(d: Disagreement, comment: CommentSnapshot | undefined, title: string | undefined): ShownDisagreement {
  const counts: Record<string, number> = {};
  for (const a of d.codings) for (const id of new Set([...a.tagIds, ...(a.segments ?? []).map((s) => s.tagId)])) counts[id] = (counts[id] ?? 0) + 1;
  return {
    pageUrl: d.pageUrl, commentKey: d.commentKey, variableIds: d.variableIds, segmentTagIds: d.segmentTagIds,
    title: title ?? d.pageUrl, author: comment?.author ?? null, text: comment?.text ?? null, href: comment?.permalink ?? d.pageUrl,
    coders: d.codings.length,
    codings: d.codings.length > NAMED_CODERS ? [] : d.codings.map(shownCoding),
    counts,
    consensus: d.consensus && shownCoding(d.consensus),
  };
}

/** The disagreements to list: those still without a consensus coding first, each group in report order. */
export function listed(disagreements: readonly Disagreement[]): Disagreement[] {
  const open = disagreements.filter((d) => !d.consensus);
  return [...open.slice(0, SHOWN_DISAGREEMENTS), ...disagreements.filter((d) => d.consensus).slice(0, SHOWN_DISAGREEMENTS - Math.min(open.length, SHOWN_DISAGREEMENTS))];
}
