import { describe, expect, it, vi } from 'vitest';
import type { AnnotatorSession } from '../../page/annotator-session';
import type { Request } from '../../lib/messages';
import type { CommentSnapshot } from '../../lib/records';
import { normalisedTextHash } from '../../lib/text-hash';
import { annotation, comment, memoryBackground, sessionOn, STANCE, STANCE_CODES, TAGS, URL } from './memory-background';

// The page's session (page/annotator-session.ts) against a background kept in memory: what it
// sends, what it selects, what it puts back on the page's comments.

/** How many actions undo reaches back, as the shortcuts help says (components/panel/keyboard.ts). */
const HISTORY_LIMIT = 20;
const snapshot = (key: string, text: string): CommentSnapshot => ({ pageUrl: URL, key, author: 'A', publishedAt: null, permalink: null, parentKey: null, text, textHash: normalisedTextHash(text), savedAt: '' });

const tagsOf = (session: AnnotatorSession, key: string) => session.snapshot().thread.annotationOf.get(key)?.tagIds ?? [];

/** The comments of the save-thread requests sent so far, a list per request. */
const threadParts = (requests: Request[]) => requests.flatMap((r) => (r.type === 'save-thread' ? [r.comments.map((c) => c.key)] : []));

describe('the thread’s snapshots', () => {
  it('sends a comment’s text only until its snapshot is stored; the thread follows in parts once coding starts, then each comment that arrives', async () => {
    const comments = Array.from({ length: 1_200 }, (_, i) => comment(`wp:${i + 1}`));
    const { session, store, background } = await sessionOn(comments);
    // Nothing coded here yet: no snapshot is sent.
    expect(threadParts(background.requests)).toEqual([]);
    await session.toggleTag(TAGS[0].id, 'wp:1');
    const first = background.requests.find((r) => r.type === 'set-tag')!;
    expect(first.type === 'set-tag' && first.target.comment).toMatchObject({ key: 'wp:1', text: 'comment wp:1', author: 'A' });
    await vi.waitFor(() => expect(background.threadKeys.size).toBe(1_200));
    const parts = threadParts(background.requests);
    expect(parts.map((p) => p.length)).toEqual([200, 200, 200, 200, 200, 199]);
    expect(parts.flat()).not.toContain('wp:1');

    await session.toggleTag(TAGS[0].id, 'wp:2');
    const second = background.requests.filter((r) => r.type === 'set-tag').at(-1)!;
    expect(second.type === 'set-tag' && second.target.comment).toEqual({ key: 'wp:2' });

    store.set({ frameId: 0, layout: 'wp', comments: [...comments, comment('wp:new')] });
    await vi.waitFor(() => expect(threadParts(background.requests).at(-1)).toEqual(['wp:new']));
    expect(threadParts(background.requests)).toHaveLength(7);
  });

  it('on a page coded before, sends the comments whose snapshots are not stored as it loads, and names the others by key', async () => {
    const comments = ['wp:1', 'wp:2', 'wp:3'].map((key) => comment(key));
    const background = memoryBackground({ annotations: [annotation('wp:1', [TAGS[0].id])], snapshots: [snapshot('wp:1', 'comment wp:1')] });
    const { session } = await sessionOn(comments, background);
    await vi.waitFor(() => expect(threadParts(background.requests)).toEqual([['wp:2', 'wp:3']]));
    await session.toggleTag(TAGS[1].id, 'wp:3');
    const press = background.requests.filter((r) => r.type === 'set-tag').at(-1)!;
    expect(press.type === 'set-tag' && press.target.comment).toEqual({ key: 'wp:3' });
  });
});

describe('the annotator session', () => {
  it(`undoes the last ${HISTORY_LIMIT} actions and no more; a new action leaves nothing to redo`, async () => {
    const comments = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => comment(`wp:${i + 1}`));
    const { session, background } = await sessionOn(comments);
    for (const { key } of comments) await session.toggleTag(TAGS[0].id, key);
    expect(session.snapshot().history).toEqual({ canUndo: true, canRedo: false });

    for (let i = 0; i < HISTORY_LIMIT; i++) await session.undo();
    expect(session.snapshot().history).toEqual({ canUndo: false, canRedo: true });
    const sent = background.requests.length;
    await session.undo();
    expect(background.requests.length).toBe(sent);
    expect(session.snapshot().status).toEqual({ kind: 'info', text: 'Nothing to undo.' });
    // The oldest five actions fell out of the history: their tags stay on.
    expect(comments.map(({ key }) => tagsOf(session, key).length)).toEqual(comments.map((_, i) => (i < 5 ? 1 : 0)));
    expect([...background.stored.values()].filter((a) => a.tagIds.length).map((a) => a.commentKey)).toEqual(comments.slice(0, 5).map((c) => c.key));

    await session.redo();
    expect(tagsOf(session, 'wp:6')).toEqual([TAGS[0].id]);
    await session.toggleTag(TAGS[1].id, 'wp:25');
    expect(session.snapshot().history.canRedo).toBe(false);
  });

  it('finds the next uncoded comment after the selection, wrapping around to the start, and says so when there is none', async () => {
    const comments = ['wp:1', 'wp:2', 'wp:3', 'wp:4', 'wp:5'].map((key) => comment(key));
    const keys = comments.map((c) => c.key);
    const { session } = await sessionOn(comments, memoryBackground({ annotations: ['wp:1', 'wp:3', 'wp:5'].map((key) => annotation(key, [TAGS[0].id])) }));
    session.select('wp:4');
    expect(session.nextUncoded(keys)).toBe('wp:2');
    expect(session.snapshot().selectedKey).toBe('wp:2');
    expect(session.nextUncoded(keys)).toBe('wp:4');
    // Only the rows shown count: among these, the one after wp:4 is wp:2 again.
    expect(session.nextUncoded(['wp:2', 'wp:3', 'wp:4', 'wp:5'])).toBe('wp:2');
    session.select(null);
    expect(session.nextUncoded(keys)).toBe('wp:2');

    await session.toggleTag(TAGS[0].id, 'wp:2');
    await session.toggleTag(TAGS[0].id, 'wp:4');
    expect(session.nextUncoded(keys)).toBeNull();
    expect(session.snapshot().selectedKey).toBe('wp:2');
    expect(session.snapshot().status).toEqual({ kind: 'info', text: 'Every comment shown is coded.' });
  });

  it('puts a saved annotation back on its comment by text once the page changed its keys, and saves under the stored key', async () => {
    const text = 'Sony should bring the Xperia Z1 to more carriers.';
    const background = memoryBackground({
      annotations: [annotation('generic:old-1', [TAGS[0].id]), annotation('generic:old-2', [TAGS[1].id])],
      snapshots: [snapshot('generic:old-1', text), snapshot('generic:old-2', 'A comment the site deleted.')],
    });
    const { session, store } = await sessionOn([comment('generic:old-1', text), comment('generic:old-3')], background);
    expect(tagsOf(session, 'generic:old-1')).toEqual([TAGS[0].id]);

    // The site renders the thread again with new keys (a layout without stable ids).
    store.set({ frameId: 0, layout: 'generic', comments: [comment('generic:new-7', text), comment('generic:new-8')] });
    const { annotationOf, missing } = session.snapshot().thread;
    expect([...annotationOf.keys()]).toEqual(['generic:new-7']);
    expect(annotationOf.get('generic:new-7')?.commentKey).toBe('generic:old-1');
    expect(missing.map((m) => [m.annotation.commentKey, m.snapshot?.text])).toEqual([['generic:old-2', 'A comment the site deleted.']]);

    await session.toggleTag(TAGS[1].id, 'generic:new-7');
    const toggle = background.requests.find((r) => r.type === 'set-tag');
    // Under the stored key, which names its stored snapshot: no text goes with it.
    expect(toggle).toMatchObject({ target: { comment: { key: 'generic:old-1' } }, tagId: TAGS[1].id, on: true });
    expect(toggle?.type === 'set-tag' && toggle.target.comment).toEqual({ key: 'generic:old-1' });
    expect(tagsOf(session, 'generic:new-7')).toEqual([TAGS[0].id, TAGS[1].id]);
  });

  it('codes a selected passage as a segment of its comment, selects the comment, and undoes and redoes it; a removed segment comes back on undo', async () => {
    const text = 'The 🍕 was cold. I agree.';
    const { session, background } = await sessionOn([comment('wp:1'), comment('wp:2', text)]);
    session.select('wp:1');
    await session.codePassage('wp:2', TAGS[1].id, { start: 4, end: 15, quote: '🍕 was cold.' });
    expect(session.snapshot().selectedKey).toBe('wp:2');
    // (Coding started: the thread's save-thread follows the press.)
    expect(background.requests.find((r) => r.type === 'edit-segments')).toMatchObject({ type: 'edit-segments', target: { comment: { key: 'wp:2', text } }, segments: { add: [{ tagId: TAGS[1].id, start: 4, end: 15, quote: '🍕 was cold.' }] } });
    const segmentsOf = (key: string) => session.snapshot().thread.annotationOf.get(key)?.segments ?? [];
    const [segment] = segmentsOf('wp:2');
    expect(segment).toMatchObject({ tagId: TAGS[1].id, quote: '🍕 was cold.' });
    // The whole comment is not tagged: the code is on the passage.
    expect(tagsOf(session, 'wp:2')).toEqual([]);

    session.select('wp:1');
    await session.undo();
    expect(segmentsOf('wp:2')).toEqual([]);
    expect(background.stored.get('wp:2')?.segments ?? []).toEqual([]);
    expect(session.snapshot().selectedKey).toBe('wp:2');
    expect(session.snapshot().status?.text).toBe('Undid: removed a coded passage from A’s comment.');
    await session.redo();
    expect(segmentsOf('wp:2')).toEqual([segment]);
    expect(session.snapshot().status?.text).toBe('Redid: coded “🍕 was cold.” of A’s comment as “off-topic”.');

    await session.removeSegment('wp:2', segment.id);
    expect(segmentsOf('wp:2')).toEqual([]);
    await session.undo();
    expect(segmentsOf('wp:2')).toEqual([segment]);
    expect(session.snapshot().status?.text).toBe('Undid: coded “🍕 was cold.” of A’s comment as “off-topic” again.');
    expect(background.stored.get('wp:2')?.segments).toEqual([segment]);
  });

  it('x codes a comment as "no code applies": its tags come off, it counts as coded, u passes it, a tag clears it, and undo puts the tags back', async () => {
    const comments = ['wp:1', 'wp:2', 'wp:3'].map((key) => comment(key));
    const keys = comments.map((c) => c.key);
    const { session, background } = await sessionOn(comments);
    await session.toggleTag(TAGS[0].id, 'wp:2');
    await session.toggleTag(TAGS[1].id, 'wp:2');
    session.select('wp:2');
    await session.toggleNone();
    expect(background.requests.at(-1)).toMatchObject({ type: 'set-codes', tags: {}, none: true });
    expect(background.stored.get('wp:2')).toMatchObject({ tagIds: [], none: true });
    expect(session.snapshot().thread.annotationOf.get('wp:2')).toMatchObject({ tagIds: [], none: true });

    // u from wp:1 passes wp:2 ("no code applies" is coded) and goes on to wp:3.
    session.select('wp:1');
    expect(session.nextUncoded(keys)).toBe('wp:3');

    await session.undo();
    expect(background.requests.at(-1)).toMatchObject({ type: 'set-codes', tags: { [TAGS[0].id]: true, [TAGS[1].id]: true }, none: false });
    expect(tagsOf(session, 'wp:2')).toEqual([TAGS[0].id, TAGS[1].id]);
    expect(session.snapshot().thread.annotationOf.get('wp:2')?.none).toBeUndefined();
    expect(session.snapshot().status?.text).toBe('Undid: put “on-topic”, “off-topic” back on A’s comment.');
    await session.redo();
    expect(session.snapshot().thread.annotationOf.get('wp:2')).toMatchObject({ tagIds: [], none: true });
    expect(session.snapshot().status?.text).toBe('Redid: set “no code applies” on A’s comment.');

    // A tag put on clears it; undoing that sets it again; x on a "no code applies" comment clears it.
    await session.toggleTag(TAGS[0].id, 'wp:2');
    expect(session.snapshot().thread.annotationOf.get('wp:2')).toMatchObject({ tagIds: [TAGS[0].id] });
    expect(session.snapshot().thread.annotationOf.get('wp:2')?.none).toBeUndefined();
    await session.undo();
    expect(session.snapshot().thread.annotationOf.get('wp:2')).toMatchObject({ tagIds: [], none: true });
    await session.toggleNone('wp:2');
    expect(background.requests.at(-1)).toMatchObject({ type: 'set-codes', tags: {}, none: false });
    expect(session.snapshot().thread.annotationOf.get('wp:2')?.none).toBeFalsy();
    session.select('wp:1');
    expect(session.nextUncoded(keys)).toBe('wp:2');
  });

  it('a code of a single-choice variable replaces the variable’s previous code (undo brings that back); a grouping code is not applied', async () => {
    const background = memoryBackground({ codebook: [...TAGS, ...STANCE_CODES], variables: [STANCE] });
    const { session } = await sessionOn([comment('wp:1')], background);
    session.select('wp:1');
    await session.toggleTag(TAGS[0].id);
    await session.toggleTag('tag_for');
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[0].id, 'tag_for']);
    await session.toggleTag('tag_against');
    expect(background.requests.at(-1)).toMatchObject({ type: 'set-codes', tags: { tag_against: true, tag_for: false } });
    // The multiple-choice tag stays; only the stance changed.
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[0].id, 'tag_against']);

    await session.undo();
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[0].id, 'tag_for']);
    expect(session.snapshot().status?.text).toBe('Undid: put “for” back on and removed “against” from A’s comment.');
    await session.redo();
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[0].id, 'tag_against']);

    const sent = background.requests.length;
    await session.toggleTag('tag_mixed');
    expect(background.requests.length).toBe(sent);
    expect(session.snapshot().status).toEqual({ kind: 'info', text: '“mixed” only groups codes: apply one of the codes under it.' });
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[0].id, 'tag_against']);
  });

  it('opened before the page shows its comments, selects the first comment when they arrive: its code keys act on it', async () => {
    // The panel opened from the popup on a page whose thread loads later (giscus, a lazy embed)
    // shows the first comment selected once it arrives; the keys must code that comment.
    const { session, store, background } = await sessionOn([]);
    session.setOpen(true);
    expect(session.snapshot().selectedKey).toBeNull();
    store.set({ frameId: 0, layout: 'wp', comments: [comment('wp:1'), comment('wp:2')] });
    expect(session.snapshot().selectedKey).toBe('wp:1');
    await session.toggleTag(TAGS[0].id);
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[0].id]);
    expect(background.stored.get('wp:1')?.tagIds).toEqual([TAGS[0].id]);
    expect(session.snapshot().status).toBeNull();
  });

  it('reads a codebook without variables (before schema v5) as one multiple-choice variable: codes add up', async () => {
    const background = memoryBackground({ codebook: [...TAGS, ...STANCE_CODES] });
    const { session } = await sessionOn([comment('wp:1')], background);
    expect(session.snapshot().thread.variables).toEqual([]);
    await session.toggleTag('tag_for', 'wp:1');
    await session.toggleTag('tag_against', 'wp:1');
    expect(tagsOf(session, 'wp:1')).toEqual(['tag_for', 'tag_against']);
  });
});

describe('news of stored annotations', () => {
  it('redraws nothing for the relay’s news of the panel’s own press, and takes news of a later write', async () => {
    const { session, background } = await sessionOn([comment('wp:1'), comment('wp:2')]);
    await session.toggleTag(TAGS[0].id, 'wp:1');
    const press = background.requests.filter((r) => r.type === 'set-tag').length;
    expect(press).toBe(1);
    const own = background.stored.get('wp:1')!;
    let redrawn = 0;
    session.subscribe(() => redrawn++);
    const hear = (annotation: typeof own, rev: number) =>
      session.onMessage({ type: 'stored-change', change: { kind: 'annotation', pageUrl: URL, commentKey: annotation.commentKey, annotator: 'me', annotation, rev } });
    // The press was answered at revision 2 (the memory background starts at 1).
    await hear(own, 2);
    expect(redrawn).toBe(0);
    // Another tab wrote the same comment after it: taken and drawn.
    await hear({ ...own, tagIds: [TAGS[1].id] }, 3);
    expect(redrawn).toBe(1);
    expect(tagsOf(session, 'wp:1')).toEqual([TAGS[1].id]);
  });
});
