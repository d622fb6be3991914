import { describe, expect, it } from 'vitest';
import { applyEdit, isCoded } from '../../lib/edits';
import type { Segment } from '../../lib/records';

const ORDER = ['a', 'b', 'c'];
const segment = (id: string, tagId = 'a'): Segment => ({ id, tagId, quote: 'xyz', start: 0, end: 3, createdAt: '2026-11-21T00:00:00.000Z' });

describe('applyEdit: "no code applies" and segments', () => {
  it('setting none takes every whole-comment tag off, and a tag put on clears none', () => {
    const none = applyEdit({ tagIds: ['a', 'b'], note: 'kept' }, { none: true }, ORDER);
    expect(none).toEqual({ tagIds: [], note: 'kept', none: true });
    expect(applyEdit(none, { tags: { c: true } }, ORDER)).toEqual({ tagIds: ['c'], note: 'kept' });
  });

  it('none cleared leaves an uncoded state; a note alone is not coded', () => {
    const cleared = applyEdit({ tagIds: [], note: 'n', none: true }, { none: false }, ORDER);
    expect(cleared).toEqual({ tagIds: [], note: 'n' });
    expect(isCoded(cleared)).toBe(false);
    expect(isCoded({ tagIds: [], note: '', none: true })).toBe(true);
    expect(isCoded(null)).toBe(false);
  });

  it('segments are added once by id, removed by id, and live beside none and tags', () => {
    const one = applyEdit(null, { segments: { add: [segment('s1')] } }, ORDER);
    expect(isCoded(one)).toBe(true);
    const again = applyEdit(one, { segments: { add: [segment('s1'), segment('s2', 'b')] }, none: true }, ORDER);
    expect(again.segments!.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(again.none).toBe(true);
    expect(applyEdit(again, { segments: { remove: ['s1'] } }, ORDER).segments!.map((s) => s.id)).toEqual(['s2']);
    expect(applyEdit(again, { segments: { remove: ['s1', 's2'] } }, ORDER).segments).toBeUndefined();
  });
});
