import Dexie, { type EntityTable } from 'dexie';
import { TAGS_VARIABLE } from '../lib/codebook';
import { normalisedTextHash } from '../lib/text-hash';
import type { Annotation, CommentSnapshot, PageBundle, PageRecord, Setting, Tag, Variable } from '../lib/records';

export const DB_NAME = 'comment-annotator';

/** The settings table's fixed keys (a thread pick is keyed by its site: background/router.ts). */
export const SETTING_KEYS = { annotator: 'annotator', codebookSeeded: 'codebook-seeded', panelPlacement: 'panel-placement' } as const;

/**
 * Every schema version, oldest first. Never edit a released version: add one, with an upgrade
 * that brings old rows along (tests/unit/storage.test.ts opens a v1 database with v2).
 */
export function declareVersions(db: Dexie): void {
  // v1: the first schema.
  db.version(1).stores({
    tags: 'id, order',
    pages: 'url, lastSeen',
    snapshots: '[pageUrl+key], pageUrl',
    annotations: 'id, [pageUrl+commentKey], pageUrl, annotator, updatedAt',
    settings: 'key',
  });
  // v2: comments are re-found by text where a layout has no stable ids, and annotations are
  // looked up by tag; older snapshots get their text hash computed here.
  db.version(2)
    .stores({
      snapshots: '[pageUrl+key], pageUrl, textHash',
      annotations: 'id, &[annotator+pageUrl+commentKey], [pageUrl+commentKey], pageUrl, annotator, updatedAt, *tagIds',
    })
    .upgrade(async (tx) => {
      await tx.table('snapshots').toCollection().modify((snapshot: CommentSnapshot) => {
        snapshot.textHash ??= normalisedTextHash(snapshot.text);
      });
    });
  // v3: comments and annotations move into one bundle per page (see PageBundle for why).
  db.version(3)
    .stores({ bundles: 'url, *tagIds' })
    .upgrade(async (tx) => {
      const bundles = new Map<string, PageBundle>();
      const bundleOf = (url: string) => {
        if (!bundles.has(url)) bundles.set(url, { url, comments: [], annotations: [], tagIds: [] });
        return bundles.get(url)!;
      };
      await tx.table('snapshots').each((s: CommentSnapshot) => void bundleOf(s.pageUrl).comments.push(s));
      await tx.table('annotations').each((a: Annotation) => void bundleOf(a.pageUrl).annotations.push(a));
      for (const bundle of bundles.values()) bundle.tagIds = [...new Set(bundle.annotations.flatMap((a) => a.tagIds))];
      await tx.table('bundles').bulkPut([...bundles.values()]);
    });
  // v4: the per-comment tables go, now that v3 moved their rows.
  db.version(4).stores({ snapshots: null, annotations: null });
  // v5: codebook variables (lib/records.ts Variable) over the codes (tags). An existing codebook's
  // tags become the codes of one multiple-choice variable, TAGS_VARIABLE (its fixed id, so files
  // of colleagues who upgraded merge): every annotation keeps its tags, nothing else changes.
  db.version(5)
    .stores({ variables: 'id, order' })
    .upgrade(async (tx) => {
      const tags = tx.table('tags');
      if ((await tags.count()) === 0) return;
      await tx.table('variables').put({ ...TAGS_VARIABLE, order: 0 } satisfies Variable);
      await tags.toCollection().modify((tag: Tag) => {
        tag.variableId ??= TAGS_VARIABLE.id;
      });
    });
}

/** The extension's database; opened by the background and by extension pages, never by content scripts. */
export class AnnotatorDB extends Dexie {
  tags!: EntityTable<Tag, 'id'>;
  variables!: EntityTable<Variable, 'id'>;
  pages!: EntityTable<PageRecord, 'url'>;
  bundles!: EntityTable<PageBundle, 'url'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = DB_NAME) {
    // No liveQuery result cache (nothing uses liveQuery now: views follow storage/changes.ts);
    // its default kept every result and handed out deep clones, which for the review page's
    // read of a million annotations cost 2.2 s and a full copy.
    super(name, { cache: 'disabled' });
    declareVersions(this);
  }
}
