import { useState } from 'preact/hooks';
import { downloadText } from '../../lib/download';
import { exportCodebook, exportFileName, exportNative, toCsv, toWebAnnotations, type NativeExport } from '../../storage/export';
import { applyCodebook, applyImport, checkCodebookFile, checkExportFile, previewImport, type ImportPreview } from '../../storage/import';
import type { AnnotatorDB } from '../../storage/schema';

/** Export (everything or the current filter; native, W3C, CSV; the codebook) and import with a preview. */
export function ExchangePanel({ db, visibleIds, filtered }: { db: AnnotatorDB; visibleIds: string[]; filtered: boolean }) {
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string; ms?: number } | null>(null);
  const [pending, setPending] = useState<{ data: NativeExport; preview: ImportPreview; name: string } | null>(null);

  const build = () => (filtered
    ? exportNative(db, { kind: 'selection', description: 'review page filter' }, new Set(visibleIds))
    : exportNative(db));
  // Each action's duration is kept on the status line (data-ms) for npm run bench.
  const run = async (action: () => Promise<string>) => {
    const started = performance.now();
    try {
      const text = await action();
      setStatus({ kind: 'info', text, ms: performance.now() - started });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message, ms: performance.now() - started });
    }
  };
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    return file ? { file, text: await file.text() } : null;
  };

  return (
    <section class="exchange" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Export and import</h2>
      <p>{filtered ? `Exports hold the ${visibleIds.length} annotations the filter shows.` : 'Exports hold every annotation.'}</p>
      <div class="buttons">
        <button type="button" data-testid="export-json" onClick={() => void run(async () => {
          const data = await build();
          downloadText(exportFileName('json'), JSON.stringify(data), 'application/json');
          return `Exported ${data.annotations.length} annotations (native JSON).`;
        })}>Native JSON</button>
        <button type="button" data-testid="export-w3c" onClick={() => void run(async () => {
          const data = await build();
          downloadText(exportFileName('jsonld'), JSON.stringify(toWebAnnotations(data), null, 2), 'application/ld+json');
          return `Exported ${data.annotations.length} annotations (W3C Web Annotation).`;
        })}>W3C Web Annotation</button>
        <button type="button" data-testid="export-csv" onClick={() => void run(async () => {
          const data = await build();
          downloadText(exportFileName('csv'), toCsv(data), 'text/csv;charset=utf-8');
          return `Exported ${data.annotations.length} annotations (CSV).`;
        })}>CSV</button>
        <button type="button" data-testid="export-codebook" onClick={() => void run(async () => {
          downloadText(exportFileName('codebook'), JSON.stringify(await exportCodebook(db), null, 2), 'application/json');
          return 'Exported the codebook.';
        })}>Codebook</button>
      </div>
      <label class="file">Import annotations (native JSON){' '}
        <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void run(async () => {
          const read = await readFile(e.target as HTMLInputElement);
          if (!read) return 'No file chosen.';
          const checked = checkExportFile(read.text, read.file.size);
          if (!checked.ok) throw new Error(`${read.file.name} was not imported: ${checked.error}`);
          setPending({ data: checked.data, preview: await previewImport(db, checked.data), name: read.file.name });
          return `${read.file.name} is valid. Check the preview, then import.`;
        })} />
      </label>
      <label class="file">Import a codebook{' '}
        <input type="file" accept=".json,application/json" data-testid="import-codebook" onChange={(e) => void run(async () => {
          const read = await readFile(e.target as HTMLInputElement);
          if (!read) return 'No file chosen.';
          const checked = checkCodebookFile(read.text, read.file.size);
          if (!checked.ok) throw new Error(`${read.file.name} was not imported: ${checked.error}`);
          const { added, updated } = await applyCodebook(db, checked.data);
          return `Codebook imported: ${added} tags added, ${updated} updated.`;
        })} />
      </label>
      {pending && (
        <div class="preview" role="dialog" aria-label="Import preview" data-testid="import-preview">
          <p><strong>{pending.name}</strong> from {pending.preview.annotators.join(', ')}:</p>
          <ul>
            <li data-testid="preview-new">{pending.preview.new} new</li>
            <li data-testid="preview-updated">{pending.preview.updated} updated (the file is newer)</li>
            <li data-testid="preview-unchanged">{pending.preview.unchanged} unchanged</li>
            <li data-testid="preview-conflicting">{pending.preview.conflicting} conflicting (yours is newer and stays; theirs is kept in the history)</li>
            {pending.preview.newTags.length > 0 && <li>new tags: {pending.preview.newTags.join(', ')}</li>}
          </ul>
          <button type="button" data-testid="confirm-import" onClick={() => void run(async () => {
            const result = await applyImport(db, pending.data);
            setPending(null);
            return `Imported: ${result.new} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.conflicting} conflicting.`;
          })}>Import</button>{' '}
          <button type="button" onClick={() => { setPending(null); setStatus({ kind: 'info', text: 'Import cancelled; nothing changed.' }); }}>Cancel</button>
        </div>
      )}
      {status && <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="exchange-status" data-ms={status.ms?.toFixed(0)}>{status.text}</p>}
    </section>
  );
}
