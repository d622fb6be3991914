import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { restoreRemoved } from '../../storage/annotations';
import { deleteAnnotation, readEverything } from '../../storage/bundles';
import type { Annotation, AnnotatorDB, Tag } from '../../storage/schema';
import { tellPanels } from '../../lib/tell-panels';
import { useLiveQuery } from '../useLiveQuery';
import { Charts } from './Charts';
import { AgreementPanel } from './AgreementPanel';
import { ExchangePanel } from './ExchangePanel';
import { FilterBar } from './FilterBar';
import { filterRows, joinRows, NO_FILTER, type ReviewFilter, type SortKey } from './rows';
import { ReviewTable } from './ReviewTable';

interface Data {
  annotations: Annotation[];
  rows: ReturnType<typeof joinRows>;
  codebook: Tag[];
}

/** The review page: every annotation in one table, with filters, charts, agreement, export and import. */
export function ReviewApp({ db }: { db: AnnotatorDB }) {
  // While an import writes, the table waits: reading the database in the middle would only
  // hold the page up (a million annotations take seconds to read), and it reads once after.
  const [importing, setImporting] = useState(false);
  const data = useLiveQuery<Data | null>(async () => {
    const [{ annotations, comments }, pages, codebook] = await Promise.all([
      readEverything(db), db.pages.toArray(), db.tags.orderBy('order').toArray(),
    ]);
    return { annotations, rows: joinRows(annotations, comments, pages), codebook };
  }, [], null, importing);
  const [filter, setFilter] = useState<ReviewFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'page', descending: false });
  const [undo, setUndo] = useState<Annotation | null>(null);
  const visible = useMemo(() => (data ? filterRows(data.rows, filter, sort) : []), [data, filter, sort]);
  // Milliseconds from navigation to the first table on screen, for npm run bench.
  const root = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (data && root.current && !root.current.dataset.renderMs) root.current.dataset.renderMs = performance.now().toFixed(0);
  }, [data]);

  if (!data) return <main class="review"><p>Loading annotations…</p></main>;
  const remove = async (annotation: Annotation) => {
    await deleteAnnotation(db, annotation);
    tellPanels(annotation);
    setUndo(annotation);
  };
  return (
    <main ref={root} class="review" data-testid="review" data-rows={visible.length} data-total={data.rows.length}>
      <header class="review-head">
        <h1>Comment Annotator — review</h1>
        <p>{visible.length === data.rows.length ? `${data.rows.length} annotations` : `${visible.length} of ${data.rows.length} annotations`}</p>
      </header>
      <FilterBar rows={data.rows} codebook={data.codebook} filter={filter} onFilter={setFilter} />
      {undo && (
        <p class="toast" role="status">
          Annotation removed. <button type="button" data-testid="undo-remove" onClick={() => { void restoreRemoved(db, undo, data.codebook.map((t) => t.id)).then(() => tellPanels(undo)); setUndo(null); }}>Undo</button>
        </p>
      )}
      {data.rows.length === 0 ? (
        <p class="empty">No annotations yet. Tag comments on an article page, or import a file below.</p>
      ) : (
        <ReviewTable db={db} rows={visible} codebook={data.codebook} sort={sort} onSort={setSort} onRemove={(a) => void remove(a)} />
      )}
      <div class="panels">
        <Charts rows={visible} codebook={data.codebook} />
        <AgreementPanel changed={data} codebook={data.codebook} />
        <ExchangePanel db={db} visibleIds={visible.map((r) => r.annotation.id)} filtered={visible.length !== data.rows.length} onWriting={setImporting} />
      </div>
    </main>
  );
}
