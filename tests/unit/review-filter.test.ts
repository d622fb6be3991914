import { describe, expect, it } from 'vitest';
import { filterRows, NO_FILTER, type ReviewRow } from '../../components/review/rows';
import type { Annotation } from '../../lib/records';

// The review page's tag filter (components/review/rows.ts), as its options name it.

const AT = '2026-11-21T10:00:00.000Z';
const row = (key: string, state: Partial<Annotation>): ReviewRow =>
  ({ annotation: { id: key, pageUrl: 'https://example.org/a', commentKey: key, tagIds: [], note: '', annotator: 'alice', createdAt: AT, updatedAt: AT, ...state }, page: undefined, comment: undefined, site: 'example.org' } as unknown as ReviewRow);

describe('the review page’s tag filter', () => {
  it('"No tag (note only)" lets through the notes alone, not comments coded "no code applies" or by a passage', () => {
    const rows = [
      row('wp:1', { tagIds: ['t'] }),
      row('wp:2', { none: true }),
      row('wp:3', { segments: [{ id: 's', tagId: 't', quote: 'q', start: 0, end: 1, createdAt: AT }] }),
      row('wp:4', { note: 'just a note' }),
    ];
    const shown = filterRows(rows, { ...NO_FILTER, tagId: '-' }, { key: 'page', descending: false });
    expect(shown.map((r) => r.annotation.commentKey)).toEqual(['wp:4']);
  });

  it('"Tag: X" lets through a comment coded X on the whole or on a passage, as the CSV and units CSV count it', () => {
    const passage = (tagId: string) => ({ id: `s_${tagId}`, tagId, quote: 'q', start: 0, end: 1, createdAt: AT });
    const rows = [
      row('wp:1', { tagIds: ['t'] }),
      row('wp:2', { segments: [passage('t')] }),
      row('wp:3', { tagIds: ['u'], segments: [passage('u')] }),
      row('wp:4', { none: true }),
    ];
    const shown = filterRows(rows, { ...NO_FILTER, tagId: 't' }, { key: 'page', descending: false });
    expect(shown.map((r) => r.annotation.commentKey)).toEqual(['wp:1', 'wp:2']);
  });
});
