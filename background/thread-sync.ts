import type { AnnotatorDB } from '../storage/schema';
import { noteThreadsSent, threadsToSend, type SentThreads, type ThreadDoc, type ThreadToSend } from '../storage/sync-threads';
import { couchRequest, refusal, type BulkResult, type CouchTarget } from '../lib/couch';

// Sends the whole threads of the pages this coder coded (storage/sync-threads.ts), in a round
// of sync after the codings: only the documents of a thread that changed since they were last sent.

/** Thread documents per request (each about THREAD_DOC_BYTES): a request stays about 2 MB. */
const DOCS_PER_REQUEST = 8;

/** Which database a record of sent threads is of: its address and user (blind coding turned on or off sends to another). */
export const targetKey = (target: CouchTarget) => `${target.url} ${target.user}`;

/** Writes thread documents over the server's versions; returns the pages of those it did not take, and why (a conflict: the next round tries again). */
async function writeDocs(target: CouchTarget, docs: ThreadDoc[], fetcher: typeof fetch): Promise<{ failed: Set<string>; problems: string[] }> {
  const { rows } = await couchRequest<{ rows: { key: string; value?: { rev: string; deleted?: boolean } }[] }>(target, '_all_docs', { method: 'POST', body: { keys: docs.map((d) => d._id) } }, fetcher);
  const revs = new Map(rows.flatMap((row) => (row.value?.rev ? [[row.key, row.value.rev]] : [])));
  const body = docs.map((doc) => (revs.has(doc._id) ? { ...doc, _rev: revs.get(doc._id) } : doc));
  const results = await couchRequest<BulkResult[]>(target, '_bulk_docs', { method: 'POST', body: { docs: body } }, fetcher);
  const failed = new Set<string>();
  const problems: string[] = [];
  for (const result of results) {
    if (result.ok) continue;
    const doc = docs.find((d) => d._id === result.id);
    if (!doc) continue;
    failed.add(doc.pageUrl);
    const why = refusal(result);
    if (why) problems.push(`${doc.pageUrl}: the server refused its thread (${why})`);
  }
  return { failed, problems };
}

/**
 * Sends the threads of the pages `annotator` coded whose snapshot grew since last sent to the
 * database `target` (where the coder's codings go), as its user; a page is noted as sent once all
 * its documents are there. What was merged from the project's server (`server`, its main
 * database's address) is not sent back. Returns problems in words; a server that does not answer
 * throws (the round says so).
 */
export async function pushThreads(db: AnnotatorDB, target: CouchTarget, annotator: string, fetcher: typeof fetch = fetch, server = target.url): Promise<string[]> {
  const key = targetKey(target);
  const problems: string[] = [];
  let docs: ThreadDoc[] = [];
  // Pages whose documents are all in `docs` or sent.
  let queued: ThreadToSend[] = [];
  const send = async () => {
    const { failed, problems: refused } = docs.length ? await writeDocs(target, docs, fetcher) : { failed: new Set<string>(), problems: [] };
    problems.push(...refused);
    const sent: SentThreads = {};
    for (const thread of queued) if (!failed.has(thread.pageUrl)) sent[thread.pageUrl] = thread.sent;
    if (Object.keys(sent).length) await noteThreadsSent(db, key, sent);
    docs = [];
    queued = [];
  };
  for await (const thread of threadsToSend(db, key, target.user, annotator, server)) {
    for (const doc of thread.docs) {
      docs.push(doc);
      if (docs.length === DOCS_PER_REQUEST) await send();
    }
    queued.push(thread);
  }
  await send();
  return problems;
}
