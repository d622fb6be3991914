import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { restoreRemoved } from '../../storage/annotations';
import { deleteAnnotation } from '../../storage/codings';
import type { AnnotatorDB } from '../../storage/schema';
import { Charts } from './Charts';
import { AgreementPanel } from './AgreementPanel';
import { ExchangePanel } from './ExchangePanel';
import { FilterBar } from './FilterBar';
import { NO_FILTER, type ReviewFilter, type SortKey } from './rows';
import type { AgreementAnswer } from './agreement-job';
import type { ReviewAnswer, ReviewRequest, ReviewView } from './review-job';
import { ReviewTable } from './ReviewTable';
import type { Annotation } from '../../lib/records';
import { TIMINGS } from '../../lib/timings';

/** Rows asked for beyond the drawn window, so a short scroll needs no new answer. */
const MARGIN = 100;

/** The review page: every annotation in one table, with filters, charts, agreement, export and import. */
export function ReviewApp({ db }: { db: AnnotatorDB }) {
  // The rows are read, joined, filtered, sorted and counted by a worker (a million would freeze
  // the tab); the page holds only the window it draws. The worker follows storage's announcements.
  const worker = useRef<Worker | null>(null);
  const asked = useRef(0);
  const askedIds = useRef(0);
  const idsWaiting = useRef(new Map<number, (ids: string[]) => void>());
  const [view, setView] = useState<ReviewView | null>(null);
  const [phase, setPhase] = useState('reading');
  const [agreement, setAgreement] = useState<AgreementAnswer | null>(null);
  const [filter, setFilter] = useState<ReviewFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'page', descending: false });
  const [range, setRange] = useState({ first: 0, last: 50 });
  const [undo, setUndo] = useState<Annotation | null>(null);
  // Removing takes the row's ✕ with it: the focus goes to Undo (as on the options page), and
  // from Undo, which goes too, to the table, so a keyboard user never lands on the page's start.
  const undoButton = useRef<HTMLButtonElement>(null);
  const table = useRef<HTMLDivElement>(null);
  useEffect(() => undoButton.current?.focus(), [undo]);
  useEffect(() => {
    const w = new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ReviewAnswer>) => {
      const answer = event.data;
      if (answer.type === 'progress') setPhase(answer.phase);
      else if (answer.type === 'agreement') setAgreement(answer);
      else if (answer.type === 'ids') {
        idsWaiting.current.get(answer.asked)?.(answer.ids);
        idsWaiting.current.delete(answer.asked);
      } else if (answer.asked === asked.current) {
        setView(answer);
        setPhase('ready');
      }
    };
    worker.current = w;
    return () => w.terminate();
  }, []);
  const post = (request: ReviewRequest) => worker.current?.postMessage(request);
  useEffect(() => {
    post({ type: 'view', asked: ++asked.current, filter, sort, start: Math.max(0, range.first - MARGIN), end: range.last + MARGIN });
  }, [filter, sort, range]);
  // A new window is asked for only when the drawn rows leave the one at hand.
  const viewRef = useRef(view);
  viewRef.current = view;
  const onRange = useCallback((first: number, last: number) => {
    const v = viewRef.current;
    if (v && first >= v.start && last <= v.start + v.rows.length) return;
    setRange({ first, last });
  }, []);
  const shownIds = () => new Promise<string[]>((resolve) => {
    const id = ++askedIds.current;
    idsWaiting.current.set(id, resolve);
    post({ type: 'ids', asked: id });
  });
  // The first table on screen, timed from navigation for npm run bench (lib/timings.ts).
  useLayoutEffect(() => {
    if (view) performance.mark(TIMINGS.reviewShown);
  }, [!view]);

  if (!view) return <main class="review"><p role="status" data-testid="review-loading" data-phase={phase}>Loading annotations… ({phase})</p></main>;
  const remove = async (annotation: Annotation) => {
    await deleteAnnotation(db, annotation);
    setUndo(annotation);
  };
  return (
    <main class="review" data-testid="review" data-rows={view.shown} data-total={view.total} data-blind={view.onlyAnnotator === null ? undefined : 'own'}>
      <header class="review-head">
        <h1>Comment Annotator — review</h1>
        <p>{view.shown === view.total ? `${view.total} annotations` : `${view.shown} of ${view.total} annotations`}
          {phase !== 'ready' && <span role="status" data-testid="review-updating" data-phase={phase}> · updating ({phase})…</span>}</p>
        {view.onlyAnnotator !== null && <p data-testid="review-blind">Blind coding: on — you see only your own codings.</p>}
      </header>
      <FilterBar options={view.options} codebook={view.codebook} filter={filter} onFilter={setFilter} />
      {undo && (
        <p class="toast" role="status">
          Annotation removed. <button type="button" data-testid="undo-remove" ref={undoButton} onClick={() => {
            void restoreRemoved(db, undo, view.codebook.map((t) => t.id));
            table.current?.querySelector<HTMLElement>('.ca-scroller')?.focus();
            setUndo(null);
          }}>Undo</button>
        </p>
      )}
      <div ref={table}>
        {view.total === 0 ? (
          <p class="empty">No annotations yet. Tag comments on an article page, or import a file below.</p>
        ) : (
          <ReviewTable db={db} count={view.shown} start={view.start} rows={view.rows} onRange={onRange} codebook={view.codebook} variables={view.variables} sort={sort} onSort={setSort} onRemove={(a) => void remove(a)} />
        )}
      </div>
      <div class="panels">
        <Charts data={view.charts} codebook={view.codebook} />
        <AgreementPanel db={db} answer={agreement} current={agreement?.revision === view.revision} codebook={view.codebook} />
        {/* Blind coding: an export holds only the shown codings, never others' merged here before. */}
        <ExchangePanel db={db} shown={view.shown} shownIds={shownIds} filtered={view.shown !== view.total || view.onlyAnnotator !== null} />
      </div>
    </main>
  );
}
