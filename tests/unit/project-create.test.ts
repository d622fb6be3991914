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

/** A PUT of a document as `user`; answers the status. */
async function put(user: string, password: string, id: string, doc: object): Promise<number> {
  const response = await fetch(`${server.url}/study/${encodeURIComponent(id)}`, {
    method: 'PUT', body: JSON.stringify(doc),
    headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}`, 'Content-Type': 'application/json' },
  });
  return response.status;
}

describe('npm run project:create', () => {
  it('reads its command line, and says how when something is missing', () => {
    expect(parseArgs(['https://c.example.org/study/', '--admin', 'admin:p:w', '--lead', 'carol', '--coders', 'alice, bob'])).toEqual({
      url: 'https://c.example.org/study', admin: { user: 'admin', password: 'p:w' }, lead: 'carol', coders: ['alice', 'bob'],
    });
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
});
