// @vitest-environment node
// Node's own fetch talks to the server (happy-dom's keeps a cache); fake-indexeddb is global.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncRound } from '../../background/project-sync';
import { readProjectDoc } from '../../lib/blind';
import { setBlindMode } from '../../lib/blind-setup';
import { readEverything } from '../../storage/codings';
import { shownAnnotationIds, shownAnnotator } from '../../storage/project';
import { overview } from '../../storage/stats';
import { saveThread } from '../../storage/threads';
import { codings, comment, joinedBrowser, PAGE, tag } from './sync-helpers';
import { adminRequest, createProject } from '../couch-server';
import { couchForFile } from '../couch-for-file';

const server = couchForFile('study', ['alice', 'bob', 'lead'], ['lead']);

/** A request to the server as `user` (password pw-USER): its status and answer. */
async function as(user: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; answer: any }> {
  const response = await fetch(`${server.url}/${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `Basic ${btoa(`${user}:pw-${user}`)}`, 'Content-Type': 'application/json' },
  });
  return { status: response.status, answer: await response.json() };
}

const admin = () => ({ url: `${server.url}/study`, user: server.admin.user, password: server.admin.password });
const browser = (name: string) => joinedBrowser(`${server.url}/study`, name);
const docIds = async (user: string, db: string, prefix: string) => (await as(user, `${db}/_all_docs`)).answer.rows.map((r: { id: string }) => r.id).filter((id: string) => id.startsWith(prefix));
const codingIds = (user: string, db: string) => docIds(user, db, 'coding:');

describe('blind coding, enforced by the server', () => {
  it('turned on: the codings there move to each coder\'s own database; a coder can read and write only their own', async () => {
    const [alice, bob, lead] = [await browser('alice'), await browser('bob'), await browser('lead')];
    await tag(alice, 1, 'tag_on-topic');
    await tag(bob, 1, 'tag_off-topic');
    // Bob's thread of the page goes to the main database too: it says which pages he coded.
    await saveThread(bob, { url: PAGE, layout: 'disqus', metadata: null, commentCount: 3 }, [1, 2, 3].map(comment));
    for (const db of [alice, bob, alice]) expect((await syncRound(db)).error).toBeNull();
    expect(await codings(alice)).toContain('bob disqus:1 tag_off-topic');
    const bobsThread = `study/${encodeURIComponent(`thread:bob:0:${PAGE}`)}`;
    expect((await as('alice', bobsThread)).status).toBe(200);

    const { moved } = await setBlindMode(admin(), true);
    // Two codings and two threads (alice's holds the comment she coded).
    expect(moved).toBe(4);
    expect(await codingIds('alice', 'study')).toEqual([]);
    expect(await docIds('alice', 'study', 'thread:')).toEqual([]);
    expect(await codingIds('alice', 'study-coder-alice')).toEqual([`coding:alice:${PAGE}`]);
    expect(await docIds('bob', 'study-coder-bob', 'thread:')).toEqual([`thread:bob:0:${PAGE}`]);
    expect((await as('alice', 'study-coder-bob/_all_docs')).status).toBeOneOf([401, 403]);
    expect((await as('alice', `study-coder-bob/${encodeURIComponent(`coding:bob:${PAGE}`)}`)).status).toBeOneOf([401, 403]);
    // Bob's coding and thread, deleted from the main database, are gone with their old revisions
    // (compaction runs in the background: its answer comes first).
    for (const bobs of [`study/${encodeURIComponent(`coding:bob:${PAGE}`)}`, bobsThread]) {
      const [{ ok: tombstone }] = (await as('alice', `${bobs}?revs=true&open_revs=all`)).answer;
      const { start, ids } = tombstone._revisions as { start: number; ids: string[] };
      expect(tombstone._deleted).toBe(true);
      expect(ids.length).toBeGreaterThan(1);
      for (const [i, id] of ids.slice(1).entries()) {
        await expect.poll(async () => (await as('alice', `${bobs}?rev=${start - 1 - i}-${id}`)).status).toBe(404);
      }
    }
    // Neither the main database nor another coder's takes a coder's coding.
    const mine = { type: 'coding', user: 'alice', annotator: 'alice', pageUrl: PAGE, annotations: [] };
    expect((await as('alice', `study/${encodeURIComponent('coding:alice:https://example.org/x')}`, 'PUT', mine)).status).toBe(403);
    expect((await as('alice', `study-coder-bob/${encodeURIComponent('coding:alice:https://example.org/x')}`, 'PUT', mine)).status).toBeOneOf([401, 403]);

    // Each coder's rounds now go to their own database; bob's new coding never reaches alice.
    await tag(bob, 2, 'tag_question');
    expect(await syncRound(bob)).toMatchObject({ error: null, pending: {}, blind: true, lead: false, pushedTo: 'study-coder-bob' });
    await tag(alice, 3, 'tag_praise');
    expect(await syncRound(alice)).toMatchObject({ error: null, pending: {}, blind: true, lead: false });
    expect(await codings(alice)).not.toContain('bob disqus:2 tag_question');
    expect(await codingIds('alice', 'study-coder-alice')).toEqual([`coding:alice:${PAGE}`]);
    // What alice merged before it turned blind is not shown to her: the review page, the popup's numbers and exports hold her own codings only.
    expect(await shownAnnotator(alice)).toBe('alice');
    const everything = (await readEverything(alice)).annotations;
    expect(everything.some((a) => a.annotator === 'bob')).toBe(true);
    expect([...(await shownAnnotationIds(alice))!].sort()).toEqual(everything.filter((a) => a.annotator === 'alice').map((a) => a.id).sort());
    expect((await overview(alice, 6, 'alice')).annotations).toBe(2);

    // The lead reads every coder's database.
    expect(await syncRound(lead)).toMatchObject({ error: null, blind: true, lead: true });
    expect(await codings(lead)).toEqual(['alice disqus:1 tag_on-topic', 'alice disqus:3 tag_praise', 'bob disqus:1 tag_off-topic', 'bob disqus:2 tag_question']);
    expect(await shownAnnotator(lead)).toBeNull();
    expect(await shownAnnotationIds(lead)).toBeNull();
  });

  it('turned off: the codings move back, and every coder sends to and reads the main database again', async () => {
    const alice = await browser('alice');
    await syncRound(alice);
    expect(await codings(alice)).toEqual(['alice disqus:1 tag_on-topic', 'alice disqus:3 tag_praise']);
    await setBlindMode(admin(), false);
    expect((await codingIds('alice', 'study')).sort()).toEqual([`coding:alice:${PAGE}`, `coding:bob:${PAGE}`]);
    expect((await docIds('alice', 'study', 'thread:')).sort()).toEqual([`thread:alice:0:${PAGE}`, `thread:bob:0:${PAGE}`]);
    expect(await syncRound(alice)).toMatchObject({ error: null, blind: false, pending: {}, pushedTo: 'study' });
    expect(await codings(alice)).toContain('bob disqus:2 tag_question');
    expect(await shownAnnotator(alice)).toBeNull();
  });

  it('the lead without a server admin\'s rights is told which command creates the missing databases; once they exist, the lead turns it on', async () => {
    await createProject(server, 'solo', ['carol', 'lead'], ['lead']);
    const lead = { url: `${server.url}/solo`, user: 'lead', password: 'pw-lead' };
    await expect(setBlindMode(lead, true)).rejects.toThrow(/only a server admin can create them \(missing: solo-coder-carol, solo-coder-lead\).*npm run project:create -- .*\/solo --admin ADMIN:PASSWORD --lead lead --coders carol --blind/);
    expect(await readProjectDoc(lead)).toBeNull();
    // As a server admin does by hand (README): each database, with the lead among its admins.
    for (const user of ['carol', 'lead']) {
      await adminRequest(server, `solo-coder-${user}`, 'PUT');
      await adminRequest(server, `solo-coder-${user}/_security`, 'PUT', { members: { names: [user], roles: [] }, admins: { names: ['lead'], roles: [] } });
    }
    await setBlindMode(lead, true);
    expect(await readProjectDoc(lead)).toMatchObject({ blind: true, databases: { carol: 'solo-coder-carol', lead: 'solo-coder-lead' } });
    expect((await as('carol', 'solo-coder-carol')).status).toBe(200);
    expect((await as('lead', 'solo-coder-carol/_security')).answer).toMatchObject({ members: { names: ['carol'] }, admins: { names: ['lead'] } });
  });
});
