import type { AgreementReport, Disagreement } from '../../lib/agreement';

/** What the review worker answers about agreement: the report, and the comment text of the disagreements shown. */
export interface AgreementAnswer {
  type: 'agreement';
  /** The database reading it was computed from (see `ReviewView.revision`). */
  revision: number;
  /** The report with only the listed disagreements (there can be hundreds of thousands). */
  report: Omit<AgreementReport, 'disagreements'> & { disagreements: ShownDisagreement[] };
  /** How many disagreements there are in all. */
  disagreements: number;
  /** Comment text by commentId (lib/comment-id.ts), for the listed disagreements only. */
  excerpts: Record<string, string>;
}

/** How many disagreements the panel lists (and so how many excerpts the review worker sends). */
export const SHOWN_DISAGREEMENTS = 200;

/** Coders beyond which a disagreement is shown as counts: a thousand names per line is unreadable, and slow to draw. */
export const NAMED_CODERS = 20;

/** A listed disagreement: who applied the tag (only up to NAMED_CODERS coders, else empty), and how many did and did not. */
export interface ShownDisagreement extends Disagreement {
  yes: number;
  no: number;
}

/** The disagreement as the panel lists it. */
export function shownDisagreement(d: Disagreement): ShownDisagreement {
  const values = Object.values(d.applied);
  const yes = values.filter(Boolean).length;
  return { ...d, applied: values.length > NAMED_CODERS ? {} : d.applied, yes, no: values.length - yes };
}
