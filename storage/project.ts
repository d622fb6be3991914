import { storedAnnotatorName } from './annotations';
import { announce } from './changes';
import { SETTING_KEYS, type AnnotatorDB } from './schema';
import type { CouchTarget } from '../lib/couch';
import type { StoreChange } from '../lib/changes';
import type { Removals } from './sync-docs';

// The team project this browser codes in (a CouchDB database), and where its sync stands. Kept
// in the settings table: credentials never go into exports (they export codings, not settings)
// and are never logged.

/** The project joined: its database, and who this browser is there. */
export interface Project extends CouchTarget {
  joinedAt: string;
}

/** Where sync stands, kept over service worker restarts. */
export interface SyncState {
  /** The main database's `_changes` sequence everything before which is merged here. */
  checkpoint: string | number | null;
  /** The same for each other database read (blind coding: a coder's own, or every coder's for the lead), by name. */
  checkpoints?: Record<string, string | number>;
  /** The database the waiting pages go to, by name (absent: the main one); blind coding changes it. */
  pushedTo?: string;
  /** Whether the project's coding was blind at the last round, and whether this user leads it. */
  blind?: boolean;
  lead?: boolean;
  /**
   * Pages whose codings changed here and are not on the server yet, each with a count of the
   * changes: a page changed again while a round sent it stays waiting.
   */
  pending: Record<string, number>;
  /** Per page, this browser's codings taken off and not yet on the server. */
  removed: Record<string, Removals>;
  /** The codebook changed here since it was last sent (sent only by the project's lead). */
  codebookChanged?: boolean;
  /** When a round last finished without an error. */
  lastSync: string | null;
  /** What went wrong in the last round, in words; null when it went through. */
  error: string | null;
}

const EMPTY: SyncState = { checkpoint: null, pending: {}, removed: {}, lastSync: null, error: null };

/** `pending` with these pages changed once more. */
const withPending = (pending: SyncState['pending'], urls: readonly string[]) => {
  const next = { ...pending };
  for (const url of urls) next[url] = (next[url] ?? 0) + 1;
  return next;
};

async function readJson<T>(db: AnnotatorDB, key: string): Promise<T | null> {
  const row = await db.settings.get(key);
  return row ? JSON.parse(row.value) as T : null;
}

/** The project joined, or null. */
export const readProject = (db: AnnotatorDB) => readJson<Project>(db, SETTING_KEYS.project);

/** Where sync stands (nothing done yet when never synced). */
export async function readSyncState(db: AnnotatorDB): Promise<SyncState> {
  return { ...EMPTY, ...await readJson<SyncState>(db, SETTING_KEYS.sync) };
}

/**
 * Joins a project (after its database was checked): every page coded here is waiting to be
 * sent, and the server's changes are read from the start.
 */
export async function joinProject(db: AnnotatorDB, target: CouchTarget): Promise<void> {
  await db.transaction('rw', db.settings, db.pages, async () => {
    const pages = await db.pages.toCollection().primaryKeys();
    const project: Project = { url: target.url, user: target.user, password: target.password, joinedAt: new Date().toISOString() };
    await db.settings.bulkPut([
      { key: SETTING_KEYS.project, value: JSON.stringify(project) },
      { key: SETTING_KEYS.sync, value: JSON.stringify({ ...EMPTY, pending: withPending({}, pages) }) },
    ]);
  });
  announce(db, { kind: 'project' });
}

/** Leaves the project: sync stops; every coding stays here. */
export async function leaveProject(db: AnnotatorDB): Promise<void> {
  await db.settings.bulkDelete([SETTING_KEYS.project, SETTING_KEYS.sync]);
  announce(db, { kind: 'project' });
}

/**
 * Changes where sync stands, in one transaction with what it reads (a page marked waiting while
 * a round ran is not lost): `change` gets the current state and returns the new one. Nothing
 * is kept once the project was left meanwhile.
 */
export async function updateSyncState(db: AnnotatorDB, change: (state: SyncState) => SyncState): Promise<SyncState> {
  const next = await db.transaction('rw', db.settings, async () => {
    if (!(await db.settings.get(SETTING_KEYS.project))) return null;
    const state = change(await readSyncState(db));
    await db.settings.put({ key: SETTING_KEYS.sync, value: JSON.stringify(state) });
    return state;
  });
  announce(db, { kind: 'project' });
  return next ?? EMPTY;
}

/**
 * Sends every page to another database from now on (blind coding turned on or off): every page
 * waits to be sent there, and every database is read again from its start.
 */
export async function retarget(db: AnnotatorDB, database: string): Promise<SyncState> {
  const pages = await db.pages.toCollection().primaryKeys();
  return updateSyncState(db, (state) => ({ ...state, pending: withPending(state.pending, pages), checkpoint: null, checkpoints: {}, pushedTo: database }));
}

/**
 * The one annotator whose codings this browser may show, or null for everyone's: while the
 * project's coding is blind, a coder (not the lead) sees only their own, also those of others
 * merged here before it turned blind.
 */
export async function shownAnnotator(db: AnnotatorDB): Promise<string | null> {
  if (!(await readProject(db))) return null;
  const state = await readSyncState(db);
  if (!state.blind || state.lead) return null;
  return storedAnnotatorName(db);
}

/** The ids of the annotations this browser may show (see `shownAnnotator`), or null for all. */
export async function shownAnnotationIds(db: AnnotatorDB): Promise<Set<string> | null> {
  const annotator = await shownAnnotator(db);
  if (annotator === null) return null;
  const rows = await db.codings.where('annotator').equals(annotator).toArray();
  return new Set(rows.flatMap((row) => row.annotations.map((a) => a.id)));
}

/** Marks pages as changed here: the next round sends them. */
export function markPending(db: AnnotatorDB, pageUrls: readonly string[]): Promise<SyncState> {
  return updateSyncState(db, (state) => ({ ...state, pending: withPending(state.pending, pageUrls) }));
}

/**
 * Keeps what a committed write means for sync (the background hears every announcement): its
 * pages wait to be sent, and a coding `me` took off is remembered as taken off, with when, so a
 * version from the server does not bring it back. Other changes change nothing.
 */
export async function noteChange(db: AnnotatorDB, change: StoreChange, me: string): Promise<void> {
  if (change.kind !== 'annotation' && change.kind !== 'codebook' && !(change.kind === 'pages' && change.pageUrls?.length)) return;
  if (!(await readProject(db))) return;
  await updateSyncState(db, (state) => {
    if (change.kind === 'codebook') return { ...state, codebookChanged: true };
    if (change.kind === 'pages') return { ...state, pending: withPending(state.pending, change.pageUrls!) };
    const removed = { ...state.removed, [change.pageUrl]: { ...state.removed[change.pageUrl] } };
    if (change.annotator === me && !change.annotation) removed[change.pageUrl][change.commentKey] = new Date().toISOString();
    else delete removed[change.pageUrl][change.commentKey];
    return { ...state, removed, pending: withPending(state.pending, [change.pageUrl]) };
  });
}
