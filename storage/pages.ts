import type { PageInfo, PageRecord } from '../lib/records';

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
