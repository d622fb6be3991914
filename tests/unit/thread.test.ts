import { describe, expect, it } from 'vitest';
import { idInKey, readIdThread, readThread, toArray } from '../../layouts/thread';
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
  it('readThread: parts and parents climb past list items in a comment\'s text and never past the thread, even when the thread is a list item', () => {
    const doc = parsePage(`<ul><li id="t"><p class="a">Page byline</p><ol>
      <li class="c" id="c-1"><div><p class="x"><ul><li><b class="a">Not a name</b></li></ul></p></div><span class="a">Ann</span>
        <ol><li class="c" id="c-2"><ul><li><span class="a">Bo</span></li></ul></li></ol></li>
      <li class="c" id="c-3"><p class="x">No name here</p></li></ol></li></ul>`);
    const thread = doc.getElementById('t')!;
    const comments = readThread(thread, toArray(thread.querySelectorAll('li.c')), { author: ['.a'] }, (el, parts) => ({
      key: el.id, kind: 'comment', author: parts.author?.textContent ?? null, publishedAt: null, permalink: null, text: '',
    }));
    // The first .a inside c-1 sits in a list of its text: still c-1's (the first match owned by it).
    expect(comments.map((c) => [c.key, c.author, c.parentKey, c.depth])).toEqual([
      ['c-1', 'Not a name', null, 0], ['c-2', 'Bo', 'c-1', 1], ['c-3', null, null, 0],
    ]);
  });
});
