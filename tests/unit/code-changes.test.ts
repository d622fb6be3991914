import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classicCodebook } from './classic';
import { renameAnnotator, setTag } from '../../storage/annotations';
import { readCoderPage, readEverything, replaceCoderPage } from '../../storage/codings';
import { onChange } from '../../storage/changes';
import { deleteTag, mergeTag, tagUsage, undoCodeChange } from '../../storage/code-changes';
import { addTag, loadCodebook, updateTag } from '../../storage/codebook';
import { AnnotatorDB } from '../../storage/schema';
import { addVariable } from '../../storage/variables';
import type { StoreChange } from '../../lib/changes';
import type { Annotation, Target } from '../../lib/records';

// Point 8: deleting and merging codes say whose annotations they touch, change other coders'
// only when allowed, and can be undone.

let db: AnnotatorDB;
let name: string;
beforeEach(async () => {
  name = `code-changes-${crypto.randomUUID()}`;
  db = new AnnotatorDB(name);
  await classicCodebook(db);
  await renameAnnotator(db, 'me');
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const PAGE = 'https://www.xperiablog.net/a/';
const target = (key: string, annotator: string): Target => ({
  page: { url: PAGE, layout: 'disqus', metadata: null, commentCount: 3 },
  comment: { key, author: 'Ann', publishedAt: null, permalink: null, parentKey: null, text: `text of ${key}` },
  annotator,
});
const tagsOf = async () => Object.fromEntries((await readEverything(db)).annotations.map((a) => [`${a.annotator} ${a.commentKey}`, a.tagIds]));
const ids = async () => (await loadCodebook(db)).map((t) => t.id);

/** me: 1 (on-topic, question), 2 (on-topic); bob: 1 (on-topic, spam), imported; carol: 3 (question). */
async function seed() {
  await setTag(db, target('disqus:1', 'me'), 'tag_on-topic', true, await ids());
  await setTag(db, target('disqus:1', 'me'), 'tag_question', true, await ids());
  await setTag(db, target('disqus:2', 'me'), 'tag_on-topic', true, await ids());
  await setTag(db, target('disqus:1', 'bob'), 'tag_on-topic', true, await ids());
  await setTag(db, target('disqus:1', 'bob'), 'tag_spam', true, await ids());
  await setTag(db, target('disqus:3', 'carol'), 'tag_question', true, await ids());
}

/** Gives an annotation a segment coded `tagId`. */
async function addSegment(annotator: string, key: string, tagId: string) {
  const coder = await readCoderPage(db, PAGE, annotator);
  const annotations = coder.annotations.map((a): Annotation => a.annotator === annotator && a.commentKey === key
    ? { ...a, segments: [{ id: `seg_${annotator}`, tagId, quote: 'text', start: 0, end: 4, createdAt: a.createdAt }] } : a);
  await replaceCoderPage(db, { ...coder, annotations, rev: coder.rev + 1 }, true);
}

describe('usage', () => {
  it('counts a code’s annotations per annotator, segments included', async () => {
    await seed();
    await addSegment('carol', 'disqus:3', 'tag_argument');
    expect(await tagUsage(db, 'tag_on-topic')).toEqual([{ annotator: 'bob', count: 1 }, { annotator: 'me', count: 2 }]);
    expect(await tagUsage(db, 'tag_argument')).toEqual([{ annotator: 'carol', count: 1 }]);
    expect(await tagUsage(db, 'tag_praise')).toEqual([]);
  });
});

describe('deleting a code', () => {
  it('by default changes only my annotations; the code stays while bob’s use it, and says so', async () => {
    await seed();
    const change = await deleteTag(db, 'tag_on-topic');
    expect(change).toMatchObject({ removed: false, kept: [{ annotator: 'bob', count: 1 }] });
    expect(change.annotations.map((r) => r.before.annotator)).toEqual(['me', 'me']);
    expect(await tagsOf()).toEqual({ 'me disqus:1': ['tag_question'], 'me disqus:2': [], 'bob disqus:1': ['tag_on-topic', 'tag_spam'], 'carol disqus:3': ['tag_question'] });
    expect(await ids()).toContain('tag_on-topic');
  });

  it('with others allowed: everyone’s annotations, segments too; the code leaves and its nested codes move up', async () => {
    await seed();
    await addSegment('bob', 'disqus:1', 'tag_on-topic');
    await updateTag(db, 'tag_praise', { parentId: 'tag_on-topic' });
    const change = await deleteTag(db, 'tag_on-topic', { others: true });
    expect(change).toMatchObject({ removed: true, kept: [], nested: [{ id: 'tag_praise', parentId: 'tag_on-topic' }] });
    expect(await tagsOf()).toEqual({ 'me disqus:1': ['tag_question'], 'me disqus:2': [], 'bob disqus:1': ['tag_spam'], 'carol disqus:3': ['tag_question'] });
    expect((await readEverything(db)).annotations.find((a) => a.annotator === 'bob')!.segments).toEqual([]);
    expect(await ids()).not.toContain('tag_on-topic');
    expect((await loadCodebook(db)).find((t) => t.id === 'tag_praise')!.parentId).toBeNull();
    expect(await db.codings.where('tagIds').equals('tag_on-topic').count()).toBe(0);
  });

  it('undo puts the code (key, nesting) and every annotation back exactly; one changed since keeps that change', async () => {
    await seed();
    await updateTag(db, 'tag_praise', { parentId: 'tag_on-topic' });
    const before = await readEverything(db);
    const codebook = await loadCodebook(db);
    const change = await deleteTag(db, 'tag_on-topic', { others: true });
    await setTag(db, target('disqus:2', 'me'), 'tag_argument', true, await ids());
    expect(await undoCodeChange(db, change)).toBe(3);
    expect(await loadCodebook(db)).toEqual(codebook);
    const after = await readEverything(db);
    const unchanged = (a: Annotation) => a.commentKey !== 'disqus:2';
    expect(after.annotations.filter(unchanged)).toEqual(before.annotations.filter(unchanged));
    expect(await tagsOf()).toMatchObject({ 'me disqus:2': ['tag_argument', 'tag_on-topic'] });
  });
});

describe('merging codes', () => {
  it('A into B: annotations with A get B in its place (once), segments too; A leaves; a rename before kept every annotation', async () => {
    await seed();
    await updateTag(db, 'tag_question', { name: 'query' }); // a rename changes no annotation: ids stay
    await addSegment('me', 'disqus:2', 'tag_question');
    await setTag(db, target('disqus:1', 'me'), 'tag_spam', true, await ids());
    const change = await mergeTag(db, 'tag_question', 'tag_spam', { others: true });
    expect(change).toMatchObject({ kind: 'merge', removed: true, intoId: 'tag_spam' });
    expect(await tagsOf()).toEqual({ 'me disqus:1': ['tag_on-topic', 'tag_spam'], 'me disqus:2': ['tag_on-topic'], 'bob disqus:1': ['tag_on-topic', 'tag_spam'], 'carol disqus:3': ['tag_spam'] });
    expect((await readEverything(db)).annotations.find((a) => a.commentKey === 'disqus:2')!.segments!.map((s) => s.tagId)).toEqual(['tag_spam']);
    expect(await tagUsage(db, 'tag_spam')).toEqual([{ annotator: 'bob', count: 1 }, { annotator: 'carol', count: 1 }, { annotator: 'me', count: 2 }]);

    await undoCodeChange(db, change);
    expect(await tagsOf()).toEqual({ 'me disqus:1': ['tag_on-topic', 'tag_question', 'tag_spam'], 'me disqus:2': ['tag_on-topic'], 'bob disqus:1': ['tag_on-topic', 'tag_spam'], 'carol disqus:3': ['tag_question'] });
    expect((await loadCodebook(db)).find((t) => t.id === 'tag_question')!.name).toBe('query');
  });

  it('by default only my annotations; carol’s keep A, which stays', async () => {
    await seed();
    const change = await mergeTag(db, 'tag_question', 'tag_argument');
    expect(change).toMatchObject({ removed: false, kept: [{ annotator: 'carol', count: 1 }] });
    expect(await tagsOf()).toMatchObject({ 'me disqus:1': ['tag_on-topic', 'tag_argument'], 'carol disqus:3': ['tag_question'] });
  });

  it('into a single-choice variable: refused while an annotation would hold two of its codes; never into itself', async () => {
    await seed();
    const stance = await addVariable(db, { name: 'stance', kind: 'single' });
    const [pro, con] = [await addTag(db, { name: 'pro', variableId: stance.id }), await addTag(db, { name: 'con', variableId: stance.id })];
    await setTag(db, target('disqus:1', 'me'), pro.id, true, await ids());
    await setTag(db, target('disqus:2', 'me'), con.id, true, await ids());
    await expect(mergeTag(db, 'tag_question', con.id)).rejects.toThrow('“stance” is single choice, and 1 annotation (by me) would hold two of its codes');
    await expect(mergeTag(db, con.id, pro.id)).resolves.toMatchObject({ removed: true });
    await expect(mergeTag(db, 'tag_spam', 'tag_spam')).rejects.toThrow('another code');
  });

  it('every delete, merge and undo announces a codebook change', async () => {
    await seed();
    const heard: StoreChange[] = [];
    const stop = onChange(db, (c) => heard.push(c));
    await undoCodeChange(db, await mergeTag(db, 'tag_question', 'tag_spam'));
    await deleteTag(db, 'tag_praise');
    await vi.waitFor(() => expect(heard.filter((c) => c.kind === 'codebook')).toHaveLength(3));
    stop();
  });
});
