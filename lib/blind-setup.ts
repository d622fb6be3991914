import { coderDatabaseName, DESIGN_ID, databaseName, readProjectDoc, siblingDatabase, VALIDATE, VALIDATE_BLIND, type ProjectDoc } from './blind';
import { CouchError, couchRequest, unless, upsertDoc, type CouchTarget } from './couch';

// Turning blind coding on or off on the server, as the project's lead (the options page) or a
// server admin (npm run project:create -- … --blind). On: every user gets a database of their
// own (members: that user; admins: the main database's), the main database refuses codings from
// anyone but the lead, and the codings and thread documents already there (which say what pages
// each coder coded) move to their coder's database (then the main database is compacted, so no
// old revision of them stays readable). Off: they move back. A move merges with what the
// destination holds, newest coding per comment, every comment of a thread: none is lost.

/** Documents moved per request. */
const BATCH = 100;

/** A coding document as far as moving it needs (storage/sync-docs.ts has the whole shape). */
export interface MovableCoding {
  _id: string;
  _rev?: string;
  type: 'coding';
  user?: string;
  annotations?: { commentKey: string; updatedAt: string }[];
  removed?: Record<string, string>;
  comments?: { key: string }[];
  tags?: { id: string }[];
  page?: unknown;
}

interface Security { members?: { names?: string[] }; admins?: { names?: string[] } }

const isCoding = (doc: unknown): doc is MovableCoding => !!doc && (doc as MovableCoding).type === 'coding' && String((doc as MovableCoding)._id).startsWith('coding:');

/** Per key, the later of two entries (`newer(a, b)` says whether b is). */
function unite<T>(key: (item: T) => string, a: readonly T[], b: readonly T[], newer: (a: T, b: T) => boolean = () => true): T[] {
  const by = new Map(a.map((item) => [key(item), item]));
  for (const item of b) {
    const held = by.get(key(item));
    if (!held || newer(held, item)) by.set(key(item), item);
  }
  return [...by.values()];
}

/**
 * One coder's two versions of a page's document as one: per comment the newer coding, or the
 * newer removal; the comments and codes either carries. `held` is the destination's (its _rev
 * is kept), `moved` the one arriving.
 */
export function combineCodings(held: MovableCoding, moved: MovableCoding): MovableCoding {
  const removed: Record<string, string> = { ...held.removed };
  for (const [key, at] of Object.entries(moved.removed ?? {})) if (!(removed[key] >= at)) removed[key] = at;
  const annotations = unite((a) => a.commentKey, held.annotations ?? [], moved.annotations ?? [], (a, b) => b.updatedAt > a.updatedAt)
    .filter((a) => !(removed[a.commentKey] >= a.updatedAt));
  for (const a of annotations) delete removed[a.commentKey];
  return {
    ...moved, _rev: held._rev, annotations, removed,
    comments: unite((c) => c.key, held.comments ?? [], moved.comments ?? []),
    tags: unite((t) => t.id, held.tags ?? [], moved.tags ?? []),
    page: moved.page ?? held.page,
  };
}

/** Installs a database's validation function (lib/blind.ts has them). */
export const validateWith = (target: CouchTarget, source: string, fetcher: typeof fetch = fetch) =>
  upsertDoc(target, DESIGN_ID, () => ({ validate_doc_update: source }), fetcher);

/** A thread part as far as moving it needs (storage/sync-threads.ts has the whole shape). */
export interface MovableThread {
  _id: string;
  _rev?: string;
  type: 'thread';
  user?: string;
  comments?: { key: string }[];
}

/** A coder's document that lives where their codings do. */
type Movable = MovableCoding | MovableThread;

const isThread = (doc: unknown): doc is MovableThread => !!doc && (doc as MovableThread).type === 'thread' && String((doc as MovableThread)._id).startsWith('thread:');

/** One user's two versions of a thread part as one: every comment either holds (the arriving version of one both hold). */
export const combineThreads = (held: MovableThread, moved: MovableThread): MovableThread =>
  ({ ...moved, _rev: held._rev, comments: unite((c) => c.key, held.comments ?? [], moved.comments ?? []) });

/** The kinds of documents a coder writes (the ids of each start with `prefix`), and how two versions of one combine. */
const KINDS = [
  { prefix: 'coding:', is: isCoding, combine: combineCodings },
  { prefix: 'thread:', is: isThread, combine: combineThreads },
] as { prefix: string; is: (doc: unknown) => doc is Movable; combine: (held: Movable, moved: Movable) => Movable }[];

/**
 * Moves every coding and thread document of `from` to the database `to` names for it (null: it
 * stays), merged with the version there, then deletes it from `from`. A document changed
 * meanwhile stays (the next move takes it). Returns how many moved.
 */
export async function moveCoderDocs(from: CouchTarget, to: (doc: Movable) => CouchTarget | null, fetcher: typeof fetch = fetch): Promise<number> {
  let moved = 0;
  for (const kind of KINDS) moved += await moveKind(from, kind, to, fetcher);
  return moved;
}

/** moveCoderDocs for the documents of one kind. */
async function moveKind(from: CouchTarget, kind: (typeof KINDS)[number], to: (doc: Movable) => CouchTarget | null, fetcher: typeof fetch): Promise<number> {
  const seen = new Set<string>();
  let moved = 0;
  let start = kind.prefix;
  for (;;) {
    const range = `startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(`${kind.prefix}\ufff0`))}`;
    const { rows } = await couchRequest<{ rows: { id: string; doc?: unknown }[] }>(from, `_all_docs?include_docs=true&limit=${BATCH}&${range}`, {}, fetcher);
    const fresh = rows.filter((row) => !seen.has(row.id));
    if (!fresh.length) return moved;
    for (const row of fresh) seen.add(row.id);
    start = rows[rows.length - 1].id;
    const groups = new Map<string, { target: CouchTarget; docs: Movable[] }>();
    for (const { doc } of fresh) {
      const target = kind.is(doc) && to(doc);
      if (!target) continue;
      const group = groups.get(target.url) ?? { target, docs: [] };
      group.docs.push(doc as Movable);
      groups.set(target.url, group);
    }
    for (const { target, docs } of groups.values()) {
      const { rows: held } = await couchRequest<{ rows: { doc?: unknown }[] }>(target, '_all_docs?include_docs=true', { method: 'POST', body: { keys: docs.map((d) => d._id) } }, fetcher);
      const merged = docs.map((doc, i) => {
        const there = held[i]?.doc;
        const { _rev: _, ...arriving } = doc;
        return kind.is(there) ? kind.combine(there, doc) : arriving;
      });
      const written = await couchRequest<{ id: string; ok?: boolean }[]>(target, '_bulk_docs', { method: 'POST', body: { docs: merged } }, fetcher);
      const done = new Set(written.filter((r) => r.ok).map((r) => r.id));
      const deletions = docs.filter((d) => done.has(d._id)).map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true }));
      if (!deletions.length) continue;
      const deleted = await couchRequest<{ ok?: boolean }[]>(from, '_bulk_docs', { method: 'POST', body: { docs: deletions } }, fetcher);
      moved += deleted.filter((r) => r.ok).length;
    }
  }
}

/** What `setBlindMode` did. */
export interface BlindOutcome {
  project: ProjectDoc;
  /** Coding and thread documents moved between databases. */
  moved: number;
}

/**
 * Turns blind coding on or off for the project whose main database is `main`, with the rights
 * of `main.user`: a server admin creates what is missing; the lead (an admin of the main
 * database) can do everything else, and is told in words which command creates the missing
 * databases. Every member and admin of the main database, and `also`, gets a database.
 */
export async function setBlindMode(main: CouchTarget, blind: boolean, { also = [], fetcher = fetch, log = () => undefined }: { also?: string[]; fetcher?: typeof fetch; log?: (line: string) => void } = {}): Promise<BlindOutcome> {
  const security = await couchRequest<Security>(main, '_security', {}, fetcher);
  const admins = security.admins?.names ?? [];
  const users = [...new Set([...(security.members?.names ?? []), ...admins, ...also])];
  const current = await readProjectDoc(main, fetcher);
  const databases = { ...current?.databases };
  for (const user of users) databases[user] ??= coderDatabaseName(databaseName(main), user);
  const project: ProjectDoc = { _id: 'project', type: 'project', blind, databases };
  const own = (user: string) => siblingDatabase(main, databases[user]);

  if (!blind) {
    await upsertDoc(main, 'project', () => project, fetcher);
    await validateWith(main, VALIDATE, fetcher);
    let moved = 0;
    for (const user of Object.keys(databases)) {
      moved += await moveCoderDocs(own(user), () => main, fetcher).catch(unless('no-database', 0));
    }
    log(`blind coding is off: ${moved} coding and thread documents moved back to ${databaseName(main)}`);
    return { project, moved };
  }

  const session = await couchRequest<{ userCtx?: { roles?: string[] } }>(main, '_session', { server: true }, fetcher);
  const serverAdmin = !!session.userCtx?.roles?.includes('_admin');
  const missing: string[] = [];
  for (const user of users) {
    const exists = await couchRequest(own(user), '', {}, fetcher).then(() => true, unless('no-database', false));
    if (exists) continue;
    if (!serverAdmin) missing.push(databases[user]);
    else {
      await couchRequest(own(user), '', { method: 'PUT' }, fetcher);
      log(`created the database ${databases[user]} for ${user}`);
    }
  }
  if (missing.length) {
    const coders = users.filter((u) => !admins.includes(u));
    throw new CouchError('forbidden', `Blind coding needs a database for each coder, and only a server admin can create them (missing: ${missing.join(', ')}). Ask the server's admin to run: npm run project:create -- ${main.url} --admin ADMIN:PASSWORD --lead ${admins[0] ?? main.user} --coders ${coders.join(',')} --blind`);
  }
  for (const user of users) {
    await couchRequest(own(user), '_security', { method: 'PUT', body: { members: { names: [user], roles: [] }, admins: { names: admins, roles: [] } } }, fetcher);
    await validateWith(own(user), VALIDATE, fetcher);
  }
  await upsertDoc(main, 'project', () => project, fetcher);
  await validateWith(main, VALIDATE_BLIND, fetcher);
  // A coding of someone without a database of their own goes to the lead's.
  const fallback = databases[admins[0]] ?? databases[main.user];
  const moved = await moveCoderDocs(main, (doc) => {
    const name = (doc.user && databases[doc.user]) || fallback;
    return name ? siblingDatabase(main, name) : null;
  }, fetcher);
  // Deleted documents keep their old revisions until the database is compacted.
  if (moved) await couchRequest(main, '_compact', { method: 'POST', body: {} }, fetcher);
  log(`blind coding is on: each user's codings and threads go to their own database (${Object.values(databases).join(', ')}); ${moved} coding and thread documents moved there`);
  return { project, moved };
}
