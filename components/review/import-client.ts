import type { ImportPreview, ImportProgress } from '../../storage/import';
import type { ImportAnswer, ImportRequest } from '../../storage/import-job';
import type { TagResolutions } from '../../storage/tag-clashes';
import type { Tag } from '../../lib/records';

type Ask = ImportRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** One import on the review page, its work done by a worker; `onProgress` hears how far it got. */
export class ImportJob {
  private readonly worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  private readonly waiting = new Map<number, { resolve(answer: ImportAnswer): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(onProgress: (progress: ImportProgress) => void) {
    this.worker.onmessage = (event: MessageEvent<ImportAnswer>) => {
      const answer = event.data;
      if (answer.type === 'progress') return onProgress(answer.progress);
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.type === 'refused') waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer);
    };
    this.worker.onerror = (event) => this.fail(new Error(`The import stopped: ${event.message || 'the worker failed'}.`));
  }

  /** Reads and checks the file; answers the preview with every clash at its default, and our codebook. */
  async check(file: Blob, name: string): Promise<{ preview: ImportPreview; codebook: Tag[] }> {
    const answer = await this.ask({ type: 'check', file, name });
    if (answer.type !== 'checked') throw new Error(`unexpected answer ${answer.type}`);
    return answer;
  }

  /** The preview again with the reader's choices for clashing tags. */
  async preview(resolutions: TagResolutions): Promise<ImportPreview> {
    const answer = await this.ask({ type: 'preview', resolutions });
    if (answer.type !== 'previewed') throw new Error(`unexpected answer ${answer.type}`);
    return answer.preview;
  }

  /** Merges the checked file with those choices; answers what it did. */
  async apply(resolutions: TagResolutions): Promise<ImportPreview> {
    const answer = await this.ask({ type: 'apply', resolutions });
    if (answer.type !== 'done') throw new Error(`unexpected answer ${answer.type}`);
    return answer.result;
  }

  /** Ends the worker; what it was doing is abandoned (a merge not yet committed changes nothing). */
  stop(): void {
    this.worker.terminate();
    this.fail(new Error('The import was cancelled.'));
  }

  private ask(request: Ask): Promise<ImportAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as ImportRequest);
    });
  }

  private fail(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
