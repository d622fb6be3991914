import { afterAll, beforeAll } from 'vitest';
import { createProject, startCouch, type CouchServer } from './couch-server';

/**
 * A test server for one test file: started before its tests with the project database `db`
 * (its members, and its admins: the lead), stopped after them. The server returned is filled
 * in when the file's tests start (read it inside tests, not while the file loads).
 */
export function couchForFile(db: string, members: string[], admins: string[] = []): CouchServer {
  const server = {} as CouchServer;
  beforeAll(async () => {
    Object.assign(server, await startCouch());
    await createProject(server, db, members, admins);
  }, 60_000);
  afterAll(() => server.stop?.());
  return server;
}
