import { describe, expect, it } from 'vitest';
import { idInKey, readIdThread } from '../../layouts/thread';
import { parsePage } from './helpers';

describe('layouts/thread.ts', () => {
  it('idInKey: the id of a key of the family, null for another family or an id of the wrong form', () => {
    expect(idInKey('isso:12', 'isso', /^\d+$/)).toBe('12');
    expect(idInKey('commento:12', 'isso', /^\d+$/)).toBeNull();
    expect(idInKey('isso:12"]', 'isso', /^\d+$/)).toBeNull();
    expect(idInKey('isso2:12', 'isso', /^\d+$/)).toBeNull();
  });

  it('readIdThread: reads the comments whose element id matches, with the id, nested', () => {
    const doc = parsePage(`<div id="t">
      <div class="c" id="c-1"><p class="a">Ann</p><p class="x">First</p>
        <div class="c" id="c-2"><p class="a">Bo</p><p class="x">Reply</p></div></div>
      <div class="c" id="c-x"><p class="a">Nobody</p></div></div>`);
    const comments = readIdThread(doc.getElementById('t')!, 'div.c', /^c-(\d+)$/, { author: ['.a'], text: ['.x'] }, (id, parts) => ({
      key: `t:${id}`, kind: 'comment', author: parts.author?.textContent ?? null, publishedAt: null, permalink: null, text: parts.text?.textContent ?? '',
    }));
    expect(comments.map((c) => [c.key, c.author, c.text, c.parentKey])).toEqual([['t:1', 'Ann', 'First', null], ['t:2', 'Bo', 'Reply', 't:1']]);
  });
});
