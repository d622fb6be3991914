import type { AgreementReport } from '../../lib/agreement';

/** What the review worker answers about agreement: the report, and the comment text of the disagreements shown. */
export interface AgreementAnswer {
  type: 'agreement';
  /** The database reading it was computed from (see `ReviewView.revision`). */
  revision: number;
  report: AgreementReport;
  /** Comment text by `pageUrl \0 commentKey`, for the listed disagreements only. */
  excerpts: Record<string, string>;
}

/** How many disagreements the panel lists (and so how many excerpts the review worker sends). */
export const SHOWN_DISAGREEMENTS = 200;
