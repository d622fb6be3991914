import { describe, expect, it } from 'vitest';
import { isTypingTarget, mayBeShortcut, shortcutFor } from '../../components/panel/keyboard';
import { FORWARDED_KEYS } from '../../lib/hotkeys';
import { parseRequest } from '../../lib/messages';
import type { Tag } from '../../lib/records';

const codebook: Tag[] = [
  { id: 'a', name: 'a', colour: '#000', hotkey: '1', description: '', order: 0 },
  { id: 'z', name: 'z', colour: '#000', hotkey: '0', description: '', order: 1 },
];
const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }, codebook);

describe('shortcuts', () => {
  it('maps keys to actions', () => {
    expect(key('j')).toEqual({ type: 'move', by: 1 });
    expect(key('ArrowUp')).toEqual({ type: 'move', by: -1 });
    expect(key('1')).toEqual({ type: 'toggle-tag', tagId: 'a' });
    expect(key('0')).toEqual({ type: 'toggle-tag', tagId: 'z' });
    expect(key('5')).toBeNull(); // no tag on that key
    expect(key('u')).toEqual({ type: 'next-uncoded' });
    expect(key('x')).toEqual({ type: 'toggle-none' });
    expect(key('c')).toEqual({ type: 'codebook' });
    expect(key('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(key('z', { metaKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(key('y', { ctrlKey: true })).toEqual({ type: 'redo' });
  });

  it('a comment frame forwards every shortcut, whatever the codebook, and the background takes what it forwards', () => {
    const modifiers = [{}, { ctrlKey: true }, { ctrlKey: true, shiftKey: true }, { metaKey: true }, { altKey: true }, { shiftKey: true }];
    const presses = [...FORWARDED_KEYS, 'a', 'x', 'Enter', 'Tab', ' ', 'PageDown'].flatMap((k) => modifiers.map((mods) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })));
    const forwarded = presses.filter(mayBeShortcut);
    for (const press of presses) if (key(press.key, press)) expect(forwarded).toContainEqual(press);
    for (const press of forwarded) expect(parseRequest({ type: 'frame-key', press }).ok, press.key).toBe(true);
    expect(forwarded.map((p) => p.key)).toEqual(expect.arrayContaining(['5', 'j', 'Escape', 'z', 'Y']));
    expect(mayBeShortcut({ key: 'a', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
    expect(mayBeShortcut({ key: '5', ctrlKey: false, metaKey: false, altKey: true, shiftKey: false })).toBe(false);
  });

  it('gives a code that only groups others no key effect', () => {
    const grouping: Tag[] = [{ id: 'g', name: 'g', colour: '#000', hotkey: '2', description: '', order: 0, codable: false }];
    expect(shortcutFor({ key: '2', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }, grouping)).toBeNull();
  });

  it('leaves other modifier combinations to the page', () => {
    expect(key('j', { ctrlKey: true })).toBeNull();
    expect(key('1', { altKey: true })).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
  });

  it('knows which elements take typing', () => {
    const make = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild;
    };
    expect(isTypingTarget(make('<input type="text">'))).toBe(true);
    expect(isTypingTarget(make('<input type="search">'))).toBe(true);
    expect(isTypingTarget(make('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(make('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(make('<button>x</button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
