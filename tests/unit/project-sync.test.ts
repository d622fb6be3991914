// @vitest-environment node
// Node's own fetch talks to the server (happy-dom's keeps a cache); fake-indexeddb is global.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncRound } from '../../background/project-sync';
import { editAnnotation } from '../../storage/annotations';
import { readEverything } from '../../storage/codings';
import { joinProject, markPending, noteChange, readSyncState } from '../../storage/project';
import { SETTING_KEYS, type AnnotatorDB } from '../../storage/schema';
import { addTag, loadCodebook } from '../../storage/codebook';
import { codings, comment, freshBrowser, joinedBrowser, PAGE, tag } from './sync-helpers';
import { adminRequest, createProject, startCouch } from '../couch-server';
import { couchForFile } from '../couch-for-file';

const server = couchForFile('study', ['alice', 'bob', 'lead']);

/** A browser's database: annotating as `name`, joined to the project as `user`. */
const browser = (name: string, user = name) => joinedBrowser(`${server.url}/study`, name, user);

describe('a team project: codings travel through the CouchDB database', () => {
  it('two coders code the same thread; each sees the other\'s codings, and the lead sees both', async () => {
    const alice = await browser('alice');
    const bob = await browser('bob');
    const lead = await browser('lead');
    await tag(alice, 1, 'tag_on-topic');
    await tag(alice, 2, 'tag_question');
    await tag(bob, 1, 'tag_off-topic');
    for (const db of [alice, bob, lead, alice]) expect((await syncRound(db)).error).toBeNull();
    expect(await codings(lead)).toEqual(['alice disqus:1 tag_on-topic', 'alice disqus:2 tag_question', 'bob disqus:1 tag_off-topic']);
    expect(await codings(alice)).toEqual(await codings(lead));
    expect((await readSyncState(alice)).pending).toEqual({});
  });

  it('a coding taken off travels too, and a round with nothing new sends nothing', async () => {
    const alice = await browser('alice');
    const lead = await browser('lead');
    await syncRound(alice);
    await tag(alice, 2, 'tag_question', false);
    await syncRound(alice);
    await syncRound(lead);
    expect(await codings(lead)).not.toContain('alice disqus:2 tag_question');
    const before = (await fetch(`${server.url}/study`, { headers: { Authorization: `Basic ${btoa('lead:pw-lead')}` } }).then((r) => r.json())).update_seq;
    await markPending(alice, [PAGE]);
    await syncRound(alice);
    const after = (await fetch(`${server.url}/study`, { headers: { Authorization: `Basic ${btoa('lead:pw-lead')}` } }).then((r) => r.json())).update_seq;
    expect(after).toBe(before);
  });

  it('the same coder on two machines: both changes of one comment meet, the newest wins and the other is kept in its history', async () => {
    const laptop = await browser('carol-study', 'alice');
    const desktop = await browser('carol-study', 'alice');
    await tag(laptop, 3, 'tag_praise');
    await syncRound(laptop);
    await syncRound(desktop);
    // Both change comment 3 before either syncs again; the desktop's change is the later one.
    await tag(laptop, 3, 'tag_complaint');
    await new Promise((r) => setTimeout(r, 5));
    const codebook = (await loadCodebook(desktop)).map((t) => t.id);
    await editAnnotation(desktop, { pageUrl: PAGE, commentKey: 'disqus:3', annotator: 'carol-study' }, { tags: { 'tag_praise': false, 'tag_spam': true } }, codebook);
    await markPending(desktop, [PAGE]);
    await syncRound(laptop);
    await syncRound(desktop);
    await syncRound(laptop);
    const mine = async (db: AnnotatorDB) => (await readEverything(db)).annotations.find((a) => a.annotator === 'carol-study' && a.commentKey === 'disqus:3')!;
    expect((await mine(laptop)).tagIds).toEqual(['tag_spam']);
    expect((await mine(desktop)).tagIds).toEqual(['tag_spam']);
    expect((await mine(laptop)).history?.map((v) => v.tagIds)).toContainEqual(['tag_praise', 'tag_complaint']);
  });

  it('an unreachable server: the round says so, the page stays waiting, and is sent once the server answers', async () => {
    const alice = await browser('dave');
    await alice.settings.put({ key: SETTING_KEYS.project, value: JSON.stringify({ url: 'http://127.0.0.1:9/study', user: 'alice', password: 'pw-alice', joinedAt: '' }) });
    await tag(alice, 4, 'tag_spam');
    const failed = await syncRound(alice);
    expect(failed.error).toMatch(/does not answer/);
    expect(Object.keys(failed.pending)).toEqual([PAGE]);
    await alice.settings.put({ key: SETTING_KEYS.project, value: JSON.stringify({ url: `${server.url}/study`, user: 'alice', password: 'pw-alice', joinedAt: '' }) });
    const sent = await syncRound(alice);
    expect(sent).toMatchObject({ error: null, pending: {} });
    const lead = await browser('lead');
    await syncRound(lead);
    expect(await codings(lead)).toContain('dave disqus:4 tag_spam');
  });
});

describe('the project\'s codebook', () => {
  it('the lead\'s codebook reaches the coders; a coder\'s own codebook change stays on their machine', async () => {
    await server.stop();
    // A fresh server in the file's place (it is stopped after the file's tests).
    Object.assign(server, await startCouch());
    // The lead administers the database (npm run project:create makes it so).
    await createProject(server, 'study', ['alice', 'lead'], ['lead']);
    const lead = await browser('lead');
    const alice = await browser('alice');
    const added = await addTag(lead, { name: 'sarcasm', description: 'Says the opposite of what it means.' });
    await noteChange(lead, { kind: 'codebook' }, 'lead');
    expect((await syncRound(lead)).error).toBeNull();
    await syncRound(alice);
    expect((await loadCodebook(alice)).find((t) => t.id === added.id)).toMatchObject({ name: 'sarcasm', description: 'Says the opposite of what it means.' });

    await addTag(alice, { name: 'alice-only' });
    await noteChange(alice, { kind: 'codebook' }, 'alice');
    expect((await syncRound(alice)).codebookChanged).toBe(false);
    await syncRound(lead);
    expect((await loadCodebook(lead)).map((t) => t.name)).not.toContain('alice-only');
  });
});

describe('bad input from the server: clear words, nothing lost here', () => {
  it('the database deleted on the server while coding: the round says so, every coding stays here and waits', async () => {
    await createProject(server, 'doomed', ['alice']);
    const alice = await freshBrowser('alice');
    await joinProject(alice, { url: `${server.url}/doomed`, user: 'alice', password: 'pw-alice' });
    await tag(alice, 1, 'tag_spam');
    expect((await syncRound(alice)).error).toBeNull();
    await adminRequest(server, 'doomed', 'DELETE');
    await tag(alice, 2, 'tag_praise');
    const state = await syncRound(alice);
    expect(state.error).toMatch(/no database "doomed"|may not use the database "doomed"/);
    expect(Object.keys(state.pending)).toEqual([PAGE]);
    expect(await codings(alice)).toEqual(['alice disqus:1 tag_spam', 'alice disqus:2 tag_praise']);
  });

  it('a document on the server that fails the checks is named and left out; the rest is merged', async () => {
    await createProject(server, 'mixed', ['alice', 'lead']);
    const doc = (annotator: string, tagIds: unknown) => ({
      type: 'coding', annotator, pageUrl: PAGE,
      page: { url: PAGE, layout: 'disqus', metadata: null, firstSeen: '2026-11-21T10:00:00.000Z', lastSeen: '2026-11-21T10:00:00.000Z', commentCount: 3 },
      comments: [comment(7)].map((c) => ({ ...c, pageUrl: PAGE, savedAt: '2026-11-21T10:00:00.000Z' })),
      annotations: [{ id: `ann_${annotator}`, pageUrl: PAGE, commentKey: 'disqus:7', tagIds, none: true, note: '', annotator, createdAt: '2026-11-21T10:00:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z' }],
      tags: [], removed: {},
    });
    await adminRequest(server, `mixed/${encodeURIComponent(`coding:mallory:${PAGE}`)}`, 'PUT', doc('mallory', 'not a list'));
    await adminRequest(server, `mixed/${encodeURIComponent(`coding:carol:${PAGE}`)}`, 'PUT', doc('carol', []));
    const lead = await freshBrowser('lead');
    await joinProject(lead, { url: `${server.url}/mixed`, user: 'lead', password: 'pw-lead' });
    await tag(lead, 3, 'tag_question');
    const state = await syncRound(lead);
    expect(state.error).toMatch(/^coding:mallory:https:\/\/www\.xperiablog\.net\/.*tagIds[^\n]*$/);
    expect(await codings(lead)).toEqual(['carol disqus:7 ', 'lead disqus:3 tag_question']);
  });
});
