import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setTag } from '../../storage/annotations';
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
    const recent = (o: Awaited<ReturnType<typeof shownOverview>>) => o.recent.map((r) => `${r.page.url} ${r.tagged}`);

    // No project: everyone's codings.
    const all = await shownOverview(db);
    expect(all).toMatchObject({ pages: 2, commentsTagged: 3, annotations: 3 });
    expect(recent(all).sort()).toEqual([`${page(1).url} 2`, `${page(2).url} 1`]);

    await joinProject(db, { url: 'https://couch.example/study', user: 'alice', password: 'pw' });
    await updateSyncState(db, (state) => ({ ...state, blind: true, lead: false }));
    const own = await shownOverview(db);
    expect(own).toMatchObject({ pages: 1, commentsTagged: 1, annotations: 1 });
    expect(recent(own)).toEqual([`${page(1).url} 1`]);

    // The lead sees everyone's.
    await updateSyncState(db, (state) => ({ ...state, lead: true }));
    expect(recent(await shownOverview(db)).sort()).toEqual([`${page(1).url} 2`, `${page(2).url} 1`]);
  });
});
