// What the page annotator has done so far, for the end-to-end tests to wait on instead of
// sleeping ("has the scan finished? was the page's metadata read?"). Kept on the global object of
// this extension's isolated world, which page scripts cannot reach (they have their own window
// object), so the page learns nothing from it, not even on pages without comments and panel.

/** The steps of the top frame's current annotator that a test may wait for. */
export interface AnnotatorProgress {
  /** Reads of the document for comments, finished (the first one runs as the annotator starts). */
  scans: number;
  /** Comments known after the last of them, in the page and its frames. */
  comments: number;
  /** True once Readability's metadata of the page was read: saves from then on carry it. */
  metadataRead: boolean;
}

/** The isolated world's global the record is kept under (tests read it over CDP). */
export const ANNOTATOR_PROGRESS = '__commentAnnotatorProgress';

/** A fresh record for a new annotator, replacing the one of the frame's previous annotator. */
export function publishProgress(): AnnotatorProgress {
  const progress: AnnotatorProgress = { scans: 0, comments: 0, metadataRead: false };
  (globalThis as Record<string, unknown>)[ANNOTATOR_PROGRESS] = progress;
  return progress;
}
