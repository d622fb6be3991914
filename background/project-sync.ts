import { annotatorName } from '../storage/annotations';
import { onChange } from '../storage/changes';
import { noteChange, readProject, readSyncState, retarget, updateSyncState, type Project, type SyncState } from '../storage/project';
import type { AnnotatorDB } from '../storage/schema';
import { codingDocId, localCodingDoc, mergeCodingDoc, sameCoding, type CodingDoc } from '../storage/sync-docs';
import { isCodebookDoc, localCodebookDoc, mergeCodebookDoc } from '../storage/sync-codebook';
import { isThreadDoc, mergeThreadDoc } from '../storage/sync-threads';
import { pushThreads } from './thread-sync';
import { codingDatabase, databaseName, readProjectDoc, siblingDatabase } from '../lib/blind';
import { CouchError, couchRequest, refusal, upsertDoc, type BulkResult, type CouchTarget } from '../lib/couch';

// Replication with the project's CouchDB database, both ways, in rounds: send the pages changed
// here (each merged first with the server's version of its document, so a change made on the
// coder's other machine is never overwritten) and the coded pages' whole threads that grew
// (background/thread-sync.ts), then read the server's changes since the checkpoint. A key press
// is saved locally first, exactly as without a project; sync only reads what was saved. While
// the project's coding is blind (lib/blind.ts), a coder's codings and threads go to and come
// from their own database, the main one gives only the codebook, and the lead reads every
// coder's database too.

/** Documents per request: a page's document can be large (its comments). */
const BATCH = 50;

const isCoding = (doc: unknown): doc is CodingDoc =>
  !!doc && typeof doc === 'object' && (doc as CodingDoc).type === 'coding' && typeof (doc as CodingDoc).annotator === 'string' && typeof (doc as CodingDoc).pageUrl === 'string';

interface AllDocsRow { key: string; doc?: unknown; error?: string }

/** Sends a batch of pages: returns the pages the server now has, and problems in words. */
async function pushBatch(db: AnnotatorDB, target: CouchTarget, me: string, pages: string[], removed: SyncState['removed'], fetcher: typeof fetch) {
  const ids = pages.map((url) => codingDocId(me, url));
  const { rows } = await couchRequest<{ rows: AllDocsRow[] }>(target, '_all_docs?include_docs=true', { method: 'POST', body: { keys: ids } }, fetcher);
  const docs: CodingDoc[] = [];
  const done: string[] = [];
  const problems: string[] = [];
  for (const [i, url] of pages.entries()) {
    const server = isCoding(rows[i]?.doc) ? rows[i].doc as CodingDoc : null;
    // The coder's other machine may have changed this page: take that in first.
    const refused = server && await mergeCodingDoc(db, server, removed[url]);
    if (refused) problems.push(refused);
    const local = await localCodingDoc(db, me, url, server, removed[url]);
    if (local && !sameCoding(local, server)) docs.push({ ...local, user: target.user });
    else done.push(url);
  }
  if (docs.length) {
    const results = await couchRequest<BulkResult[]>(target, '_bulk_docs', { method: 'POST', body: { docs } }, fetcher);
    for (const result of results) {
      const url = docs.find((d) => d._id === result.id)?.pageUrl;
      if (!url) continue;
      const why = refusal(result);
      if (result.ok) done.push(url);
      else if (why) problems.push(`${url}: the server refused it (${why})`);
    }
  }
  return { done, problems };
}

/** Whether the project's user leads it: a server admin, or an admin of its database. */
async function isLead(project: Project, fetcher: typeof fetch): Promise<boolean> {
  const session = await couchRequest<{ userCtx?: { roles?: string[] } }>(project, '_session', { server: true }, fetcher);
  if (session.userCtx?.roles?.includes('_admin')) return true;
  const security = await couchRequest<{ admins?: { names?: string[] } }>(project, '_security', {}, fetcher).catch(() => null);
  return !!security?.admins?.names?.includes(project.user);
}

/**
 * Sends the codebook when it changed here and this user leads the project; a coder's own
 * codebook changes stay on their machine (the project's codebook is the lead's).
 */
async function pushCodebook(db: AnnotatorDB, project: Project, lead: boolean, fetcher: typeof fetch): Promise<void> {
  if (lead) await upsertDoc(project, 'codebook', () => localCodebookDoc(db, project.user), fetcher);
  await updateSyncState(db, (state) => ({ ...state, codebookChanged: false }));
}

/** A database a round reads: the main one (`name` null) or a coder's; whether codings are taken from it. */
interface Source { target: CouchTarget; name: string | null; codings: boolean }

/** The databases a round works with: where this user's codings go, and those it reads. */
interface RoundPlan { own: CouchTarget; blind: boolean; lead: boolean; sources: Source[] }

/** Reads the project's settings: blind coding sends and reads codings elsewhere. */
async function planRound(project: Project, fetcher: typeof fetch): Promise<RoundPlan> {
  const [doc, lead] = await Promise.all([readProjectDoc(project, fetcher), isLead(project, fetcher)]);
  const blind = !!doc?.blind;
  const own = codingDatabase(project, doc, project.user);
  const main: Source = { target: project, name: null, codings: !blind || lead };
  if (!blind) return { own, blind, lead, sources: [main] };
  // The lead reads every coder's database; a coder only their own.
  const names = new Set([databaseName(own), ...(lead ? Object.values(doc.databases) : [])]);
  return { own, blind, lead, sources: [main, ...[...names].map((name) => ({ target: siblingDatabase(project, name), name, codings: true }))] };
}

/** Where a database's changes were read up to. */
const checkpointOf = (state: SyncState, name: string | null) => (name === null ? state.checkpoint : state.checkpoints?.[name] ?? null);

/** Reads a database's changes since its checkpoint and merges them, a batch at a time. */
async function pull(db: AnnotatorDB, project: Project, source: Source, fetcher: typeof fetch, problems: string[]): Promise<number> {
  let merged = 0;
  for (;;) {
    const checkpoint = checkpointOf(await readSyncState(db), source.name);
    const since = checkpoint === null ? '0' : encodeURIComponent(String(checkpoint));
    const changes = await couchRequest<{ results: { id: string; doc?: unknown; deleted?: boolean }[]; last_seq: string | number }>(source.target, `_changes?include_docs=true&limit=${BATCH}&since=${since}`, {}, fetcher);
    for (const change of changes.results) {
      if (!change.deleted && source.name === null && isCodebookDoc(change.doc)) {
        // The lead's own codebook, read back, is the one it has.
        const refused = change.doc.user === project.user ? null : await mergeCodebookDoc(db, change.doc);
        if (refused) problems.push(refused);
        continue;
      }
      // Threads live where codings do: a database the round takes codings from.
      if (source.codings && !change.deleted && isThreadDoc(change.doc)) {
        const refused = await mergeThreadDoc(db, change.doc, project.url);
        if (refused) problems.push(refused);
        continue;
      }
      if (!source.codings || change.deleted || !isCoding(change.doc) || change.id !== codingDocId(change.doc.annotator, change.doc.pageUrl)) continue;
      const refused = await mergeCodingDoc(db, change.doc, (await readSyncState(db)).removed[change.doc.pageUrl]);
      if (refused) problems.push(refused);
      else merged++;
    }
    await updateSyncState(db, (state) => (source.name === null
      ? { ...state, checkpoint: changes.last_seq }
      : { ...state, checkpoints: { ...state.checkpoints, [source.name]: changes.last_seq } }));
    if (changes.results.length < BATCH) return merged;
  }
}

/**
 * One round of sync: pending pages sent, the server's changes merged. Errors end the round with
 * the state saying what went wrong (pages still pending stay so); nothing local is lost.
 */
export async function syncRound(db: AnnotatorDB, fetcher: typeof fetch = fetch): Promise<SyncState> {
  const project = await readProject(db);
  if (!project) return readSyncState(db);
  const problems: string[] = [];
  try {
    const me = await annotatorName(db);
    const plan = await planRound(project, fetcher);
    const target = databaseName(plan.own);
    // Blind coding turned on or off: every page goes to the other database, read from its start.
    if (((await readSyncState(db)).pushedTo ?? databaseName(project)) !== target) await retarget(db, target);
    await updateSyncState(db, (state) => ({ ...state, blind: plan.blind, lead: plan.lead }));
    const { pending, removed } = await readSyncState(db);
    const urls = Object.keys(pending);
    for (let at = 0; at < urls.length; at += BATCH) {
      const { done, problems: refused } = await pushBatch(db, plan.own, me, urls.slice(at, at + BATCH), removed, fetcher);
      problems.push(...refused);
      // A page changed again meanwhile stays waiting, with the removals made since; the ones sent
      // live on in the server's document.
      const sent = new Set(done);
      await updateSyncState(db, (state) => {
        const next = { ...state, pending: { ...state.pending }, removed: { ...state.removed } };
        for (const url of sent) {
          if (next.pending[url] !== pending[url]) continue;
          delete next.pending[url];
          delete next.removed[url];
        }
        return next;
      });
    }
    problems.push(...await pushThreads(db, plan.own, me, fetcher, project.url));
    if ((await readSyncState(db)).codebookChanged) await pushCodebook(db, project, plan.lead, fetcher);
    for (const source of plan.sources) {
      // A coder's database the lead cannot read is named; the others are still read.
      const own = source.name === null || source.name === target;
      await pull(db, project, source, fetcher, problems).catch((error: unknown) => {
        if (own || !(error instanceof CouchError)) throw error;
        problems.push(`${source.name}: ${error.message}`);
      });
    }
    return await updateSyncState(db, (state) => ({ ...state, lastSync: new Date().toISOString(), error: problems.length ? problems.join('\n') : null }));
  } catch (error) {
    const words = error instanceof CouchError ? error.message : `Sync stopped: ${(error as Error)?.message ?? String(error)}`;
    return updateSyncState(db, (state) => ({ ...state, error: words }));
  }
}

/** The databases the last round read, each with where it read up to. */
const watched = (project: Project, state: SyncState) => [
  { target: project as CouchTarget, since: state.checkpoint },
  ...Object.entries(state.checkpoints ?? {}).map(([name, since]) => ({ target: siblingDatabase(project, name), since })),
];

/** The longest pause between rounds after failures (an unreachable server is asked again this often). */
const MAX_BACKOFF_MS = 60_000;

/** Resolves after `ms`, or when `signal` aborts. */
const pause = (ms: number, signal: AbortSignal) => new Promise<void>((done) => {
  const timer = setTimeout(done, ms);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    done();
  }, { once: true });
});

/**
 * Keeps the joined project in sync while the service worker runs, from its start (so sync
 * resumes after the worker, the browser or the server stopped: what waits is in IndexedDB): a
 * round soon after each change here, one whenever the server's long-polled `_changes` has news,
 * and after a failure again with growing pauses. Returns the function that stops it.
 */
export function keepProjectInSync(db: AnnotatorDB, fetcher: typeof fetch = fetch): () => void {
  const life = new AbortController();
  let wake = new AbortController();
  let joinedAs = '';
  const kick = () => wake.abort();
  const stopListening = onChange(db, (change) => {
    void (async () => {
      const project = await readProject(db);
      const who = project ? `${project.url} ${project.user}` : '';
      if (change.kind === 'project') {
        // Joined, left or joined elsewhere: start over. (Rounds announce 'project' too; those change nothing here.)
        if (who !== joinedAs) kick();
        return;
      }
      if (!project) return;
      await noteChange(db, change, await annotatorName(db));
      if (change.kind === 'annotation' || change.kind === 'pages' || change.kind === 'thread') kick();
    })().catch(() => undefined);
  });
  void (async () => {
    let backoff = 1_000;
    while (!life.signal.aborted) {
      wake = new AbortController();
      const signal = AbortSignal.any([wake.signal, life.signal]);
      const project = await readProject(db).catch(() => null);
      joinedAs = project ? `${project.url} ${project.user}` : '';
      if (!project) {
        await pause(MAX_BACKOFF_MS * 60, signal);
        continue;
      }
      const state = await syncRound(db, fetcher);
      if (state.error) {
        await pause(backoff, signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        continue;
      }
      backoff = 1_000;
      if (Object.keys(state.pending).length) continue;
      // Wait for news from any database read (the server's), or a change here (which aborts the polls).
      const polled = new AbortController();
      const polls = watched(project, state).map(({ target, since }) =>
        couchRequest(target, `_changes?feed=longpoll&timeout=25000&limit=1&since=${encodeURIComponent(String(since ?? 0))}`, { signal: AbortSignal.any([signal, polled.signal]) }, fetcher));
      await Promise.any(polls).catch(() => pause(backoff, signal));
      polled.abort();
    }
  })();
  return () => {
    life.abort();
    stopListening();
  };
}
