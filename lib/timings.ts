// Marks and measures on the document's performance timeline for npm run bench (bench/*.ts);
// in the page (by the content scripts) and in the review page.
// nothing in the extension reads them back, so no timing lives in its state or its DOM.
// In Chromium a content script's isolated world has its own `performance` object, but it is a
// view of the same timeline the page's main world sees: the bench reads these entries with
// performance.getEntriesByName in a plain page.evaluate. The page can read them too (README,
// "What a page can and cannot learn"), and clear them: so nothing here may throw or be relied on.

/** The names the extension records timings under. */
export const TIMINGS = {
  /** Mark: the panel was asked to open. */
  open: 'ca:open',
  /** Measure: from the latest `open` mark to the end of the first frame showing the panel's sheet with its rows. */
  rendered: 'ca:rendered',
  /** Mark: the reader asked for a change of a coding (a key press or a click). */
  press: 'ca:press',
  /** Measure: from a `press` to the background's answer that it is stored (one per confirmed press). */
  saved: 'ca:saved',
  /** Measure: one read of the document's thread, telling the panel included. */
  scan: 'ca:scan',
  /** Mark: the review page showed its first table (its start time counts from navigation). */
  reviewShown: 'ca:review-shown',
  /** Mark: the reader started an export or an import on the review page. */
  exchange: 'ca:exchange',
  /** Measure: from an `exchange` mark until the action ended (done or failed). */
  exchanged: 'ca:exchanged',
} as const;

/** Marks `mark` now; the function returned measures `measure` from that moment to its call. */
export function startTiming(mark: string, measure: string): () => void {
  const start = performance.mark(mark).startTime;
  return () => void performance.measure(measure, { start });
}

/** Measures `measure` from the latest mark named `since`; nothing when there is none (the page may have cleared them). */
export function measureSinceMark(measure: string, since: string): void {
  const marks = performance.getEntriesByName(since, 'mark');
  if (marks.length) performance.measure(measure, { start: marks[marks.length - 1].startTime });
}

/**
 * Measures `measure` from the latest mark named `since` once the next frame was rendered: a
 * task posted from an animation frame callback runs after that frame's style, layout and paint.
 * Posted as user-blocking where the browser has a scheduler, so timers queued meanwhile (the
 * panel's effects, which move the page aside) do not run first and count. Nothing where there
 * are no frames (a test's DOM without requestAnimationFrame).
 */
export function measureAfterNextFrame(measure: string, since: string): void {
  if (typeof requestAnimationFrame !== 'function') return;
  const measured = () => measureSinceMark(measure, since);
  requestAnimationFrame(() => {
    const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: string }): Promise<void> } }).scheduler;
    if (scheduler) void scheduler.postTask(measured, { priority: 'user-blocking' }).catch(() => undefined);
    else setTimeout(measured);
  });
}
