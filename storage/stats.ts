import type { AnnotatorDB, PageRecord, Tag } from './schema';

/** The popup's numbers: totals, tag counts, and the most recent pages with their progress. */
export interface Overview {
  pages: number;
  commentsTagged: number;
  annotations: number;
  tagCounts: { tag: Tag; count: number }[];
  recent: { page: PageRecord; tagged: number }[];
}

/** Reads the overview with indexed counts; cheap even with 100,000 annotations. */
export async function overview(db: AnnotatorDB, recentPages = 6): Promise<Overview> {
  return db.transaction('r', [db.tags, db.pages, db.annotations], async () => {
    const [tags, pages, annotations, recent] = await Promise.all([
      db.tags.orderBy('order').toArray(),
      db.pages.count(),
      db.annotations.count(),
      db.pages.orderBy('lastSeen').reverse().limit(recentPages).toArray(),
    ]);
    const tagCounts = await Promise.all(tags.map(async (tag) => ({ tag, count: await db.annotations.where('tagIds').equals(tag.id).count() })));
    const tagged = new Set<string>();
    await db.annotations.each((a) => {
      if (a.tagIds.length) tagged.add(`${a.pageUrl}\u0000${a.commentKey}`);
    });
    const perPage = await Promise.all(recent.map(async (page) => ({
      page,
      tagged: new Set((await db.annotations.where('pageUrl').equals(page.url).toArray()).filter((a) => a.tagIds.length).map((a) => a.commentKey)).size,
    })));
    return { pages, commentsTagged: tagged.size, annotations, tagCounts, recent: perPage };
  });
}
