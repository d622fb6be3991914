// @vitest-environment node
// Node's own fetch talks to the server (happy-dom's keeps a cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, parseArgs } from '../../scripts/project-create';
import { startCouch, type CouchServer } from '../couch-server';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouch();
}, 60_000);
afterAll(() => server?.stop());

/** A request as `user` (a PUT of `doc` when given) to a document of the database `db`; answers the status. */
async function put(user: string, password: string, id: string, doc?: object, db = 'study'): Promise<number> {
  const response = await fetch(`${server.url}/${db}/${encodeURIComponent(id)}`, {
    method: doc ? 'PUT' : 'GET', body: doc && JSON.stringify(doc),
    headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}`, 'Content-Type': 'application/json' },
  });
  return response.status;
}

describe('npm run project:create', () => {
  it('reads its command line, and says how when something is missing', () => {
    expect(parseArgs(['https://c.example.org/study/', '--admin', 'admin:p:w', '--lead', 'carol', '--coders', 'alice, bob'])).toEqual({
      url: 'https://c.example.org/study', admin: { user: 'admin', password: 'p:w' }, lead: 'carol', coders: ['alice', 'bob'], blind: false,
    });
    expect(parseArgs(['https://c.example.org/study', '--admin', 'a:b', '--lead', 'carol', '--blind']).blind).toBe(true);
    expect(() => parseArgs(['https://c.example.org/study'])).toThrow(/^Usage: npm run project:create/);
  });

  it('creates the database, users and members; the server lets a coder write only their own codings and threads, and only the lead the codebook', async () => {
    const plan = { url: `${server.url}/study`, admin: server.admin, lead: 'carol', coders: ['alice', 'bob'] };
    const passwords = await createProject(plan, () => undefined);
    expect(Object.keys(passwords).sort()).toEqual(['alice', 'bob', 'carol']);
    // A second run keeps what exists: no new passwords.
    expect(await createProject(plan, () => undefined)).toEqual({});

    const coding = (user: string) => ({ type: 'coding', user, annotator: user, pageUrl: 'https://example.org/a', annotations: [] });
    expect(await put('alice', passwords.alice, 'coding:alice:https://example.org/a', coding('alice'))).toBe(201);
    expect(await put('alice', passwords.alice, 'coding:bob:https://example.org/a', coding('bob'))).toBe(403);
    expect(await put('alice', passwords.alice, 'codebook', { tags: [] })).toBe(403);
    expect(await put('carol', passwords.carol, 'codebook', { tags: [] })).toBe(201);
    // A coder's thread parts: only under their own name, and only as themselves.
    const thread = (user: string) => ({ type: 'thread', user, pageUrl: 'https://example.org/a', part: 0, comments: [] });
    expect(await put('alice', passwords.alice, 'thread:alice:0:https://example.org/a', thread('alice'))).toBe(201);
    expect(await put('bob', passwords.bob, 'thread:alice:0:https://example.org/a', thread('bob'))).toBe(403);
    expect(await put('bob', passwords.bob, 'thread:bob:0:https://example.org/a', thread('alice'))).toBe(403);
    expect(await put('bob', passwords.bob, 'thread:alice:1:https://example.org/a', thread('alice'))).toBe(403);
    expect(await put('bob', passwords.bob, 'thread:bob:0:https://example.org/a', thread('bob'))).toBe(201);
    expect(await put('mallory', 'x', 'coding:mallory:https://example.org/a', coding('mallory'))).toBe(401);
  });

  it('--blind: every user gets a database only they and the lead read; the main database takes no coder\'s codings', async () => {
    const plan = { url: `${server.url}/blinded`, admin: server.admin, lead: 'dana', coders: ['erin', 'frank'], blind: true };
    const lines: string[] = [];
    const passwords = await createProject(plan, (line) => lines.push(line));
    expect(lines.join('\n')).toMatch(/blind coding is on: each user's codings and threads go to their own database \(blinded-coder-dana, blinded-coder-erin, blinded-coder-frank\)/);
    const coding = { type: 'coding', user: 'erin', annotator: 'erin', pageUrl: 'https://example.org/a', annotations: [] };
    expect(await put('erin', passwords.erin, 'coding:erin:https://example.org/a', coding, 'blinded-coder-erin')).toBe(201);
    expect(await put('erin', passwords.erin, 'coding:erin:https://example.org/b', coding, 'blinded')).toBe(403);
    expect(await put('frank', passwords.frank, 'coding:erin:https://example.org/a', undefined, 'blinded-coder-erin')).toBeOneOf([401, 403]);
    expect(await put('dana', passwords.dana, 'coding:erin:https://example.org/a', undefined, 'blinded-coder-erin')).toBe(200);
  });
});
