import { agreementReport } from '../../lib/agreement';
import { commentId } from '../../lib/comment-id';
import { readEverything } from '../../storage/codings';
import { followChanges } from '../../storage/changes';
import { shownAnnotator } from '../../storage/project';
import { AnnotatorDB } from '../../storage/schema';
import { chartData, filterRows, joinRows, type ReviewRow } from './rows';
import { listed, shownDisagreement } from './agreement-job';
import { reviewFollows } from './review-follows';
import type { ReviewAnswer, ReviewRequest, ReviewView } from './review-job';
import type { ChartData } from './rows';
import type { Tag, Variable } from '../../lib/records';

// The review page's data lives here, not on the page: one page record of a million annotations
// takes over a second to read and more to join, sort, count and measure agreement on, which would freeze the tab. The
// page receives only what it draws. Storage announces every write, in any context, to this worker too.
const scope = self as unknown as { postMessage(message: ReviewAnswer): void; onmessage: ((event: MessageEvent<ReviewRequest>) => void) | null };
const db = new AnnotatorDB();

let data: { rows: ReviewRow[]; codebook: Tag[]; variables: Variable[]; options: ReviewView['options']; revision: number; onlyAnnotator: string | null } | null = null;
let shown: { key: string; rows: ReviewRow[]; charts: ChartData } | null = null;
let last: Extract<ReviewRequest, { type: 'view' }> | null = null;

function answer(request: Extract<ReviewRequest, { type: 'view' }>): void {
  if (!data) return;
  const key = JSON.stringify([data.revision, request.filter, request.sort]);
  if (shown?.key !== key) {
    scope.postMessage({ type: 'progress', phase: 'sorting' });
    const rows = filterRows(data.rows, request.filter, request.sort);
    shown = { key, rows, charts: chartData(rows) };
  }
  scope.postMessage({
    type: 'view', asked: request.asked, revision: data.revision, total: data.rows.length, shown: shown.rows.length,
    start: request.start, rows: shown.rows.slice(request.start, request.end), codebook: data.codebook, variables: data.variables, charts: shown.charts, options: data.options,
    onlyAnnotator: data.onlyAnnotator,
  });
}

/**
 * The codebook's variables. Their table comes with schema v5 (the codebook's variables); in a
 * database without it every code reads as one multiple-choice 'Tags' variable (lib/codebook.ts).
 */
function readVariables(): Promise<Variable[]> {
  const table = db.tables.find((t) => t.name === 'variables');
  return table ? (table.toArray() as Promise<Variable[]>) : Promise.resolve([]);
}

let revision = 0;
followChanges(db, async () => {
  scope.postMessage({ type: 'progress', phase: 'reading' });
  const [everything, pages, codebook, variables, onlyAnnotator] = await Promise.all([readEverything(db), db.pages.toArray(), db.tags.orderBy('order').toArray(), readVariables(), shownAnnotator(db)]);
  // Blind coding: a coder sees only their own codings, also those of others merged before it began.
  const annotations = onlyAnnotator === null ? everything.annotations : everything.annotations.filter((a) => a.annotator === onlyAnnotator);
  return { annotations, comments: everything.comments, pages, codebook, variables, onlyAnnotator };
}, ({ annotations, comments, pages, codebook, variables, onlyAnnotator }) => {
  scope.postMessage({ type: 'progress', phase: 'joining' });
  const rows = joinRows(annotations, comments, pages);
  const pageTitles = new Map<string, string>();
  for (const r of rows) if (!pageTitles.has(r.annotation.pageUrl)) pageTitles.set(r.annotation.pageUrl, r.page?.metadata?.title ?? r.annotation.pageUrl);
  const options = {
    sites: [...new Set(rows.map((r) => r.site))].sort(),
    pages: [...pageTitles.entries()],
    annotators: [...new Set(annotations.map((a) => a.annotator))].sort(),
  };
  const rev = ++revision;
  data = { rows, codebook, variables, options, revision: rev, onlyAnnotator };
  if (last) answer(last);
  // Agreement (about a second for a million) comes after the table's answer, and after any
  // request that came meanwhile; a newer reading makes it moot.
  setTimeout(() => {
    if (data?.revision !== rev) return;
    const { disagreements, ...report } = agreementReport(annotations, codebook, variables);
    const shown = listed(disagreements);
    const wanted = new Set(shown.map((d) => commentId(d.pageUrl, d.commentKey)));
    const pagesWanted = new Set(shown.map((d) => d.pageUrl));
    const snapshots = new Map<string, (typeof comments)[number]>();
    for (const c of comments) {
      if (!pagesWanted.has(c.pageUrl)) continue;
      const key = commentId(c.pageUrl, c.key);
      if (wanted.has(key)) snapshots.set(key, c);
    }
    // Only the listed disagreements cross to the page: copying them all could stall it.
    scope.postMessage({
      type: 'agreement', revision: rev, report, total: disagreements.length, resolved: disagreements.filter((d) => d.consensus).length,
      disagreements: shown.map((d) => shownDisagreement(d, snapshots.get(commentId(d.pageUrl, d.commentKey)), pageTitles.get(d.pageUrl))),
    });
  }, 0);
}, reviewFollows(db, () => data?.onlyAnnotator));

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'view') {
    last = request;
    answer(request);
  } else if (request.type === 'ids') {
    scope.postMessage({ type: 'ids', asked: request.asked, ids: (shown?.rows ?? []).map((r) => r.annotation.id) });
  }
};
