import { textHash } from '../layouts/text';
import { couchRequest, databaseUrl, unless, type CouchTarget } from './couch';

// Blind coding, as the server enforces it. CouchDB controls reading per database, never per
// document: while blind coding is on, each user's codings live in a database of their own (only
// they and the project's lead may read it), and the project's main database holds only the
// lead's documents (the codebook and `project`). Validation functions, as source text: CouchDB
// runs them on every write by a non-admin.

/**
 * The main database's validation while blind coding is off: a coder writes only their own
 * codings and thread documents (storage/sync-threads.ts: ids `thread:USER:…`), only the lead the
 * codebook and `project`. It is also each user's own database's.
 */
export const VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var admins = (secObj && secObj.admins && secObj.admins.names) || [];
  if (userCtx.roles.indexOf('_admin') !== -1 || admins.indexOf(userCtx.name) !== -1) return;
  if (newDoc._id.indexOf('_design/') === 0 || newDoc._id === 'codebook' || newDoc._id === 'project') throw({ forbidden: 'only the lead changes the project and its codebook' });
  if (newDoc.type === 'thread') {
    if (newDoc._id.indexOf('thread:' + userCtx.name + ':') !== 0 || newDoc.user !== userCtx.name || (oldDoc && oldDoc.user !== userCtx.name)) throw({ forbidden: 'a coder writes only their own threads' });
    return;
  }
  if (newDoc.type !== 'coding' || newDoc._id.indexOf('coding:') !== 0) throw({ forbidden: 'a coder writes coding and thread documents only' });
  if (newDoc.user !== userCtx.name || (oldDoc && oldDoc.user !== userCtx.name)) throw({ forbidden: 'a coder writes only their own codings' });
}`;

/** The main database's validation while blind coding is on: only the lead writes there (a coder's codings go to their own database, never where others read). */
export const VALIDATE_BLIND = `function (newDoc, oldDoc, userCtx, secObj) {
  var admins = (secObj && secObj.admins && secObj.admins.names) || [];
  if (userCtx.roles.indexOf('_admin') !== -1 || admins.indexOf(userCtx.name) !== -1) return;
  throw({ forbidden: 'blind coding is on: your codings go to your own database; only the lead writes to the project database' });
}`;

/** The design document that carries a database's validation function. */
export const DESIGN_ID = '_design/comment-annotator';

/** The lead's `project` document in the main database: whether coding is blind, and each user's own database. */
export interface ProjectDoc {
  _id: 'project';
  _rev?: string;
  type: 'project';
  blind: boolean;
  /** User name → the name of their own database (while blind, their codings go there). */
  databases: Record<string, string>;
}

/** CouchDB's longest database name. */
const MAX_NAME = 238;

/**
 * The name of `user`'s own database beside the main database `main`: `MAIN-coder-USER`. CouchDB
 * names are lowercase `[a-z][a-z0-9_$()+/-]*` and user names need not be: a name that had to be
 * changed (or shortened) ends in a hash of the user name, so two users never share a database.
 */
export function coderDatabaseName(main: string, user: string): string {
  const safe = user.toLowerCase().replace(/[^a-z0-9_$()+-]/g, '_');
  const prefix = `${main}-coder-`;
  if (safe === user && prefix.length + safe.length <= MAX_NAME) return prefix + safe;
  const hash = `-${textHash(user)}`;
  return prefix + safe.slice(0, Math.max(0, MAX_NAME - prefix.length - hash.length)) + hash;
}

/** A database's name (the last part of its address). */
export const databaseName = (target: CouchTarget) => decodeURIComponent(databaseUrl(target.url).pathname.split('/').pop() ?? '');

/** The database named `name` on the same server as `target`, with the same credentials. */
export function siblingDatabase(target: CouchTarget, name: string): CouchTarget {
  const url = databaseUrl(target.url);
  url.pathname = url.pathname.replace(/[^/]*$/, encodeURIComponent(name));
  return { url: url.href, user: target.user, password: target.password };
}

/** The project's settings as its `project` document says them (none: blind coding is off). */
export async function readProjectDoc(main: CouchTarget, fetcher: typeof fetch = fetch): Promise<ProjectDoc | null> {
  const doc = await couchRequest<ProjectDoc>(main, 'project', {}, fetcher).catch(unless('missing', null));
  return doc?.type === 'project' ? doc : null;
}

/** Where `user` sends their codings: their own database while blind coding is on, else the main one. */
export function codingDatabase(main: CouchTarget, doc: ProjectDoc | null, user: string): CouchTarget {
  if (!doc?.blind) return main;
  return siblingDatabase(main, doc.databases[user] ?? coderDatabaseName(databaseName(main), user));
}
