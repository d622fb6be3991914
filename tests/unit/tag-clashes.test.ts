import { classicCodebook } from './classic';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEverything } from '../../storage/codings';

import type { NativeExport } from '../../storage/export';
import { applyImport, previewImport } from '../../storage/import';
import { AnnotatorDB } from '../../storage/schema';
import { findTagClashes, resolveTagClashes } from '../../storage/tag-clashes';
import type { Tag } from '../../lib/records';

// Issue "No coding lost, none leaked", point 7: a colleague's file whose tag_on-topic is named
// "sarcasm" must never merge into our on-topic by id alone.

const PAGE = 'https://phandroid.com/a/';
const NOW = '2026-11-01T10:00:00.000Z';

/** A colleague's file: ten comments coded "sarcasm" under our on-topic's id, one "Spam" under its own id. */
function colleagueFile(): NativeExport {
  const tag = (id: string, name: string, order: number): Tag => ({ id, name, colour: '#ff8800', hotkey: null, description: '', order });
  const comments = Array.from({ length: 11 }, (_, i) => ({ pageUrl: PAGE, key: `wp:${i}`, author: null, publishedAt: null, permalink: null, parentKey: null, text: `Comment ${i}`, savedAt: NOW }));
  return {
    format: 'comment-annotator', version: 1, exportedAt: NOW, scope: { kind: 'all' },
    codebook: [tag('tag_on-topic', 'sarcasm', 0), tag('tag_junk', 'Spam ', 1), tag('tag_irony', 'irony', 2)],
    pages: [{ url: PAGE, layout: 'wp', metadata: null, firstSeen: NOW, lastSeen: NOW, commentCount: 11 }],
    comments,
    annotations: comments.map((c, i) => ({
      id: `ann_bob_${i}`, pageUrl: PAGE, commentKey: c.key, tagIds: i < 10 ? ['tag_on-topic'] : ['tag_junk', 'tag_irony'], note: '', annotator: 'bob', createdAt: NOW, updatedAt: NOW,
      ...(i === 0 ? { history: [{ tagIds: ['tag_on-topic', 'tag_junk'], note: 'first try', annotator: 'bob', updatedAt: '2026-10-01T10:00:00.000Z' }] } : {}),
    })),
  };
}

let db: AnnotatorDB;
let ours: Tag[];
beforeEach(async () => {
  db = new AnnotatorDB(`clash-${crypto.randomUUID()}`);
  await db.open();
  ours = await classicCodebook(db); // on-topic, off-topic, …, spam, with ids tag_<name>
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const tagNames = async () => new Map((await db.tags.toArray()).map((t) => [t.id, t.name]));
const bobsCodes = async () => {
  const names = await tagNames();
  return (await readEverything(db)).annotations.filter((a) => a.annotator === 'bob').map((a) => a.tagIds.map((id) => names.get(id)).join('+'));
};

describe('clash detection', () => {
  it('finds a tag of ours under another name and a name of ours under another id, with their uses', () => {
    const clashes = findTagClashes(colleagueFile(), ours);
    expect(clashes.map((c) => [c.incoming.id, c.sameId?.name ?? null, c.sameName?.id ?? null, c.uses])).toEqual([
      ['tag_on-topic', 'on-topic', null, 10],
      ['tag_junk', null, 'tag_spam', 1], // "Spam " is our "spam": names compare without case and spaces
    ]);
  });

  it('same id and same name, or a new id and a new name, is no clash', () => {
    const file = { ...colleagueFile(), codebook: [{ ...ours[0] }, { ...ours[0], id: 'tag_brand-new', name: 'brand new' }] };
    expect(findTagClashes(file, ours)).toEqual([]);
  });

  it('the preview lists each clash with the choice it would take, and counts nothing as merged by id', async () => {
    const preview = await previewImport(db, colleagueFile());
    expect(preview.clashes.map((c) => [c.incoming.name, c.resolution])).toEqual([
      ['sarcasm', { action: 'separate' }],
      ['Spam ', { action: 'map', to: 'tag_spam' }],
    ]);
    expect(preview.new).toBe(11);
    expect(preview.newTags).toEqual(['sarcasm', 'irony']);
  });
});

describe('each resolution gives the right stored result', () => {
  it('by default (nothing chosen): their sarcasm is a code of its own, never our on-topic', async () => {
    await applyImport(db, colleagueFile());
    const names = await tagNames();
    expect(names.get('tag_on-topic')).toBe('on-topic');
    expect([...names.values()].filter((n) => n === 'sarcasm')).toHaveLength(1);
    expect(await bobsCodes()).toEqual([...Array(10).fill('sarcasm'), 'spam+irony']);
  });

  it('keep apart when the name is ours already: the new code is marked "(imported)"', async () => {
    await applyImport(db, colleagueFile(), { tag_junk: { action: 'separate' } });
    expect((await bobsCodes())[10]).toBe('Spam (imported)+irony');
    expect((await tagNames()).get('tag_spam')).toBe('spam');
  });

  it('map onto one of ours: their codings become codings with our tag, and no new tag is added', async () => {
    const before = (await db.tags.count());
    await applyImport(db, colleagueFile(), { 'tag_on-topic': { action: 'map', to: 'tag_argument' } });
    expect(await db.tags.count()).toBe(before + 1); // irony only; Spam maps onto spam by default
    expect(await bobsCodes()).toEqual([...Array(10).fill('argument'), 'spam+irony']);
    const first = (await readEverything(db)).annotations.find((a) => a.id === 'ann_bob_0')!;
    expect(first.history).toEqual([expect.objectContaining({ tagIds: ['tag_argument', 'tag_spam'], note: 'first try' })]);
  });

  it('map onto the tag of the same id when the reader says they are the same code', async () => {
    await applyImport(db, colleagueFile(), { 'tag_on-topic': { action: 'map', to: 'tag_on-topic' } });
    expect((await bobsCodes())[0]).toBe('on-topic');
    expect((await tagNames()).get('tag_on-topic')).toBe('on-topic');
  });

  it('rename: a new code under the given name; a name in use or an empty one is refused and nothing is written', async () => {
    await applyImport(db, colleagueFile(), { 'tag_on-topic': { action: 'rename', name: '  bob: sarcasm ' } });
    expect((await bobsCodes())[0]).toBe('bob: sarcasm');
    const stored = (await db.tags.toArray()).find((t) => t.name === 'bob: sarcasm')!;
    expect(stored.id).toBe('tag_on-topic-imported');

    const other = new AnnotatorDB(`clash-${crypto.randomUUID()}`);
    await classicCodebook(other);
    const before = JSON.stringify(await other.tags.toArray());
    await expect(applyImport(other, colleagueFile(), { 'tag_on-topic': { action: 'rename', name: 'Question' } })).rejects.toThrow(/a tag named “Question” exists already/);
    await expect(applyImport(other, colleagueFile(), { 'tag_on-topic': { action: 'rename', name: ' ' } })).rejects.toThrow(/must not be empty/);
    expect(JSON.stringify(await other.tags.toArray())).toBe(before);
    expect(await other.codings.count()).toBe(0);
    other.close();
    await Dexie.delete(other.name);
  });

  it('a mapping onto a tag we do not have is refused', () => {
    const result = resolveTagClashes(colleagueFile(), ours, { 'tag_on-topic': { action: 'map', to: 'tag_nope' } });
    expect(result).toEqual({ ok: false, error: '“sarcasm”: there is no tag of ours to map it onto.' });
  });
});

describe('a colleague who built the same codebook by hand (the same names, other ids)', () => {
  /** Their file: our classic codes under ids of their own, in a variable of their own named like ours. */
  function sameNamesFile(): NativeExport {
    const file = colleagueFile();
    const variable = { id: 'var_theirs', name: 'Tags', kind: 'multiple' as const, description: '', order: 0 };
    return {
      ...file,
      variables: [variable],
      codebook: ours.map((t) => ({ ...t, id: `${t.id}-theirs`, variableId: variable.id })),
      annotations: file.annotations.map((a) => ({ ...a, tagIds: ['tag_question-theirs'] })),
    };
  }

  it('by default their codes are ours, and no empty copy of the variable joins our codebook', async () => {
    const variables = await db.variables.toArray();
    await applyImport(db, sameNamesFile());
    expect(await bobsCodes()).toEqual(Array(11).fill('question'));
    expect(await db.tags.count()).toBe(ours.length);
    expect(await db.variables.toArray()).toEqual(variables);
  });

  it('a code kept apart brings its variable along', async () => {
    await applyImport(db, sameNamesFile(), { 'tag_question-theirs': { action: 'separate' } });
    expect(await bobsCodes()).toEqual(Array(11).fill('question (imported)'));
    const kept = (await db.tags.toArray()).find((t) => t.name === 'question (imported)')!;
    expect((await db.variables.get(kept.variableId!))?.name).toBe('Tags (imported)');
  });
});
