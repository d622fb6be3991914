// One formatter for every call: toLocaleString with options builds a new one each time (~0.1 ms),
// which a panel re-rendering its rows on every key press paid two dozen times.
let format: Intl.DateTimeFormat | undefined;

/** A time as the reader's locale writes it. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter().format(date);
}

/**
 * Builds the formatter ahead of the first time shown: in a fresh renderer, the first
 * Intl.DateTimeFormat loads the locale's data (~15 ms), which the panel's first render paid.
 */
export function prepareTimeFormat(): void {
  formatter().format(0);
}

const formatter = () => (format ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));

/**
 * A time as ISO 8601 UTC (`2026-11-21T10:00:00.000Z`), or '' when it is missing or no time.
 * A time without a zone is read as UTC, so the same file gives the same times everywhere.
 */
export function isoUtc(value: string | null | undefined): string {
  if (!value) return '';
  const zoned = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}
