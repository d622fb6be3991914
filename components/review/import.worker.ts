import { createImportHandler, type ImportAnswer, type ImportRequest } from '../../storage/import-job';
import { AnnotatorDB } from '../../storage/schema';

// The import worker: the same database as the review page (same extension origin), its own
// connection. Requests are handled one after another, in the order they came.
const scope = self as unknown as { postMessage(message: ImportAnswer): void; onmessage: ((event: MessageEvent<ImportRequest>) => void) | null };
const handle = createImportHandler(new AnnotatorDB(), (answer) => scope.postMessage(answer));
let queue = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
