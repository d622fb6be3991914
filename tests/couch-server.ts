import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A CouchDB-compatible server for the tests: pouchdb-server, in memory, on 127.0.0.1, with its
// config file in a directory of its own (it writes admins there). With COUCHDB_URL set
// (http://admin:password@host:5984), the tests use that real CouchDB instead.

/** A running server: its address, its admin's credentials, and how to stop it. */
export interface CouchServer {
  url: string;
  admin: { user: string; password: string };
  stop(): Promise<void>;
}

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin/pouchdb-server');

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    }).on('error', fail);
  });
}

/** Waits until `url` answers, or the process ends. */
async function answering(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server ended with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('pouchdb-server did not start within 30 s');
}

/** An admin request to the server (create users and databases, set _security). */
export async function adminRequest(server: CouchServer, path: string, method = 'GET', body?: unknown): Promise<any> {
  const auth = `Basic ${Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64')}`;
  const response = await fetch(`${server.url}/${path}`, { method, headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Starts a server (or takes COUCHDB_URL's) with an admin. */
export async function startCouch(): Promise<CouchServer> {
  if (process.env.COUCHDB_URL) {
    const url = new URL(process.env.COUCHDB_URL);
    const admin = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    url.username = '';
    url.password = '';
    return { url: url.href.replace(/\/$/, ''), admin, stop: async () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ca-couch-'));
  const port = await freePort();
  const child = spawn(BIN, ['--in-memory', '--port', String(port), '--host', '127.0.0.1', '--config', join(dir, 'config.json'), '--dir', dir, '--no-stdout-logs'], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await answering(url, child);
  const admin = { user: 'admin', password: 'admin-secret' };
  // The first admin ends the "admin party": from here on, the server checks who asks.
  await fetch(`${url}/_config/admins/${admin.user}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  return {
    url,
    admin,
    async stop() {
      if (child.exitCode === null) {
        const ended = new Promise((r) => child.once('exit', r));
        child.kill();
        await ended;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a database with these members (user names) and admins (the project's lead, as npm run
 * project:create makes it), and each user with the password `pw-NAME`.
 */
export async function createProject(server: CouchServer, db: string, members: string[], admins: string[] = []): Promise<void> {
  await adminRequest(server, db, 'PUT');
  for (const name of members) {
    const id = `_users/org.couchdb.user:${name}`;
    const existing = await adminRequest(server, id).catch(() => null);
    await adminRequest(server, id, 'PUT', { ...existing, name, password: `pw-${name}`, roles: [], type: 'user' });
  }
  await adminRequest(server, `${db}/_security`, 'PUT', { members: { names: members, roles: [] }, admins: { names: admins, roles: [] } });
}

/** A TCP relay in front of the server that can be taken down and brought back on the same port (the server "stops" and "starts" without losing its data). */
export interface Outage {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a relay to `server` on a port of its own. */
export async function relayTo(server: CouchServer): Promise<Outage> {
  const target = new URL(server.url);
  const port = await freePort();
  const sockets = new Set<import('node:net').Socket>();
  let listener: import('node:net').Server | null = null;
  const up = () => new Promise<void>((done) => {
    listener = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    }).listen(port, '127.0.0.1', () => done());
  });
  const down = () => new Promise<void>((done) => {
    for (const s of sockets) s.destroy();
    if (!listener) return done();
    listener.close(() => done());
    listener = null;
  });
  await up();
  return { url: `http://127.0.0.1:${port}`, up, down, close: down };
}
