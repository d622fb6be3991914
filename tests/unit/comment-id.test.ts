import { describe, expect, it } from 'vitest';
import { agreementReport } from '../../lib/agreement';
import { codingId, commentId } from '../../lib/comment-id';
import type { Annotation } from '../../lib/records';
import { joinRows } from '../../components/review/rows';

const PAGE = 'https://news.example.com/story';

describe('commentId', () => {
  it('is the same for the same page and key, and differs when either differs', () => {
    expect(commentId(PAGE, 'wp:12')).toBe(commentId(PAGE, 'wp:12'));
    expect(commentId(PAGE, 'wp:12')).not.toBe(commentId(PAGE, 'wp:13'));
    expect(commentId(PAGE, 'wp:12')).not.toBe(commentId(`${PAGE}/2`, 'wp:12'));
  });

  it('never joins two different pairs into one id, where plain or colon-joined concatenation would', () => {
    // `${PAGE}w` + `p:12` and `${PAGE}` + `wp:12` concatenate alike; so do `${PAGE}:wp` ':' `12` and `${PAGE}` ':' `wp:12`.
    expect(commentId(`${PAGE}w`, 'p:12')).not.toBe(commentId(PAGE, 'wp:12'));
    expect(commentId(`${PAGE}:wp`, '12')).not.toBe(commentId(PAGE, 'wp:12'));
  });
});

describe('codingId', () => {
  it('tells annotators apart on the same comment, and comments apart for the same annotator', () => {
    expect(codingId('alice', PAGE, 'wp:1')).toBe(codingId('alice', PAGE, 'wp:1'));
    expect(codingId('alice', PAGE, 'wp:1')).not.toBe(codingId('bob', PAGE, 'wp:1'));
    expect(codingId('alice', PAGE, 'wp:1')).not.toBe(codingId('alice', `${PAGE}/2`, 'wp:1'));
    expect(codingId('alice', PAGE, 'wp:1')).not.toBe(commentId(PAGE, 'wp:1'));
  });
});

const NOW = '2026-01-01T00:00:00.000Z';
const annotation = (annotator: string, pageUrl: string, commentKey: string, tagIds: string[]): Annotation =>
  ({ id: `ann_${annotator}_${pageUrl.length}_${commentKey}`, pageUrl, commentKey, tagIds, note: '', annotator, createdAt: NOW, updatedAt: NOW });

describe('its users: the same key on two pages is two comments', () => {
  it('the review table joins each annotation with its own page’s comment', () => {
    const snapshot = (pageUrl: string, text: string) => ({ pageUrl, key: 'wp:1', author: null, publishedAt: null, permalink: null, parentKey: null, text, textHash: '', savedAt: NOW });
    const rows = joinRows([annotation('alice', PAGE, 'wp:1', []), annotation('alice', `${PAGE}/2`, 'wp:1', [])],
      [snapshot(PAGE, 'first page'), snapshot(`${PAGE}/2`, 'second page')], []);
    expect(rows.map((r) => r.comment?.text)).toEqual(['first page', 'second page']);
  });

  it('agreement counts a comment only when two annotators coded that page’s comment', () => {
    const tag = { id: 'tag_a', name: 'a', colour: '#000000', hotkey: null, description: '', order: 0 };
    const apart = agreementReport([annotation('alice', PAGE, 'wp:1', ['tag_a']), { ...annotation('bob', `${PAGE}/2`, 'wp:1', []), none: true }], [tag]);
    expect(apart.units).toBe(0);
    const together = agreementReport([annotation('alice', PAGE, 'wp:1', ['tag_a']), { ...annotation('bob', PAGE, 'wp:1', []), none: true }], [tag]);
    expect(together.units).toBe(1);
    expect(together.disagreements).toEqual([expect.objectContaining({ pageUrl: PAGE, commentKey: 'wp:1' })]);
  });
});
