import type { PageInfo, PageRecord } from '../lib/records';

/**
 * How old a page's lastSeen may grow before a save on the page writes its record for it alone:
 * presses write the record when what it holds changes (a count, the layout), not at every one
 * (a put per press, with its lastSeen index, was a share of every save's time).
 */
export const LAST_SEEN_STEP_MS = 60_000;

/** Whether `after` (seenPage of `before`) holds anything worth a write: a field changed, or lastSeen moved a step. */
export function pageRecordChanged(before: PageRecord | undefined, after: PageRecord): boolean {
  if (!before) return true;
  return before.layout !== after.layout || before.commentCount !== after.commentCount || (before.codedCount ?? 0) !== (after.codedCount ?? 0)
    || (before.metadata ?? null) !== (after.metadata ?? null)
    || Date.parse(after.lastSeen) - Date.parse(before.lastSeen) >= LAST_SEEN_STEP_MS;
}

/** A page's record as a save on the page leaves it: seen now, with the count of comments the page shows. */
export function seenPage(record: PageRecord | undefined, page: PageInfo, now: string, codedCount = record?.codedCount ?? 0): PageRecord {
  return {
    url: page.url,
    layout: page.layout ?? record?.layout ?? null,
    metadata: record?.metadata ?? page.metadata,
    firstSeen: record?.firstSeen ?? now,
    lastSeen: now,
    commentCount: page.commentCount,
    codedCount,
  };
}
