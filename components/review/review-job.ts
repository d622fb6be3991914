import type { AgreementAnswer } from './agreement-job';
import type { ChartData, ReviewFilter, ReviewRow, SortKey } from './rows';
import type { Tag, Variable } from '../../lib/records';

/** What the review page asks its worker: the rows `start`..`end` of the table under this filter and sort, or the ids it shows. */
export type ReviewRequest =
  | { type: 'view'; asked: number; filter: ReviewFilter; sort: { key: SortKey; descending: boolean }; start: number; end: number }
  | { type: 'ids'; asked: number };

/** What the review page is shown: counts, chart data, filter choices and one window of rows. */
export interface ReviewView {
  type: 'view';
  asked: number;
  /** Counts up each time the database was read afresh: the agreement panel follows it. */
  revision: number;
  total: number;
  shown: number;
  start: number;
  rows: ReviewRow[];
  codebook: Tag[];
  /** The codebook's variables: a single-choice one's code put on in the table replaces its other. */
  variables: Variable[];
  charts: ChartData;
  options: { sites: string[]; pages: [string, string][]; annotators: string[] };
  /** Blind coding: the only annotator shown (a coder's own), or null when everyone's are. */
  onlyAnnotator: string | null;
}

/** The worker's answers: a view, the agreement report, the ids of every shown row, or how far the reading got. */
export type ReviewAnswer = ReviewView | AgreementAnswer | { type: 'ids'; asked: number; ids: string[] } | { type: 'progress'; phase: string };
