// A CouchDB database over its HTTP API, as a project's coders share it. Only what sync needs:
// plain fetch with Basic authentication, and every failure put in words a coder can act on.

/** A project's database and who uses it. The password never leaves this object but in the Authorization header. */
export interface CouchTarget {
  /** The database's address, e.g. https://couch.example.org/study-2026 (its last part is the database). */
  url: string;
  user: string;
  password: string;
}

/** What went wrong, for the options page and the status line. */
export type CouchProblem = 'missing' | 'bad-url' | 'unreachable' | 'cors' | 'unauthorized' | 'forbidden' | 'not-couchdb' | 'no-database' | 'invalid' | 'conflict' | 'server';

/** A request the server refused or could not answer, with what the coder can do about it. */
export class CouchError extends Error {
  constructor(readonly problem: CouchProblem, message: string, readonly status = 0) {
    super(message);
    this.name = 'CouchError';
  }
}

/** The database URL without a trailing slash; throws a CouchError when it is not an http(s) address. */
export function databaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new CouchError('bad-url', `"${url}" is not an address. Give the database's full address, e.g. https://couch.example.org/my-project.`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.pathname.replace(/\/+$/, '') === '') {
    throw new CouchError('bad-url', `"${url}" does not name a database: give http(s)://SERVER/DATABASE.`);
  }
  if (parsed.username || parsed.password) throw new CouchError('bad-url', 'Give the user name and password in their own fields, not in the address.');
  parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed;
}

const basic = (target: CouchTarget) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${target.user}:${target.password}`)))}`;

/** The database's name (its address's last part), for messages. */
const dbName = (url: URL) => decodeURIComponent(url.pathname.split('/').pop() ?? '');

/**
 * Why a fetch failed without an answer: the server is down or unreachable, or it answers but
 * not to this origin (CORS). A no-cors request tells them apart: it succeeds (opaquely) only
 * when the server answered.
 */
async function unanswered(url: URL, fetcher: typeof fetch): Promise<CouchError> {
  const origin = typeof location === 'undefined' ? 'the extension' : location.origin;
  try {
    await fetcher(url.origin, { mode: 'no-cors', credentials: 'omit' });
  } catch {
    return new CouchError('unreachable', `The server at ${url.host} does not answer. Check the address, that the server is running, and that this computer is online.`);
  }
  return new CouchError('cors', `The server at ${url.host} answers, but not to the extension (CORS). Allow the origin ${origin} on the server: in CouchDB's configuration, [chttpd] enable_cors = true and [cors] origins = ${origin}, credentials = true.`);
}

const forbidden = (target: CouchTarget, name: string) =>
  new CouchError('forbidden', `"${target.user}" may not use the database "${name}". Ask the project's lead to add you to its members.`, 403);

/** Words for an HTTP error the server answered with. */
function refused(status: number, body: { error?: string; reason?: string } | null, url: URL, target: CouchTarget, write: boolean): CouchError {
  const name = dbName(url);
  if (status === 401) return new CouchError('unauthorized', `The server does not accept the user name "${target.user}" with this password. Check both.`, status);
  // A write refused as "forbidden" failed the database's validation function.
  if (status === 403 && write && body?.error === 'forbidden') return new CouchError('invalid', `The server refused a change: ${body.reason ?? 'its validation rules do not allow it'}.`, status);
  if (status === 403) return forbidden(target, name);
  // A document that is not there (yet) says "missing" or "deleted"; a database that is not there, anything else.
  if (status === 404 && (body?.reason === 'missing' || body?.reason === 'deleted')) return new CouchError('missing', 'No such document.', status);
  if (status === 404) return new CouchError('no-database', `There is no database "${name}" on this server. Check the address (its last part is the database), or ask the lead to create it.`, status);
  if (status === 409) return new CouchError('conflict', 'Someone changed this document on the server meanwhile.', status);
  return new CouchError('server', `The server answered ${status}${body?.reason ? `: ${body.reason}` : ''}. Try again later.`, status);
}

/**
 * One request to the database (`path` relative to it, '' for the database itself), answered as
 * JSON; every failure is a CouchError in words. A server that answers with anything but JSON is
 * not a CouchDB.
 */
export async function couchRequest<T>(target: CouchTarget, path: string, init: { method?: string; body?: unknown; signal?: AbortSignal; server?: boolean } = {}, fetcher: typeof fetch = fetch): Promise<T> {
  const base = databaseUrl(target.url);
  // `server`: a path of the server (/_session), not of the database.
  const url = init.server ? new URL(`/${path}`, base) : new URL(base.href + (path ? `/${path}` : ''));
  let response: Response;
  try {
    response = await fetcher(url, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', Authorization: basic(target), ...(init.body !== undefined && { 'Content-Type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      // Never a cached answer (a wrong password must be told), never the browser's cookies.
      cache: 'no-store',
      credentials: 'omit',
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw await unanswered(url, fetcher);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new CouchError('not-couchdb', `${base.href} is not a CouchDB database: the server answered ${response.status} with ${/^\s*</.test(text) ? 'a web page' : 'something other than JSON'}.`, response.status);
  }
  if (!response.ok) throw refused(response.status, body as { error?: string; reason?: string } | null, base, target, (init.method ?? 'GET') !== 'GET');
  return body as T;
}

/** What a database says about itself (GET /db). */
export interface DatabaseInfo {
  db_name: string;
  update_seq: string | number;
}

/**
 * Checks that `target` is a CouchDB database this user may read: the answer names the database.
 * Throws a CouchError saying what is wrong otherwise.
 */
export async function checkDatabase(target: CouchTarget, fetcher: typeof fetch = fetch): Promise<DatabaseInfo> {
  let info: Partial<DatabaseInfo> | null;
  try {
    info = await couchRequest<Partial<DatabaseInfo> | null>(target, '', {}, fetcher);
  } catch (error) {
    // Some servers (pouchdb-server) answer a member-only database's outsider with 401, as if the
    // password were wrong: the session says whether it was.
    if (error instanceof CouchError && error.problem === 'unauthorized' && await signedInAs(target, fetcher)) throw forbidden(target, dbName(databaseUrl(target.url)));
    throw error;
  }
  if (!info || typeof info.db_name !== 'string') throw new CouchError('not-couchdb', `${databaseUrl(target.url).href} answers, but not as a CouchDB database does (no database name in its answer).`);
  return info as DatabaseInfo;
}

/** Whether the server takes these credentials (its _session names the user). */
async function signedInAs(target: CouchTarget, fetcher: typeof fetch): Promise<boolean> {
  try {
    const session = await couchRequest<{ userCtx?: { name?: string | null } }>(target, '_session', { server: true }, fetcher);
    return session.userCtx?.name === target.user;
  } catch {
    return false;
  }
}

/** A document's id as a path segment (ids hold page addresses: slashes, question marks). */
export const docPath = (id: string) => encodeURIComponent(id);

/** A `.catch` handler: `value` when the request failed with `problem` (e.g. a document or database that is not there), else the error again. */
export const unless = <T>(problem: CouchProblem, value: T) => (error: unknown): T => {
  if (error instanceof CouchError && error.problem === problem) return value;
  throw error;
};

/** Writes a document whatever its current revision (`make` gets the current version, or null). */
export async function upsertDoc(target: CouchTarget, id: string, make: (current: Record<string, unknown> | null) => object | Promise<object>, fetcher: typeof fetch = fetch): Promise<void> {
  const current = await couchRequest<Record<string, unknown>>(target, docPath(id), {}, fetcher).catch(unless('missing', null));
  await couchRequest(target, docPath(id), { method: 'PUT', body: { ...await make(current), ...(current?._rev ? { _rev: current._rev } : {}) } }, fetcher);
}

/** One document's answer in a `_bulk_docs` reply. */
export interface BulkResult { id: string; ok?: boolean; error?: string; reason?: string }

/**
 * Why the server refused a document of a `_bulk_docs` write; null when it took it, or when the
 * refusal is a conflict (its version changed meanwhile: the next round merges it and tries again).
 */
export const refusal = (result: BulkResult): string | null => (result.ok || result.error === 'conflict' ? null : String(result.reason ?? result.error));
