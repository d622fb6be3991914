import { readEverything } from '../../storage/codings';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState, ToContentScript } from '../../lib/messages';
import { describeError, route, type RouterDeps } from '../../background/router';
import { relayChanges } from '../../background/relay';
import { loadCodebook } from '../../storage/codebook';
import { deleteTag } from '../../storage/code-changes';
import { announce } from '../../storage/changes';
import { AnnotatorDB } from '../../storage/schema';

let db: AnnotatorDB;
let name: string;
let sent: { tabId: number; message: ToContentScript; frameId?: number }[];
let broadcasts: ToContentScript[];
let deps: RouterDeps;
let stopRelay: () => void;
const OWN = { id: 'ext', tab: { id: 7 }, frameId: 0, url: 'https://www.xperiablog.net/a/' };
const REVIEW = { id: 'ext', tab: { id: 9 }, frameId: 0, url: 'chrome-extension://ext/review.html' };

beforeEach(async () => {
  name = `router-${crypto.randomUUID()}`;
  db = new AnnotatorDB(name);
  sent = [];
  broadcasts = [];
  deps = {
    db, extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/',
    sendToTab: async (tabId, message, frameId) => { sent.push({ tabId, message, frameId }); },
    openOptions: async () => undefined,
    cache: {},
  };
  // As in the background: what storage announces is relayed to every tab.
  stopRelay = relayChanges({ db, cache: deps.cache, broadcast: async (message) => void broadcasts.push(message) });
});
afterEach(async () => {
  stopRelay();
  db.close();
  await Dexie.delete(name);
});

/**
 * What was relayed up to now: a marker announced last arrives last (one sender, in order), so
 * whatever came before it is everything announced so far; the marker itself is left out.
 */
async function relayedSoFar(): Promise<ToContentScript[]> {
  const marker: ToContentScript = { type: 'stored-change', change: { kind: 'pages', pageUrls: [`marker-${crypto.randomUUID()}`] } };
  announce(db, marker.change);
  await vi.waitFor(() => expect(broadcasts).toContainEqual(marker));
  return broadcasts.filter((m) => JSON.stringify(m) !== JSON.stringify(marker));
}

const target = {
  page: { url: 'https://www.xperiablog.net/a/', layout: 'disqus', metadata: null, commentCount: 3 },
  comment: { key: 'disqus:1', author: 'A', publishedAt: null, permalink: null, parentKey: null, text: 'hello' },
};

describe('background router', () => {
  it('tags a comment for this browser’s annotator and tells every tab', async () => {
    const [tag] = await loadCodebook(db);
    await vi.waitFor(() => expect(broadcasts).toEqual([{ type: 'stored-change', change: { kind: 'codebook' } }])); // the defaults, seeded
    broadcasts = [];
    const response = await route({ type: 'set-tag', target, tagId: tag.id, on: true }, OWN, deps);
    expect(response).toMatchObject({ ok: true, value: { before: null, after: { tagIds: [tag.id], commentKey: 'disqus:1' }, rev: 1 } });
    const annotator = (response as { value: { after: { annotator: string } } }).value.after.annotator;
    expect(annotator).toMatch(/^annotator-/);
    await vi.waitFor(() => expect(broadcasts).toEqual([
      { type: 'stored-change', change: { kind: 'annotator', name: annotator, previous: null } }, // made up by the first write
      { type: 'stored-change', change: expect.objectContaining({ kind: 'annotation', pageUrl: target.page.url, commentKey: 'disqus:1', annotator, rev: 1 }) },
    ]));
    const state = await route({ type: 'get-page-state', pageUrl: target.page.url }, OWN, deps);
    expect(state).toMatchObject({ ok: true, value: { annotations: [{ tagIds: [tag.id] }] } });
  });

  it('keeps a part of the thread for a page of the sender’s site, announcing nothing; the next press names its comment by key', async () => {
    const [tag] = await loadCodebook(db);
    await relayedSoFar();
    broadcasts = [];
    const comments = [target.comment, { ...target.comment, key: 'disqus:2', text: 'second' }];
    expect(await route({ type: 'save-thread', page: target.page, comments }, OWN, deps)).toEqual({ ok: true, value: 2 });
    expect(await route({ type: 'save-thread', page: { ...target.page, url: 'https://evil.example/a/' }, comments }, OWN, deps)).toMatchObject({ ok: false });
    expect(await relayedSoFar()).toEqual([]);
    const press = await route({ type: 'set-tag', target: { page: target.page, comment: { key: 'disqus:2' } }, tagId: tag.id, on: true }, OWN, deps);
    expect(press).toMatchObject({ ok: true, value: { after: { commentKey: 'disqus:2' } } });
    const state = await route({ type: 'get-page-state', pageUrl: target.page.url }, OWN, deps);
    expect(state).toMatchObject({ ok: true, value: { threadKeys: ['disqus:1', 'disqus:2'], snapshots: [{ key: 'disqus:2', text: 'second' }] } });
  });

  it('adds and removes a coded passage (a segment) of a comment; refuses one of an unknown code or with its end before its start', async () => {
    const [tag] = await loadCodebook(db);
    const segment = { id: 'seg_1', tagId: tag.id, quote: 'ell', start: 1, end: 4, createdAt: '2026-01-01T00:00:00.000Z' };
    expect(await route({ type: 'edit-segments', target, segments: { add: [segment] } }, OWN, deps)).toMatchObject({ ok: true, value: { after: { tagIds: [], segments: [segment] } } });
    expect(await route({ type: 'edit-segments', target, segments: { add: [{ ...segment, id: 'seg_2', tagId: 'tag_nope' }] } }, OWN, deps)).toMatchObject({ ok: false, error: 'tagId: no such tag in the codebook' });
    expect(await route({ type: 'edit-segments', target, segments: { add: [{ ...segment, id: 'seg_3', end: 1 }] } }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('end must be after start') });
    expect(await route({ type: 'edit-segments', target, segments: { remove: ['seg_1'] } }, OWN, deps)).toMatchObject({ ok: true, value: { after: null } });
  });

  it('sends the variables with the codebook; sets "no code applies" (taking the tags off) and several codes at once; refuses a code that only groups', async () => {
    const codebook = await loadCodebook(db);
    const code = (id: string) => codebook.find((t) => t.id === id)!.id;
    const [positive, elections, economy, politics] = ['tag_positive', 'tag_elections', 'tag_economy', 'tag_politics'].map(code);
    await route({ type: 'set-tag', target, tagId: positive, on: true }, OWN, deps);
    expect(await route({ type: 'set-codes', target, tags: {}, none: true }, OWN, deps)).toMatchObject({ ok: true, value: { after: { tagIds: [], none: true } } });
    const state = await route({ type: 'get-page-state', pageUrl: target.page.url }, OWN, deps);
    expect(state).toMatchObject({ ok: true, value: { annotations: [{ tagIds: [], none: true }] } });
    expect((state as { value: PageState }).value.variables?.map((v) => [v.id, v.kind])).toEqual([['var_tone', 'single'], ['var_topics', 'multiple']]);
    expect(await route({ type: 'set-codes', target, tags: { [elections]: true, [economy]: true }, none: false }, OWN, deps)).toMatchObject({ ok: true, value: { after: { tagIds: [elections, economy], none: undefined } } });
    expect(await route({ type: 'set-codes', target, tags: { [politics]: true } }, OWN, deps)).toMatchObject({ ok: false, error: 'tags: “politics” only groups codes and cannot be applied' });
    expect(await route({ type: 'set-tag', target, tagId: politics, on: true }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('only groups codes') });
    // Taking a code off needs no check (an undo after the codebook changed).
    expect(await route({ type: 'set-codes', target, tags: { [economy]: false, tag_gone: false } }, OWN, deps)).toMatchObject({ ok: true, value: { after: { tagIds: [elections] } } });
  });

  it('gives no answer at all to senders that are not its own content scripts', async () => {
    const message = { type: 'get-page-state', pageUrl: target.page.url };
    expect(await route(message, { id: 'another-extension', tab: { id: 7 } }, deps)).toBeUndefined();
    expect(await route(message, { id: 'ext' }, deps)).toBeUndefined(); // an extension page, not a tab
  });

  it.each([
    ['an unknown tag id', { type: 'set-tag', target, tagId: 'tag_nope', on: true }, 'tagId: no such tag'],
    ['a page that is not a web address', { type: 'set-tag', target: { ...target, page: { ...target.page, url: 'javascript:alert(1)' } }, tagId: 'x', on: true }, 'target.page.url'],
    ['a toggle (a resent toggle undid a stored press)', { type: 'toggle-tag', target, tagId: 'x' }, 'type'],
    ['a tag change that does not say which way', { type: 'set-tag', target, tagId: 'x' }, 'on'],
    ['codes with an unknown tag put on', { type: 'set-codes', target, tags: { tag_nope: true } }, 'tags: no such tag'],
    ['codes without saying which tags', { type: 'set-codes', target, none: true }, 'tags'],
    ['"no code applies" that is not a yes or no', { type: 'set-codes', target, tags: {}, none: 'yes' }, 'none'],
    ['a comment without text', { type: 'set-note', target: { ...target, comment: { ...target.comment, text: undefined } }, note: '' }, 'target.comment.text'],
    ['an extra field', { type: 'set-note', target, note: '', annotator: 'mallory' }, ''],
    ['frame comments from the top frame', { type: 'frame-comments', layout: 'disqus', comments: [] }, 'frame-comments: only frames'],
  ])('refuses %s, saying where, and changes nothing', async (_label, message, where) => {
    await loadCodebook(db);
    const response = await route(message, OWN, deps);
    expect(response?.ok).toBe(false);
    if (where && response && !response.ok) expect(response.error).toContain(where);
    expect((await readEverything(db)).annotations).toEqual([]);
    expect(await relayedSoFar()).toEqual([{ type: 'stored-change', change: { kind: 'codebook' } }]); // only the seeded defaults
  });

  it('takes "keep listening" from its own extension pages only, and nothing else from them', async () => {
    const listening = { type: 'keep-listening' };
    expect(await route(listening, REVIEW, deps)).toEqual({ ok: true, value: null });
    expect(await route(listening, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('type') });
    expect(await route(listening, { id: 'ext', url: 'https://evil.example/' }, deps)).toBeUndefined();
    expect(await route({ type: 'annotation-edited', pageUrl: target.page.url, commentKey: 'disqus:1', annotator: 'me' }, REVIEW, deps)).toMatchObject({ ok: false, error: expect.stringContaining('type') });
    expect(await route({ ...listening, extra: 1 }, REVIEW, deps)).toMatchObject({ ok: false });
  });

  it('reads the codebook again once storage announces a change of it, wherever it was made', async () => {
    const [tag] = await loadCodebook(db);
    expect(await route({ type: 'set-tag', target, tagId: tag.id, on: true }, OWN, deps)).toMatchObject({ ok: true });
    // The options page, with its own connection to the database, deletes the tag.
    const options = new AnnotatorDB(name);
    await deleteTag(options, tag.id, { others: true });
    options.close();
    await vi.waitFor(() => expect(deps.cache.codebook).toBeUndefined());
    expect(await route({ type: 'set-tag', target, tagId: tag.id, on: true }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('no such tag') });
  });

  it('answers a resent change as stored without changing anything again', async () => {
    const [a, b] = await loadCodebook(db);
    const press = { type: 'set-tag', target, tagId: a.id, on: true };
    const first = await route(press, OWN, deps);
    await route({ type: 'set-tag', target, tagId: b.id, on: true }, OWN, deps);
    const before = await db.codings.toArray();
    // The worker stopped before its answer left: the port sends the press again.
    const again = await route(press, OWN, deps);
    expect(await db.codings.toArray()).toEqual(before);
    expect(again).toMatchObject({ ok: true, value: { after: { tagIds: [a.id, b.id] }, rev: 2 } });
    expect(first).toMatchObject({ ok: true, value: { rev: 1 } });
    const state = await route({ type: 'get-page-state', pageUrl: target.page.url }, OWN, deps);
    expect(state).toMatchObject({ ok: true, value: { rev: 2, annotations: [{ tagIds: [a.id, b.id] }] } });
  });

  it('remembers a picked thread for the sender’s own site, never one the message names', async () => {
    const pick = { thread: '#feedback', member: 'div.gb-entry' };
    expect(await route({ type: 'save-thread-pick', pick }, { ...OWN, frameId: 2 }, deps)).toMatchObject({ ok: false });
    expect(await route({ type: 'save-thread-pick', pick, host: 'evil.example' }, OWN, deps)).toMatchObject({ ok: false });
    expect(await route({ type: 'save-thread-pick', pick: { thread: '', member: 'x' } }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('pick.thread') });
    expect(await route({ type: 'save-thread-pick', pick }, OWN, deps)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'get-thread-pick' }, { ...OWN, url: 'https://www.xperiablog.net/other/' }, deps)).toEqual({ ok: true, value: pick });
    expect(await route({ type: 'get-thread-pick' }, { ...OWN, url: 'https://phandroid.com/a/' }, deps)).toEqual({ ok: true, value: null });
  });

  it('keeps the panel’s side and width for the whole browser, within the bounds a panel can take', async () => {
    expect(await route({ type: 'get-panel-placement' }, OWN, deps)).toEqual({ ok: true, value: null });
    const placement = { side: 'left', width: 360 };
    expect(await route({ type: 'save-panel-placement', placement }, OWN, deps)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'get-panel-placement' }, { ...OWN, url: 'https://phandroid.com/a/' }, deps)).toEqual({ ok: true, value: placement });
    expect(await route({ type: 'save-panel-placement', placement: { side: 'top', width: 360 } }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('placement.side') });
    expect(await route({ type: 'save-panel-placement', placement: { side: 'left', width: 20 } }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('placement.width') });
    expect(await route({ type: 'save-panel-placement', placement: { side: 'left', width: 1e9 } }, OWN, deps)).toMatchObject({ ok: false });
    expect(await route({ type: 'get-panel-placement' }, OWN, deps)).toEqual({ ok: true, value: placement });
  });

  it('relays between frames: reports and keys to the top frame, focus requests and chips to their frame only', async () => {
    await route({ type: 'frame-comments', layout: 'disqus', comments: [] }, { ...OWN, frameId: 3 }, deps);
    await route({ type: 'focus-comment', frameId: 3, key: 'disqus:1' }, OWN, deps);
    const chips = { 'giscus:12': [{ name: 'praise', colour: '#080' }] };
    await route({ type: 'frame-chips', frameId: 5, open: true, chips }, OWN, deps);
    await route({ type: 'focus-comment', frameId: 3, key: null, scroll: false }, OWN, deps);
    const press = { key: '1', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    await route({ type: 'frame-key', press }, { ...OWN, frameId: 3 }, deps);
    // A tag key with a passage selected in the frame, and the passages to highlight there.
    const passage = { key: 'disqus:1', start: 2, end: 9, quote: 'passage' };
    await route({ type: 'frame-key', press, passage }, { ...OWN, frameId: 3 }, deps);
    const highlights = { 'disqus:1': [{ start: 2, end: 9, colour: '#008800' }] };
    await route({ type: 'frame-chips', frameId: 3, open: true, chips: {}, highlights }, OWN, deps);
    expect(await route({ type: 'frame-key', press, passage: { ...passage, end: 2 } }, { ...OWN, frameId: 3 }, deps)).toMatchObject({ ok: false });
    expect(sent).toEqual([
      { tabId: 7, frameId: 0, message: { type: 'frame-comments', layout: 'disqus', comments: [], frameId: 3 } },
      { tabId: 7, frameId: 3, message: { type: 'focus-comment', key: 'disqus:1' } },
      { tabId: 7, frameId: 5, message: { type: 'frame-chips', open: true, chips } },
      { tabId: 7, frameId: 3, message: { type: 'focus-comment', key: null, scroll: false } },
      { tabId: 7, frameId: 0, message: { type: 'frame-key', press } },
      { tabId: 7, frameId: 0, message: { type: 'frame-key', press, passage } },
      { tabId: 7, frameId: 3, message: { type: 'frame-chips', open: true, chips: {}, highlights } },
    ]);
  });

  it('forwards only the panel\'s keys, and only from a frame', async () => {
    const press = { key: 'j', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    expect(await route({ type: 'frame-key', press }, OWN, deps)).toMatchObject({ ok: false, error: expect.stringContaining('only frames') });
    expect(await route({ type: 'frame-key', press: { ...press, key: 'Enter' } }, { ...OWN, frameId: 3 }, deps)).toMatchObject({ ok: false, error: expect.stringContaining('press.key') });
    expect(await route({ type: 'frame-key', press: { ...press, code: 'KeyJ' } }, { ...OWN, frameId: 3 }, deps)).toMatchObject({ ok: false });
    expect(sent).toEqual([]);
  });

  it('says plainly when the disk is full', () => {
    const error = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(describeError(error)).toContain('the disk is full');
    expect(describeError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toContain('the disk is full');
  });
});

describe('page addresses: a page reads and writes only its own site’s codings', () => {
  const XPERIA = 'https://www.xperiablog.net/a/';
  const PHANDROID = { id: 'ext', tab: { id: 8, url: 'https://phandroid.com/fake/' }, frameId: 0, url: 'https://phandroid.com/fake/' };

  it('refuses a page on another site naming this one (a canonical link on phandroid.com to xperiablog.net): no read, no write, and says why', async () => {
    const [tag] = await loadCodebook(db);
    expect(await route({ type: 'set-tag', target, tagId: tag.id, on: true }, OWN, deps)).toMatchObject({ ok: true });
    await route({ type: 'set-note', target, note: 'private note' }, OWN, deps);
    await relayedSoFar();
    broadcasts = [];
    const before = await readEverything(db);

    const read = await route({ type: 'get-page-state', pageUrl: XPERIA }, PHANDROID, deps);
    expect(read).toEqual({ ok: false, error: expect.stringContaining('www.xperiablog.net is not on the site of this tab (phandroid.com)') });
    expect(JSON.stringify(read)).not.toContain('private note');
    expect(JSON.stringify(read)).not.toContain('hello');
    const fake = { ...target, comment: { ...target.comment, text: 'FAKE text from phandroid' } };
    for (const message of [
      { type: 'set-tag', target: fake, tagId: tag.id, on: true },
      { type: 'set-tag', target: fake, tagId: tag.id, on: false },
      { type: 'set-note', target: fake, note: 'forged' },
    ]) {
      expect(await route(message, PHANDROID, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: the page names an address on another site/) });
    }
    // Metadata naming another site is refused too, though the page address is the sender's own.
    const ownPage = { ...target.page, url: 'https://phandroid.com/fake/', metadata: { url: XPERIA, title: null, byline: null, siteName: null, publishedTime: null, excerpt: null } };
    expect(await route({ type: 'set-note', target: { ...fake, page: ownPage }, note: 'x' }, PHANDROID, deps)).toMatchObject({ ok: false });
    expect(await readEverything(db)).toEqual(before);
    expect(await relayedSoFar()).toEqual([]);
  });

  it('takes a canonical link within the same site (another subdomain, another path, another scheme)', async () => {
    const [tag] = await loadCodebook(db);
    const mobile = { ...OWN, url: 'http://m.xperiablog.net/a/?amp=1', tab: { id: 7, url: 'http://m.xperiablog.net/a/?amp=1' } };
    expect(await route({ type: 'set-tag', target, tagId: tag.id, on: true }, mobile, deps)).toMatchObject({ ok: true });
    expect(await route({ type: 'get-page-state', pageUrl: XPERIA }, mobile, deps)).toMatchObject({ ok: true, value: { annotations: [{ tagIds: [tag.id] }] } });
  });

  it('takes no page address from a frame (frames report to their top frame, which names the page)', async () => {
    const frame = { ...OWN, frameId: 3, url: 'https://disqus.com/embed/comments/?f=xperiablog' };
    expect(await route({ type: 'get-page-state', pageUrl: XPERIA }, frame, deps)).toMatchObject({ ok: false, error: expect.stringContaining('only the top frame') });
    // A frame of the same site is refused as well: the top frame is the one that names its page.
    expect(await route({ type: 'get-page-state', pageUrl: XPERIA }, { ...OWN, frameId: 3 }, deps)).toMatchObject({ ok: false });
  });

  it('uses the tab’s address when the browser gives no frame address', async () => {
    expect(await route({ type: 'get-page-state', pageUrl: XPERIA }, { id: 'ext', tab: { id: 7, url: 'https://www.xperiablog.net/b/' }, frameId: 0 }, deps)).toMatchObject({ ok: true });
    expect(await route({ type: 'get-page-state', pageUrl: XPERIA }, { id: 'ext', tab: { id: 7 }, frameId: 0 }, deps)).toMatchObject({ ok: false, error: expect.stringContaining('(unknown)') });
  });
});
