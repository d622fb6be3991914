import { describe, expect, it } from 'vitest';
import { rehearseSheet } from '../../components/panel/sheet-rehearsal';
import { annotation, comment, memoryBackground, sessionOn, TAGS } from './memory-background';

// components/panel/sheet-rehearsal.tsx: the sheet's parts laid out once, hidden, and taken away.

describe('the sheet rehearsal', () => {
  it('lays out the header with the codebook, the first rows and the first comment, then leaves nothing behind', async () => {
    const { session } = await sessionOn(['wp:1', 'wp:2', 'wp:3', 'wp:4'].map((key) => comment(key)), memoryBackground({ codebook: TAGS, annotations: [annotation('wp:2', [TAGS[0].id])] }));
    const before = session.snapshot();
    const stage = document.createElement('div');
    document.body.append(stage);
    const laidOut: { rows: number; tags: number; detail: boolean; hidden: string }[] = [];
    // The rehearsal's one layout: what the stage holds at that moment.
    stage.getBoundingClientRect = () => {
      laidOut.push({
        rows: stage.querySelectorAll('.ca-row').length,
        tags: stage.querySelectorAll('.ca-tagbtn').length,
        detail: stage.querySelector('.ca-fulltext')?.textContent === 'comment wp:1',
        hidden: stage.querySelector<HTMLElement>('.ca-panel')!.style.visibility,
      });
      return new DOMRect();
    };

    rehearseSheet(stage, before);

    expect(laidOut).toEqual([{ rows: 3, tags: TAGS.length, detail: true, hidden: 'hidden' }]);
    expect(stage.childNodes.length).toBe(0);
    expect(session.snapshot()).toBe(before);
    stage.remove();
  });

  it('lays nothing out on a page without comments', async () => {
    const { session } = await sessionOn([]);
    const stage = document.createElement('div');
    let layouts = 0;
    stage.getBoundingClientRect = () => {
      layouts++;
      return new DOMRect();
    };
    rehearseSheet(stage, session.snapshot());
    expect(layouts).toBe(0);
    expect(stage.childNodes.length).toBe(0);
  });
});
