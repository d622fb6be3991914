import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { editFromPage, setNote, setTag } from '../../storage/annotations';
import { loadCodebook } from '../../storage/codebook';
import { joinProject, updateSyncState } from '../../storage/project';
import { SETTING_KEYS, type AnnotatorDB } from '../../storage/schema';
import { shownOverview } from '../../storage/stats';
import { comment, freshBrowser } from './sync-helpers';

// The popup's numbers (storage/stats.ts) follow the one rule of what this browser may show
// (storage/project.ts shownAnnotator): while coding is blind, a coder sees only their own.

const page = (n: number) => ({ url: `https://example.org/article-${n}`, layout: 'disqus' as const, metadata: { title: `Article ${n}` } as never, commentCount: 5 });

/** Tags comment `n` of page `p` as `annotator` (this browser's name is switched for the press, as codings merged from others arrive under their names). */
async function tagAs(db: AnnotatorDB, annotator: string, p: number, n: number) {
  const own = (await db.settings.get(SETTING_KEYS.annotator))!.value;
  await db.settings.put({ key: SETTING_KEYS.annotator, value: annotator });
  await setTag(db, { page: page(p), comment: comment(n) }, 'tag_on-topic', true, (await loadCodebook(db)).map((t) => t.id));
  await db.settings.put({ key: SETTING_KEYS.annotator, value: own });
}

describe('the popup’s overview', () => {
  it('blind coding: a coder’s recent pages, totals and progress are of the pages and codings of their own', async () => {
    const db = await freshBrowser('alice');
    await tagAs(db, 'alice', 1, 1);
    await tagAs(db, 'bob', 1, 2);
    await tagAs(db, 'bob', 2, 1);
    const recent = (o: Awaited<ReturnType<typeof shownOverview>>) => o.recent.map((r) => `${r.page.url} ${r.coded}`);

    // No project: everyone's codings.
    const all = await shownOverview(db);
    expect(all).toMatchObject({ pages: 2, commentsCoded: 3, annotations: 3 });
    expect(recent(all).sort()).toEqual([`${page(1).url} 2`, `${page(2).url} 1`]);

    await joinProject(db, { url: 'https://couch.example/study', user: 'alice', password: 'pw' });
    await updateSyncState(db, (state) => ({ ...state, blind: true, lead: false }));
    const own = await shownOverview(db);
    expect(own).toMatchObject({ pages: 1, commentsCoded: 1, annotations: 1 });
    expect(recent(own)).toEqual([`${page(1).url} 1`]);

    // The lead sees everyone's.
    await updateSyncState(db, (state) => ({ ...state, lead: true }));
    expect(recent(await shownOverview(db)).sort()).toEqual([`${page(1).url} 2`, `${page(2).url} 1`]);
  });
});

describe('the popup’s progress', () => {
  it('counts a comment coded as the panel does: by a code, a passage or "no code applies", never by a note alone', async () => {
    const db = await freshBrowser('alice');
    const target = (n: number) => ({ page: page(1), comment: comment(n) });
    await setTag(db, target(1), 'tag_on-topic', true, []);
    await editFromPage(db, target(2), { none: true }, []);
    await editFromPage(db, target(3), { segments: { add: [{ id: 'seg_1', tagId: 'tag_on-topic', quote: 'Comm', start: 0, end: 4, createdAt: '' }] } }, []);
    await setNote(db, target(4), 'only a note');
    const overview = await shownOverview(db);
    expect(overview).toMatchObject({ commentsCoded: 3, annotations: 4 });
    expect(overview.recent.map((r) => r.coded)).toEqual([3]);
  });
});
