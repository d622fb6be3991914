import Dexie, { type EntityTable, type IndexableType } from 'dexie';
import { TAGS_VARIABLE } from '../lib/codebook';
import { normalisedTextHash } from '../lib/text-hash';
import { byCoder, codedCountOf, partsOf, tagIdsOf } from './coding-parts';
import type { Annotation, CodingPart, CommentSnapshot, PageRecord, Setting, Tag, ThreadPart, Variable } from '../lib/records';

export const DB_NAME = 'comment-annotator';

/** The settings table's fixed keys (a thread pick is keyed by its site: background/router.ts). */
export const SETTING_KEYS = { annotator: 'annotator', codebookSeeded: 'codebook-seeded', panelPlacement: 'panel-placement', project: 'project', sync: 'project-sync', threadsHeld: 'project-threads-held', threadsSent: 'project-threads-sent' } as const;

/** The key range of a page's records in a table keyed by [url + something]. */
export const pageKeyRange = (url: string): [IndexableType, IndexableType] => [[url, Dexie.minKey], [url, Dexie.maxKey]];

/** A page's record of schema versions 3 to 5: its comment snapshots and every annotator's annotations. */
interface PageBundle {
  url: string;
  comments: CommentSnapshot[];
  annotations: Annotation[];
  tagIds: string[];
  rev?: number;
}

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
      for (const bundle of bundles.values()) bundle.tagIds = tagIdsOf(bundle.annotations);
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
  // v6: a page's bundle splits into its thread's comment snapshots (written when coding starts
  // and as comments arrive) and one record per coder (the only record a key press rewrites);
  // each page record counts its coded comments (coding-parts.ts: how a coder's record splits).
  db.version(6)
    .stores({ bundles: null, codings: '[url+annotator+part], annotator, *tagIds', threads: '[url+part]' })
    .upgrade(async (tx) => {
      const coded = new Map<string, number>();
      const codings: CodingPart[] = [];
      const threads: ThreadPart[] = [];
      await tx.table('bundles').each((bundle: PageBundle) => {
        coded.set(bundle.url, codedCountOf(bundle.annotations));
        if (bundle.comments.length) threads.push({ url: bundle.url, part: 0, comments: bundle.comments });
        for (const [annotator, annotations] of byCoder(bundle.annotations)) codings.push(...partsOf(bundle.url, annotator, annotations, bundle.rev ?? 0));
      });
      await Promise.all([
        tx.table('codings').bulkPut(codings),
        tx.table('threads').bulkPut(threads),
        tx.table('pages').toCollection().modify((page: PageRecord) => {
          page.codedCount = coded.get(page.url) ?? 0;
        }),
      ]);
    });
}

/** The extension's database; opened by the background and by extension pages, never by content scripts. */
export class AnnotatorDB extends Dexie {
  tags!: EntityTable<Tag, 'id'>;
  variables!: EntityTable<Variable, 'id'>;
  pages!: EntityTable<PageRecord, 'url'>;
  codings!: Dexie.Table<CodingPart, [string, string, number]>;
  threads!: Dexie.Table<ThreadPart, [string, number]>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = DB_NAME) {
    // No liveQuery result cache (nothing uses liveQuery now: views follow storage/changes.ts);
    // its default kept every result and handed out deep clones, which for the review page's
    // read of a million annotations cost 2.2 s and a full copy.
    // Relaxed durability: a commit is reported once the operating system has the data, not once
    // it reached the disk. A crash of the browser (or of its service worker) loses nothing then;
    // only the machine losing power within the OS's write-back delay could. Chromium has used
    // it as its default since version 121; said here so older ones do the same.
    super(name, { cache: 'disabled', chromeTransactionDurability: 'relaxed' });
    declareVersions(this);
  }
}
