// @vitest-environment node
// Node's own fetch talks to the server (happy-dom's keeps a cache); fake-indexeddb is global.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { keepProjectInSync, syncRound } from '../../background/project-sync';
import { setTag } from '../../storage/annotations';
import { onChange } from '../../storage/changes';
import { loadCodebook } from '../../storage/codebook';
import { joinProject, noteChange, readSyncState } from '../../storage/project';
import { savedThread } from '../../storage/saved-threads';
import { AnnotatorDB, SETTING_KEYS } from '../../storage/schema';
import { isThreadDoc, mergeThreadDoc, splitThread, THREAD_DOC_BYTES, threadDocId, threadDocs, threadsToSend, noteThreadsSent } from '../../storage/sync-threads';
import { readThread, saveThread } from '../../storage/threads';
import type { StoreChange } from '../../lib/changes';
import { classicCodebook } from './classic';
import { adminRequest, createProject } from '../couch-server';
import { couchForFile } from '../couch-for-file';
import { setBlindMode } from '../../lib/blind-setup';

// Whole threads travel with the codings (issue 14): a coder's snapshot of a coded page's thread
// goes to the project's database in parts, and reaches members who never opened the page.

const server = couchForFile('threads', ['alice', 'bob', 'lead']);

const PAGE = 'https://www.xperiablog.net/2013/10/11/sony-xperia-z1/';
const SAVED = '2026-11-21T10:00:00.000Z';
const comment = (n: number, text = `Comment ${n}: ${'the camera is better than the last one. '.repeat(8)}`) => ({ key: `disqus:${n}`, author: `Reader ${n % 97}`, publishedAt: null, permalink: null, parentKey: n > 1 ? `disqus:${n - 1}` : null, text });
const exported = (n: number, text?: string) => ({ ...comment(n, text), pageUrl: PAGE, savedAt: SAVED });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const page = (commentCount: number) => ({ url: PAGE, layout: 'disqus' as const, metadata: null, commentCount });
let dbs = 0;

/** Every thread threadsToSend yields. */
async function toSend(...args: Parameters<typeof threadsToSend>) {
  const all = [];
  for await (const thread of threadsToSend(...args)) all.push(thread);
  return all;
}

/** A browser's database annotating as `name`; joined to the project `database` as `name` unless it is null. */
async function browser(name: string, database: string | null = 'threads'): Promise<AnnotatorDB> {
  const db = new AnnotatorDB(`thread-sync-${++dbs}`);
  await db.settings.put({ key: SETTING_KEYS.annotator, value: name });
  await classicCodebook(db);
  if (database) await joinProject(db, { url: `${server.url}/${database}`, user: name, password: `pw-${name}` });
  return db;
}

/** Codes comment `n` and keeps the thread as the panel does once coding started: the press, then the thread in parts of 200. */
async function codeAndKeep(db: AnnotatorDB, n: number, comments: number[]) {
  const codebook = (await loadCodebook(db)).map((t) => t.id);
  const me = (await db.settings.get(SETTING_KEYS.annotator))!.value;
  const change = await setTag(db, { page: page(comments.length), comment: comment(n) }, 'tag_on-topic', true, codebook);
  await noteChange(db, { kind: 'annotation', pageUrl: PAGE, commentKey: `disqus:${n}`, annotator: me, annotation: change.after, rev: change.rev }, me);
  const rest = comments.filter((c) => c !== n);
  for (let at = 0; at < rest.length; at += 200) await saveThread(db, page(comments.length), rest.slice(at, at + 200).map((c) => comment(c)));
}

/** A fetch that counts the thread documents it carries to _bulk_docs. */
function countingFetch() {
  const sent: string[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/_bulk_docs') && typeof init?.body === 'string') {
      for (const doc of JSON.parse(init.body).docs as { _id: string }[]) if (doc._id.startsWith('thread:')) sent.push(doc._id);
    }
    return fetch(input, init);
  }) as typeof fetch;
  return { fetcher, sent };
}

describe('thread documents', () => {
  it('split a thread of 10,000 comments into parts of about 256 KB, in its order, each comment once; ids are the user’s, the part’s and the page’s', () => {
    const comments = range(1, 10_000).map((n) => exported(n));
    const parts = splitThread(comments);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.flat()).toEqual(comments);
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThanOrEqual(THREAD_DOC_BYTES + 1);
    // A comment larger than a part has a part of its own.
    expect(splitThread([exported(1, 'x'.repeat(THREAD_DOC_BYTES)), exported(2)]).map((p) => p.length)).toEqual([1, 1]);

    const docs = threadDocs('alice', PAGE, comments);
    expect(docs.map((d) => d._id).slice(0, 2)).toEqual([`thread:alice:0:${PAGE}`, `thread:alice:1:${PAGE}`]);
    expect(docs.every(isThreadDoc)).toBe(true);
    expect(docs.every((d) => JSON.stringify(d).length < 1024 * 1024)).toBe(true);
    // A document whose id says another user's, part or page is not one.
    expect(isThreadDoc({ ...docs[1], _id: threadDocId('bob', PAGE, 1) })).toBe(false);
    expect(isThreadDoc({ ...docs[1], part: 0 })).toBe(false);
  });

  it('merged from the server: adds the comments the local snapshot lacks, never drops or rewrites a local one, and refuses what fails the checks', async () => {
    const db = await browser('bob', null);
    await saveThread(db, page(3), [comment(1, 'as bob saw it'), comment(2)]);
    const heard: StoreChange[] = [];
    const stop = onChange(db, (change) => heard.push(change));
    const [doc] = threadDocs('alice', PAGE, [exported(1, 'edited later'), exported(3)]);
    expect(await mergeThreadDoc(db, doc)).toBeNull();
    const thread = await readThread(db, PAGE);
    expect(thread.map((c) => c.key)).toEqual(['disqus:1', 'disqus:2', 'disqus:3']);
    expect(thread[0].text).toBe('as bob saw it');
    await vi.waitFor(() => expect(heard).toContainEqual({ kind: 'thread', pageUrl: PAGE }));

    // Merged again: nothing new, nothing written.
    const parts = await db.threads.count();
    expect(await mergeThreadDoc(db, doc)).toBeNull();
    expect(await db.threads.count()).toBe(parts);
    expect(await mergeThreadDoc(db, { ...doc, comments: [{ ...exported(4), pageUrl: 'https://elsewhere.example/' }] })).toMatch(/another page/);
    expect(await mergeThreadDoc(db, { ...doc, comments: [{ ...exported(5), text: 42 as unknown as string }] })).toMatch(/^thread:alice:0:.*text/);
    expect((await readThread(db, PAGE)).map((c) => c.key)).toEqual(['disqus:1', 'disqus:2', 'disqus:3']);
    stop();
  });

  it('to send: only the threads of pages this coder coded, only what changed since sent', async () => {
    const db = await browser('carol', null);
    await saveThread(db, { ...page(2), url: 'https://www.xperiablog.net/never-coded/' }, [comment(1)]);
    await codeAndKeep(db, 1, range(1, 1_000));
    const [first, ...none] = await toSend(db, 'p', 'carol', 'carol');
    expect(none).toEqual([]);
    expect(first.pageUrl).toBe(PAGE);
    expect(first.docs.flatMap((d) => d.comments).length).toBe(1_000);
    await noteThreadsSent(db, 'p', { [PAGE]: first.sent });
    expect(await toSend(db, 'p', 'carol', 'carol')).toEqual([]);
    // Another project: everything again.
    expect(await toSend(db, 'q', 'carol', 'carol')).toHaveLength(1);

    await saveThread(db, page(1_001), [comment(1_001)]);
    const [grown] = await toSend(db, 'p', 'carol', 'carol');
    expect(grown.docs.map((d) => d.part)).toEqual([first.docs.length - 1]);
    expect(grown.docs[0].comments.at(-1)!.key).toBe('disqus:1001');
  });
});

describe('threads through the project’s database', () => {
  it('a coder codes a page: the lead, who never opened it, has its whole thread; a comment more sends only the last part', async () => {
    const alice = await browser('alice');
    await codeAndKeep(alice, 1, range(1, 1_200));
    const push = countingFetch();
    expect((await syncRound(alice, push.fetcher)).error).toBeNull();
    expect(push.sent.length).toBeGreaterThan(1);
    expect(new Set(push.sent).size).toBe(push.sent.length);

    const lead = await browser('lead');
    expect((await syncRound(lead)).error).toBeNull();
    expect((await readThread(lead, PAGE)).length).toBe(1_200);
    const saved = await savedThread(lead, PAGE);
    expect(saved.comments.map((c) => c.key)).toEqual(range(1, 1_200).map((n) => `disqus:${n}`));

    await saveThread(alice, page(1_201), [comment(1_201)]);
    const again = countingFetch();
    expect((await syncRound(alice, again.fetcher)).error).toBeNull();
    expect(again.sent).toEqual([push.sent.at(-1)]);
    // Nothing new: nothing sent.
    const idle = countingFetch();
    await syncRound(alice, idle.fetcher);
    expect(idle.sent).toEqual([]);
    await syncRound(lead);
    expect((await readThread(lead, PAGE)).length).toBe(1_201);
  });

  it('what a coder merged from another’s thread is not sent back: a round after the merge sends nothing, a comment seen here sends only this coder’s own', async () => {
    await createProject(server, 'echo', ['alice', 'bob']);
    const [alice, bob] = [await browser('alice', 'echo'), await browser('bob', 'echo')];
    await codeAndKeep(bob, 1, range(1, 3));
    expect((await syncRound(bob)).error).toBeNull();
    await codeAndKeep(alice, 1, [1]);
    expect((await syncRound(alice)).error).toBeNull();
    expect((await readThread(alice, PAGE)).map((c) => c.key)).toEqual(['disqus:1', 'disqus:2', 'disqus:3']);

    const after = countingFetch();
    expect((await syncRound(alice, after.fetcher)).error).toBeNull();
    expect(after.sent).toEqual([]);
    await saveThread(alice, page(4), [comment(4)]);
    const grown = countingFetch();
    expect((await syncRound(alice, grown.fetcher)).error).toBeNull();
    expect(grown.sent).toEqual([threadDocId('alice', PAGE, 0)]);
    const held = await adminRequest(server, `echo/${encodeURIComponent(threadDocId('alice', PAGE, 0))}`);
    expect(held.comments.map((c: { key: string }) => c.key)).toEqual(['disqus:1', 'disqus:4']);
    expect((await readThread(alice, PAGE)).map((c) => c.key)).toEqual(['disqus:1', 'disqus:2', 'disqus:3', 'disqus:4']);
  });

  it('a thread that grew wakes sync: it reaches the server without another press (sync was waiting on the server’s news)', async () => {
    await createProject(server, 'wake', ['bob']);
    const bob = await browser('bob', 'wake');
    await codeAndKeep(bob, 1, [1]);
    const stop = keepProjectInSync(bob);
    try {
      const parts = async () => {
        const doc = await adminRequest(server, `wake/${encodeURIComponent(`thread:bob:0:${PAGE}`)}`).catch(() => null);
        return doc?.comments.length ?? 0;
      };
      await vi.waitFor(async () => {
        expect((await readSyncState(bob)).lastSync).not.toBeNull();
        expect(await parts()).toBe(1);
      }, { timeout: 10_000 });
      // The round is over: sync waits on the server's long poll (25 s) unless a change here wakes it.
      await saveThread(bob, page(40), range(2, 40).map((n) => comment(n)));
      await vi.waitFor(async () => expect(await parts()).toBe(40), { timeout: 5_000 });
    } finally {
      stop();
    }
  });

  it('blind coding: a coder’s thread goes to their own database; the lead gets it, another coder does not', async () => {
    await createProject(server, 'blindthreads', ['alice', 'bob', 'lead'], ['lead']);
    await setBlindMode({ url: `${server.url}/blindthreads`, user: server.admin.user, password: server.admin.password }, true);
    const [alice, bob, lead] = [await browser('alice', 'blindthreads'), await browser('bob', 'blindthreads'), await browser('lead', 'blindthreads')];
    await codeAndKeep(alice, 1, range(1, 300));
    for (const db of [alice, bob, lead]) expect((await syncRound(db)).error).toBeNull();
    const ids = async (database: string) => (await adminRequest(server, `${database}/_all_docs`)).rows.map((r: { id: string }) => r.id).filter((id: string) => id.startsWith('thread:'));
    expect(await ids('blindthreads')).toEqual([]);
    expect(await ids('blindthreads-coder-alice')).toEqual([`thread:alice:0:${PAGE}`]);
    expect((await readThread(lead, PAGE)).length).toBe(300);
    expect(await readThread(bob, PAGE)).toEqual([]);
  });
});
