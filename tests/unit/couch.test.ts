// @vitest-environment node
// Node's own fetch, as close to the browser's as the tests get (happy-dom's keeps a cache and cookies).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase, CouchError, couchRequest, databaseUrl, type CouchTarget } from '../../lib/couch';
import { createProject, startCouch, type CouchServer } from '../couch-server';

let server: CouchServer;
let html: Server;
let htmlUrl: string;

beforeAll(async () => {
  server = await startCouch();
  await createProject(server, 'study', ['alice']);
  await createProject(server, 'other', ['bob']);
  html = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Welcome</title>'));
  await new Promise<void>((r) => html.listen(0, '127.0.0.1', r));
  htmlUrl = `http://127.0.0.1:${(html.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  html?.close();
});

const alice = (): CouchTarget => ({ url: `${server.url}/study`, user: 'alice', password: 'pw-alice' });

/** The problem a check reports, or 'ok'. */
async function problem(target: CouchTarget): Promise<string> {
  try {
    await checkDatabase(target);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(CouchError);
    return `${(error as CouchError).problem}: ${(error as Error).message}`;
  }
}

describe('joining a CouchDB database: what is wrong, in words', () => {
  it('a member with the right password gets in, and can write and read documents', async () => {
    expect(await problem(alice())).toBe('ok');
    const written = await couchRequest<{ ok: boolean; rev: string }>(alice(), 'doc%3Aone', { method: 'PUT', body: { a: 1 } });
    expect(written.ok).toBe(true);
    expect(await couchRequest(alice(), 'doc%3Aone')).toMatchObject({ _id: 'doc:one', a: 1 });
  });

  it('says which of address, password, rights, server or database is wrong', async () => {
    expect(await problem({ ...alice(), password: 'wrong' })).toMatch(/^unauthorized: .*"alice"/);
    expect(await problem({ ...alice(), url: `${server.url}/other` })).toMatch(/^forbidden: "alice" may not use the database "other"/);
    expect(await problem({ ...alice(), url: `${server.url}/missing` })).toMatch(/^(no-database|forbidden): /);
    expect(await problem({ ...alice(), url: `${htmlUrl}/study` })).toMatch(/^not-couchdb: .*a web page/);
    expect(await problem({ ...alice(), url: 'http://127.0.0.1:9/study' })).toMatch(/^unreachable: The server at 127\.0\.0\.1:9 does not answer/);
    expect(await problem({ ...alice(), url: 'couch.example.org' })).toMatch(/^bad-url: /);
    expect(await problem({ ...alice(), url: server.url })).toMatch(/^bad-url: .*does not name a database/);
  });

  it('says in plain English that a server answered with something other than JSON', async () => {
    const plainText: typeof fetch = async () => new Response('OK, nothing here', { status: 200 });
    await expect(checkDatabase(alice(), plainText)).rejects.toMatchObject({ problem: 'not-couchdb', message: expect.stringMatching(/answered 200 with something other than JSON\.$/) });
  });

  it('tells a server that answers but not to the extension (CORS) from one that does not answer', async () => {
    const corsBlocked: typeof fetch = async (_input, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    };
    await expect(checkDatabase(alice(), corsBlocked)).rejects.toMatchObject({ problem: 'cors', message: expect.stringContaining('[cors] origins') });
  });

  it('keeps the address\'s database part and refuses credentials in the address', () => {
    expect(databaseUrl('https://couch.example.org/study-2026/').href).toBe('https://couch.example.org/study-2026');
    expect(() => databaseUrl('https://alice:pw@couch.example.org/study')).toThrow(/own fields/);
  });
});
