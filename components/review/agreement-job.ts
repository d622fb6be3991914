import type { AgreementReport } from '../../lib/agreement';

/** What the agreement worker answers: the report, and the comment text of the disagreements shown. */
export interface AgreementAnswer {
  /** The number of the request answered: only the latest is shown. */
  asked: number;
  report: AgreementReport;
  /** Comment text by `pageUrl \0 commentKey`, for the listed disagreements only. */
  excerpts: Record<string, string>;
}

/** How many disagreements the panel lists (and so how many excerpts the worker sends). */
export const SHOWN_DISAGREEMENTS = 200;
