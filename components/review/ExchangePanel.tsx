import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadFile } from '../../extension/download';
import { acceptOf, EXPORT_FORMATS, exportData, exportFile, exportFormat, type ExportFormat } from '../../storage/export-formats';
import type { ImportPreview, ImportProgress } from '../../storage/import';
import { nativeImportFile } from '../../storage/import-qdpx';
import { importCodebookFile } from '../../storage/import-refi';
import type { AnnotatorDB } from '../../storage/schema';
import type { TagResolution, TagResolutions } from '../../storage/tag-clashes';
import { ImportJob } from './import-client';
import type { Tag } from '../../lib/records';
import { TIMINGS, startTiming } from '../../lib/timings';

/** An import between its check and the reader's decision. */
interface Pending {
  job: ImportJob;
  name: string;
  preview: ImportPreview;
  codebook: Tag[];
  resolutions: TagResolutions;
  /** Why the current choices cannot be imported (a rename to a name in use), if so. */
  problem: string | null;
}

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file', parsing: 'Reading the JSON', checking: 'Checking', comparing: 'Comparing with your annotations', merging: 'Merging', writing: 'Writing',
};

/**
 * Export (everything or the current filter, in each of EXPORT_FORMATS) and import with a
 * preview. `onWriting` hears when an import starts and stops writing to the database.
 */
export function ExchangePanel({ db, shown, shownIds, filtered, onWriting }: { db: AnnotatorDB; shown: number; shownIds(): Promise<string[]>; filtered: boolean; onWriting?(writing: boolean): void }) {
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const latest = useRef(0);
  const jobRef = useRef<ImportJob | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  // The preview goes with its Import and Cancel buttons: the focus goes back to the file field
  // the import started from, not to the page's start.
  const closePreview = () => {
    setPending(null);
    importInput.current?.focus();
  };
  const previewRef = useRef<HTMLDivElement>(null);
  const previewShown = pending !== null;
  // A dialog takes the focus when it appears (its first control), as a keyboard user expects.
  useEffect(() => {
    if (previewShown) previewRef.current?.querySelector<HTMLElement>('select:not([disabled]), input:not([disabled]), button:not([disabled])')?.focus();
  }, [previewShown]);
  useEffect(() => () => jobRef.current?.stop(), []);
  const newJob = () => {
    jobRef.current?.stop();
    const job = new ImportJob(setProgress);
    jobRef.current = job;
    return job;
  };
  const endJob = () => {
    jobRef.current?.stop();
    jobRef.current = null;
    setProgress(null);
  };
  // Each choice asks the worker for the preview again; only the newest answer is shown.
  const choose = async (clashId: string, resolution: TagResolution) => {
    if (!pending) return;
    const resolutions = { ...pending.resolutions, [clashId]: resolution };
    const asked = ++latest.current;
    setPending({ ...pending, resolutions });
    try {
      const preview = await pending.job.preview(resolutions);
      if (asked === latest.current) setPending((p) => p && { ...p, resolutions, preview, problem: null });
    } catch (error) {
      if (asked === latest.current) setPending((p) => p && { ...p, resolutions, problem: (error as Error).message });
    }
  };

  // The shown ids are asked for only when a filtered export needs them (they can be a million).
  const build = async (format: ExportFormat) => (filtered && format.holds === 'annotations'
    ? exportData(db, format, { kind: 'selection', description: 'review page filter' }, new Set(await shownIds()))
    : exportData(db, format));
  const save = async (format: ExportFormat) => {
    const data = await build(format);
    downloadFile(exportFile(format, data));
    return format.holds === 'codebook' ? 'Exported the codebook.' : `Exported ${data.annotations.length} annotations (${format.label}).`;
  };
  // Each action is timed for npm run bench (lib/timings.ts).
  const run = async (action: () => Promise<string>) => {
    const ended = startTiming(TIMINGS.exchange, TIMINGS.exchanged);
    const outcome = await action().then((text) => ({ kind: 'info' as const, text }), (error: Error) => ({ kind: 'error' as const, text: error.message }));
    ended();
    setStatus(outcome);
  };
  const cancelImport = () => {
    endJob();
    closePreview();
    setStatus({ kind: 'info', text: 'Import cancelled; nothing changed.' });
  };
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    return file ? { file, text: await file.text() } : null;
  };

  return (
    <section class="exchange" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Export and import</h2>
      <p>{filtered ? `Exports hold the ${shown} annotations the filter shows.` : 'Exports hold every annotation.'}</p>
      <div class="buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format.id} type="button" data-testid={`ca-export-${format.id}`} onClick={() => void run(() => save(format))}>{format.label}</button>
        ))}
      </div>
      <label class="file">Import annotations (native JSON or REFI-QDA project){' '}
        <input type="file" ref={importInput} accept={`${acceptOf(exportFormat('json'))},${acceptOf(exportFormat('qdpx'))}`} data-testid="import-file" onChange={(e) => void run(async () => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (!file) return 'No file chosen.';
          setPending(null);
          const job = newJob();
          try {
            const { preview, codebook } = await job.check(await nativeImportFile(db, file, file.name), file.name);
            setPending({ job, name: file.name, preview, codebook, resolutions: {}, problem: null });
          } catch (error) {
            endJob();
            throw error;
          }
          setProgress(null);
          return `${file.name} is valid. Check the preview, then import.`;
        })} />
      </label>
      <label class="file">Import a codebook (REFI-QDA or JSON){' '}
        <input type="file" accept={`${acceptOf(exportFormat('qdc'))},${acceptOf(exportFormat('json'))}`} data-testid="import-codebook" onChange={(e) => void run(async () => {
          const read = await readFile(e.target as HTMLInputElement);
          if (!read) return 'No file chosen.';
          const imported = await importCodebookFile(db, read.text, read.file.name, read.file.size);
          if (!imported.ok) throw new Error(imported.error);
          return `Codebook imported: ${imported.data.added} tags added, ${imported.data.updated} updated.`;
        })} />
      </label>
      {progress && (
        <p class="progress" data-testid="import-progress" data-phase={progress.phase}>
          <label>{PHASES[progress.phase]}… <progress value={progress.done} max={progress.total || 1} /></label>
          {progress.phase === 'checking' && ` ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
        </p>
      )}
      {pending && (
        <div class="preview" role="dialog" aria-label="Import preview" data-testid="import-preview" ref={previewRef} onKeyDown={(event) => { if (event.key === 'Escape') cancelImport(); }}>
          <p><strong>{pending.name}</strong> from {pending.preview.annotators.join(', ')}:</p>
          <ul>
            <li data-testid="preview-new">{pending.preview.new} new</li>
            <li data-testid="preview-updated">{pending.preview.updated} updated (the file is newer)</li>
            <li data-testid="preview-unchanged">{pending.preview.unchanged} unchanged</li>
            <li data-testid="preview-conflicting">{pending.preview.conflicting} conflicting (yours is newer and stays; theirs is kept in the history)</li>
            {pending.preview.newTags.length > 0 && <li data-testid="preview-new-tags">new tags: {pending.preview.newTags.join(', ')}</li>}
          </ul>
          {pending.preview.clashes.length > 0 && (
            <ClashList pending={pending} onChoose={(id, resolution) => void choose(id, resolution)} />
          )}
          {pending.problem && <p class="status error" role="alert" data-testid="clash-problem">{pending.problem}</p>}
          <button type="button" data-testid="confirm-import" disabled={!!pending.problem} onClick={() => void run(async () => {
            onWriting?.(true);
            try {
              const result = await pending.job.apply(pending.resolutions);
              closePreview();
              return `Imported: ${result.new} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.conflicting} conflicting.`;
            } finally {
              endJob();
              onWriting?.(false);
            }
          })}>Import</button>{' '}
          <button type="button" onClick={cancelImport}>Cancel</button>
        </div>
      )}
      {status && <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="exchange-status">{status.text}</p>}
    </section>
  );
}

/** The file's codes that clash with ours; for each, map onto one of ours, keep apart, or rename. */
function ClashList({ pending, onChoose }: { pending: Pending; onChoose(id: string, resolution: TagResolution): void }) {
  return (
    <fieldset class="clashes" data-testid="import-clashes">
      <legend>Codes that clash with yours</legend>
      <p>Their codes are never merged with yours by id alone. Choose what each becomes:</p>
      <ul>
        {pending.preview.clashes.map((clash) => {
          const choice = pending.resolutions[clash.incoming.id] ?? clash.resolution;
          const value = choice.action === 'map' ? `map:${choice.to}` : choice.action;
          return (
            <li key={clash.incoming.id} data-testid="clash" data-tag-id={clash.incoming.id}>
              Their <strong>“{clash.incoming.name}”</strong> ({clash.uses} {clash.uses === 1 ? 'coding' : 'codings'})
              {clash.sameId && <> has the id of your <strong>“{clash.sameId.name}”</strong></>}
              {clash.sameId && clash.sameName && ' and'}
              {clash.sameName && <> has the name of your <strong>“{clash.sameName.name}”</strong> (another id)</>}.{' '}
              <select
                data-testid="clash-action"
                aria-label={`What their “${clash.incoming.name}” becomes`}
                value={value}
                onChange={(event) => {
                  const picked = (event.target as HTMLSelectElement).value;
                  onChoose(clash.incoming.id, picked.startsWith('map:') ? { action: 'map', to: picked.slice(4) }
                    : picked === 'rename' ? { action: 'rename', name: clash.incoming.name } : { action: 'separate' });
                }}
              >
                <option value="separate">a new separate code</option>
                <option value="rename">a new code named…</option>
                {pending.codebook.map((tag) => <option key={tag.id} value={`map:${tag.id}`}>the same as your “{tag.name}”</option>)}
              </select>
              {choice.action === 'rename' && (
                <input
                  type="text"
                  data-testid="clash-name"
                  aria-label={`New name for their “${clash.incoming.name}”`}
                  maxLength={100}
                  value={choice.name}
                  onInput={(event) => onChoose(clash.incoming.id, { action: 'rename', name: (event.target as HTMLInputElement).value })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
