import type { NativeExport } from './export';
import { applyImport, checkExportFile, MAX_IMPORT_BYTES, previewImport, type ImportPreview, type ImportProgress } from './import';
import type { AnnotatorDB } from './schema';
import type { TagResolutions } from './tag-clashes';
import type { Tag } from '../lib/records';

// An import's long work (reading, parsing and checking the file, comparing it with the database,
// merging and writing) runs in a worker (components/review/import.worker.ts): a file of a
// million annotations froze the review page for 10.8 s when it ran on the page's own thread.
// This is the worker's side, kept free of worker globals so unit tests can drive it directly.

/** What the review page asks of the import worker; each request carries an id its answer repeats. */
export type ImportRequest =
  | { id: number; type: 'check'; file: Blob; name: string }
  | { id: number; type: 'preview'; resolutions: TagResolutions }
  | { id: number; type: 'apply'; resolutions: TagResolutions };

/** What the worker answers: progress while it works, then a preview, the result, or why not. */
export type ImportAnswer =
  | { type: 'progress'; progress: ImportProgress }
  | { id: number; type: 'checked'; preview: ImportPreview; codebook: Tag[] }
  | { id: number; type: 'previewed'; preview: ImportPreview }
  | { id: number; type: 'done'; result: ImportPreview }
  | { id: number; type: 'refused'; error: string };

/** The worker's message handler: keeps the checked file between the preview and the merge. */
export function createImportHandler(db: AnnotatorDB, post: (answer: ImportAnswer) => void): (request: ImportRequest) => Promise<void> {
  let data: NativeExport | null = null;
  const progress = (p: ImportProgress) => post({ type: 'progress', progress: p });
  return async (request) => {
    try {
      switch (request.type) {
        case 'check': {
          data = null;
          const { file, name } = request;
          // Refused before reading: the text of a larger file would not fit in memory.
          if (file.size > MAX_IMPORT_BYTES) throw new Error(`The file is too large (${(file.size / 1048576).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB).`);
          progress({ phase: 'reading', done: 0, total: file.size });
          const text = await file.text();
          const checked = checkExportFile(text, file.size, progress);
          if (!checked.ok) throw new Error(`${name} was not imported: ${checked.error}`);
          progress({ phase: 'comparing', done: 0, total: 1 });
          const [preview, codebook] = await Promise.all([previewImport(db, checked.data), db.tags.orderBy('order').toArray()]);
          data = checked.data;
          return post({ id: request.id, type: 'checked', preview, codebook });
        }
        case 'preview':
          if (!data) throw new Error('No file is waiting to be imported.');
          return post({ id: request.id, type: 'previewed', preview: await previewImport(db, data, request.resolutions) });
        case 'apply': {
          if (!data) throw new Error('No file is waiting to be imported.');
          const result = await applyImport(db, data, request.resolutions, progress);
          data = null;
          return post({ id: request.id, type: 'done', result });
        }
      }
    } catch (error) {
      post({ id: request.id, type: 'refused', error: (error as Error)?.message ?? String(error) });
    }
  };
}
