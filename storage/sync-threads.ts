import { announce } from './changes';
import { FORMAT, FORMAT_VERSION, type ExportedComment, type NativeExport } from './export';
import { checkExportFile } from './import';
import { SETTING_KEYS, type AnnotatorDB } from './schema';
import { addToThread, readThread } from './threads';

// The whole threads of coded pages travel too (issue 14): a coder's snapshot of a page's thread,
// kept here since coding began (storage/threads.ts), goes to the project's database as documents
// of their own, `thread:USER:PART:PAGEURL` (deterministic: two users never write the same one; the
// server's validation lets only USER write them), each well under CouchDB's 8 MB limit on a
// document. Another member who never opened the page gets the comments their snapshot lacks,
// so the saved thread page (thread.html) shows the whole thread; a local comment is never dropped.
// What a member merged from the server stays out of what they send: it is there already.

/** One part of a user's snapshot of a page's thread, as the project's database holds it. */
export interface ThreadDoc {
  _id: string;
  _rev?: string;
  type: 'thread';
  /** The project user who wrote it (the only one the server lets write it). */
  user: string;
  pageUrl: string;
  part: number;
  comments: ExportedComment[];
}

/** About how much JSON one document holds: small enough to send and merge a part at a time. */
export const THREAD_DOC_BYTES = 256 * 1024;

/** The id of part `part` of `user`'s thread of `pageUrl`. */
export const threadDocId = (user: string, pageUrl: string, part: number) => `thread:${user}:${part}:${pageUrl}`;

/** Whether a document from the server is a thread part, named as its content says. */
export const isThreadDoc = (doc: unknown): doc is ThreadDoc => {
  const d = doc as ThreadDoc;
  return !!d && typeof d === 'object' && d.type === 'thread' && typeof d.user === 'string' && typeof d.pageUrl === 'string'
    && Number.isInteger(d.part) && d._id === threadDocId(d.user, d.pageUrl, d.part);
};

/**
 * Splits a thread (in its stored order) into parts of about THREAD_DOC_BYTES of JSON each, at
 * least one comment a part. Threads only grow at the end, so a part once full stays the same.
 */
export function splitThread(comments: readonly ExportedComment[], bytes = THREAD_DOC_BYTES): ExportedComment[][] {
  const parts: ExportedComment[][] = [];
  let size = Infinity;
  for (const comment of comments) {
    const length = JSON.stringify(comment).length + 1;
    if (size + length > bytes) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(comment);
    size += length;
  }
  return parts;
}

/** `user`'s thread of `pageUrl` as documents (without the server's revisions). */
export function threadDocs(user: string, pageUrl: string, comments: readonly ExportedComment[], bytes = THREAD_DOC_BYTES): ThreadDoc[] {
  return splitThread(comments, bytes).map((part, i) => ({ _id: threadDocId(user, pageUrl, i), type: 'thread', user, pageUrl, part: i, comments: part }));
}

/**
 * A settings row noting something per page for one project (`owner`: its address, with the user
 * where it matters), stored as `{owner, pages}`: nothing when it was noted for another project.
 */
async function readPagesOf<T>(db: AnnotatorDB, key: string, owner: string): Promise<Record<string, T>> {
  const row = await db.settings.get(key);
  const value = row ? JSON.parse(row.value) as { owner: string; pages: Record<string, T> } : null;
  return value?.owner === owner ? value.pages : {};
}

/** Writes a row readPagesOf reads. */
const writePagesOf = <T>(db: AnnotatorDB, key: string, owner: string, pages: Record<string, T>) =>
  db.settings.put({ key, value: JSON.stringify({ owner, pages }) });

/** Per page, the numbers of the local thread parts merged from the project's server (its documents hold their comments). */
type HeldParts = Record<string, number[]>;

/** The thread parts merged from the project whose main database is `server` (none from another). */
const readHeldParts = (db: AnnotatorDB, server: string) => readPagesOf<number[]>(db, SETTING_KEYS.threadsHeld, server);

/**
 * Merges a thread part from the server: checked as an import file's comments are (the server
 * is not trusted more than a file), then the comments the local snapshot lacks are added as a
 * new part of it; the local ones stay as they are. With `server` (the project's main database
 * address) that part is noted as held by the server: it is not sent back (threadsToSend).
 * Returns what it could not take, in words, or null; announces the thread when it grew.
 */
export async function mergeThreadDoc(db: AnnotatorDB, doc: ThreadDoc, server?: string): Promise<string | null> {
  const comments = doc.comments ?? [];
  if (comments.some((c) => c?.pageUrl !== doc.pageUrl)) return `${doc._id}: holds comments of another page`;
  const file: NativeExport = { format: FORMAT, version: FORMAT_VERSION, exportedAt: new Date().toISOString(), scope: { kind: 'page', url: doc.pageUrl }, codebook: [], pages: [], comments, annotations: [] };
  const checked = checkExportFile(JSON.stringify(file));
  if (!checked.ok) return `${doc._id}: ${checked.error}`;
  const added = await db.transaction('rw', db.threads, db.settings, async () => {
    const known = new Set((await readThread(db, doc.pageUrl)).map((c) => c.key));
    const missing = checked.data.comments.filter((c) => !known.has(c.key) && known.add(c.key));
    const part = await addToThread(db, doc.pageUrl, missing, new Date().toISOString());
    if (server && part !== null) {
      const pages = await readHeldParts(db, server);
      await writePagesOf(db, SETTING_KEYS.threadsHeld, server, { ...pages, [doc.pageUrl]: [...pages[doc.pageUrl] ?? [], part] });
    }
    return missing.length;
  });
  if (added) announce(db, { kind: 'thread', pageUrl: doc.pageUrl });
  return null;
}

/** Per page: the count of local thread parts (not merged from the server) when it was last sent, and the comments in each document sent. */
export type SentThreads = Record<string, { parts: number; sizes: number[] }>;

/** What was sent to the database `project` names (its address and user); nothing when another was joined (or blind coding moved the codings) since. */
export const readSentThreads = (db: AnnotatorDB, project: string): Promise<SentThreads> => readPagesOf(db, SETTING_KEYS.threadsSent, project);

/** Notes pages' threads as sent (read, changed and written in one transaction: rounds do not overlap, a leave may). */
export async function noteThreadsSent(db: AnnotatorDB, project: string, sent: SentThreads): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await writePagesOf(db, SETTING_KEYS.threadsSent, project, { ...await readSentThreads(db, project), ...sent });
  });
}

/** A page's thread to send: its documents from the first that changed since last sent, and what to note once they are on the server. */
export interface ThreadToSend {
  pageUrl: string;
  docs: ThreadDoc[];
  sent: SentThreads[string];
}

/**
 * The threads of the pages `annotator` coded whose local snapshot changed since last sent to
 * `project` as `user`, each with only its documents that changed (a thread grows at its end:
 * the parts before stay as they were sent). One page's thread read at a time, as it is taken.
 * What was merged from the server `server` (the project's main database address) is left out:
 * another member's documents there hold it, so members do not send each other's comments back.
 */
export async function* threadsToSend(db: AnnotatorDB, project: string, user: string, annotator: string, server?: string): AsyncGenerator<ThreadToSend> {
  const [threadKeys, codedKeys, sent, held] = await Promise.all([
    db.threads.toCollection().primaryKeys(),
    db.codings.where('annotator').equals(annotator).primaryKeys(),
    readSentThreads(db, project),
    server ? readHeldParts(db, server) : {} as HeldParts,
  ]);
  const coded = new Set(codedKeys.map(([url]) => url));
  const parts = new Map<string, number>();
  for (const [url, part] of threadKeys) if (coded.has(url) && !held[url]?.includes(part)) parts.set(url, (parts.get(url) ?? 0) + 1);
  for (const [pageUrl, count] of parts) {
    if (sent[pageUrl]?.parts === count) continue;
    const comments = (await readThread(db, pageUrl, held[pageUrl])).map(({ textHash: _, ...comment }) => comment);
    const docs = threadDocs(user, pageUrl, comments);
    const before = sent[pageUrl]?.sizes ?? [];
    const first = docs.findIndex((doc, i) => doc.comments.length !== before[i]);
    yield { pageUrl, docs: first === -1 ? [] : docs.slice(first), sent: { parts: count, sizes: docs.map((d) => d.comments.length) } };
  }
}
