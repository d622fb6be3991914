import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openPanelInTab } from '../../extension/open-panel';
import { downloadFile } from '../../extension/download';
import { exportData, exportFile, exportFormat } from '../../storage/export-formats';
import { shownOverview, type Overview } from '../../storage/stats';
import { shownAnnotationIds } from '../../storage/project';
import type { AnnotatorDB } from '../../storage/schema';
import { useStored } from '../common/useStored';
import { SyncStatus } from '../common/SyncStatus';
import { AlwaysRun } from './AlwaysRun';

/** The toolbar popup: totals, tags by count, recent pages with progress, export and review. */
export function PopupApp({ db }: { db: AnnotatorDB }) {
  // Totals count annotations, pages and tags: a rename of the annotator changes none of them.
  // Blind coding: a coder's numbers and export are of their own codings only.
  const data = useStored<Overview | null>(db, () => shownOverview(db), null, (change) => change.kind !== 'annotator');
  // The browser's own words, where there are any, go in the message's tooltip.
  const [message, setMessage] = useState<{ text: string; detail?: string } | null>(null);
  const max = Math.max(1, ...(data?.tagCounts.map((t) => t.count) ?? []));

  const exportAll = async () => {
    try {
      const native = exportFormat('json');
      const own = await shownAnnotationIds(db);
      const file = await (own ? exportData(db, native, { kind: 'selection', description: 'your own codings (blind coding)' }, own) : exportData(db, native));
      downloadFile(exportFile(native, file));
      setMessage({ text: `Exported ${file.annotations.length} annotations.` });
    } catch (error) {
      setMessage({ text: `Export failed: ${(error as Error).message}` });
    }
  };
  const openPanel = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Opens, never closes: a reader who already has the panel open wants it kept.
    const problem = await openPanelInTab(tab.id, 'open');
    if (problem) setMessage({ text: problem.message, detail: problem.detail });
    else window.close();
  };

  if (!data) return <main class="popup"><p>Loading…</p></main>;
  return (
    <main class="popup">
      <h1>Comment Annotator</h1>
      <SyncStatus db={db} testId="ca-popup-sync" />
      <dl class="totals">
        <div><dt>pages</dt><dd data-testid="total-pages">{data.pages}</dd></div>
        <div><dt>comments coded</dt><dd data-testid="total-coded">{data.commentsCoded}</dd></div>
        <div><dt>annotations</dt><dd data-testid="total-annotations">{data.annotations}</dd></div>
      </dl>
      {data.annotations === 0 ? (
        <p class="empty">Nothing tagged yet. Open an article with comments and press Alt+Shift+A.</p>
      ) : (
        <>
          <h2>Tags</h2>
          <ul class="bars" aria-label="Tags by count">
            {data.tagCounts.map(({ tag, count }) => (
              <li key={tag.id}>
                <span class="bar-label">{tag.name}</span>
                <span class="bar" style={{ width: `${(count / max) * 100}%`, background: tag.colour }} />
                <span class="bar-count">{count}</span>
              </li>
            ))}
          </ul>
          <h2>Recent pages</h2>
          <ul class="recent">
            {data.recent.map(({ page, coded }) => (
              <li key={page.url}>
                <a href={page.url} onClick={(e) => { e.preventDefault(); void browser.tabs.create({ url: page.url }); }}>
                  {page.metadata?.title ?? page.url}
                </a>
                <span class="progress">{coded} / {page.commentCount} coded</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="actions">
        <button type="button" onClick={() => void openPanel()}>Tag this page</button>
        <button type="button" data-testid="ca-export-json" onClick={() => void exportAll()}>Export JSON</button>
        <button type="button" data-testid="ca-open-review" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') })}>Review all</button>
      </div>
      <AlwaysRun />
      {message && <p class="message" role="status" title={message.detail}>{message.text}</p>}
    </main>
  );
}
