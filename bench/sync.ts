import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import { syncRound } from '../background/project-sync';
import { CLASSIC_CODEBOOK } from '../tests/classic-codebook';
import { createProject, startCouch } from '../tests/couch-server';
import { extensionId, launchWithExtension, letThrough, openPanel, press, selectedKey, serveFixtures } from '../tests/e2e/harness';
import { fixture } from '../seeds/fixtures';
import { applyImport } from '../storage/import';
import { FORMAT, FORMAT_VERSION, type NativeExport } from '../storage/export';
import { joinProject, readProject } from '../storage/project';
import { setTag } from '../storage/annotations';
import { saveThread } from '../storage/threads';
import { pushThreads } from '../background/thread-sync';
import { AnnotatorDB, SETTING_KEYS } from '../storage/schema';
import { stats } from './detection';

const NOW = '2026-11-01T10:00:00.000Z';

/** `count` annotations by `annotator` on 100-comment pages, as a native export. */
function codings(count: number, annotator: string): NativeExport {
  const pages: NativeExport['pages'] = [];
  const comments: NativeExport['comments'] = [];
  const annotations: NativeExport['annotations'] = [];
  for (let i = 0; i < count; i++) {
    const url = `https://phandroid.com/bench/${Math.floor(i / 100)}/`;
    if (i % 100 === 0) pages.push({ url, layout: 'wp', metadata: null, firstSeen: NOW, lastSeen: NOW, commentCount: 100 });
    comments.push({ pageUrl: url, key: `wp:${i}`, author: `Reader ${i % 97}`, publishedAt: null, permalink: `${url}#comment-${i}`, parentKey: null, text: `Comment ${i}: the camera is better than the last one.`, savedAt: NOW });
    annotations.push({ id: `ann_${i}`, pageUrl: url, commentKey: `wp:${i}`, tagIds: [CLASSIC_CODEBOOK[i % 8].id], note: '', annotator, createdAt: NOW, updatedAt: NOW });
  }
  return { format: FORMAT, version: FORMAT_VERSION, exportedAt: NOW, scope: { kind: 'all' }, codebook: CLASSIC_CODEBOOK, pages, comments, annotations };
}

/** Codes one comment of a page with a thread of 10,000 comments, then times sending the thread, whole and again with one comment more. */
async function pushLongThread(db: AnnotatorDB) {
  const url = 'https://phandroid.com/bench/long-thread/';
  const page = { url, layout: 'wp' as const, metadata: null, commentCount: 10_000 };
  const comment = (i: number) => ({ key: `wp:long-${i}`, author: `Reader ${i % 97}`, publishedAt: null, permalink: `${url}#comment-${i}`, parentKey: i % 5 ? `wp:long-${i - (i % 5)}` : null, text: `Comment ${i}: ${'the camera is better than the last one, and the battery lasts a day. '.repeat(4)}` });
  await setTag(db, { page, comment: comment(0) }, CLASSIC_CODEBOOK[0].id, true, CLASSIC_CODEBOOK.map((t) => t.id));
  for (let at = 1; at < 10_000; at += 200) await saveThread(db, page, Array.from({ length: Math.min(200, 10_000 - at) }, (_, i) => comment(at + i)));
  const project = (await readProject(db))!;
  const sent: string[] = [];
  let bytes = 0;
  const counting = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/_bulk_docs') && typeof init?.body === 'string') {
      bytes += init.body.length;
      for (const doc of JSON.parse(init.body).docs as { _id: string }[]) sent.push(doc._id);
    }
    return fetch(input, init);
  }) as typeof fetch;
  let began = performance.now();
  const refused = await pushThreads(db, project, 'coder', counting);
  const ms = performance.now() - began;
  const docs = sent.length;
  if (refused.length || !docs) throw new Error(`thread push failed: ${refused.join('; ')}`);
  await saveThread(db, page, [comment(10_000)]);
  began = performance.now();
  await pushThreads(db, project, 'coder', counting);
  return { ms, docs, bytes, againMs: performance.now() - began, againDocs: sent.length - docs };
}

/** Joins `context`'s extension to the project as `user` on its options page and waits for "synced". */
async function joinInBrowser(page: Page, url: string, user: string) {
  await page.locator('[data-testid="ca-sync-url"]').fill(url);
  await page.locator('[data-testid="ca-sync-user"]').fill(user);
  await page.locator('[data-testid="ca-sync-password"]').fill(`pw-${user}`);
  await page.locator('[data-testid="ca-sync-join"]').click();
  await page.waitForFunction(() => /^synced/.test(document.querySelector('[data-testid="ca-sync-status"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
}

/** Issue 14's figures: pushing 10,000 annotations, a 10,000-comment thread, and a key press in one browser to the lead's review page in another. */
export async function syncSection() {
  const server = await startCouch();
  try {
    await createProject(server, 'bench', ['coder', 'lead']);
    const db = new AnnotatorDB('bench-sync');
    await db.settings.put({ key: SETTING_KEYS.annotator, value: 'coder' });
    await applyImport(db, codings(10_000, 'coder'));
    await joinProject(db, { url: `${server.url}/bench`, user: 'coder', password: 'pw-coder' });
    const began = performance.now();
    const state = await syncRound(db);
    const pushMs = performance.now() - began;
    if (state.error || Object.keys(state.pending).length) throw new Error(`push failed: ${state.error}`);
    const thread = await pushLongThread(db);

    // A fresh database for the browsers: coder and lead.
    await createProject(server, 'live', ['coder', 'lead']);
    const [coder, lead] = [await launchWithExtension(), await launchWithExtension()];
    const delays: number[] = [];
    try {
      const f = fixture('002-xperiablog');
      for (const { context } of [coder, lead]) {
        await serveFixtures(context, [f]);
        await letThrough(context, server.url);
      }
      for (const [{ context }, user] of [[coder, 'coder'], [lead, 'lead']] as const) {
        const options = await context.newPage();
        await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
        await joinInBrowser(options, `${server.url}/live`, user);
      }
      const review = await lead.context.newPage();
      await review.goto(`chrome-extension://${await extensionId(lead.context)}/review.html`);
      const page = await coder.context.newPage();
      await page.goto(f.url);
      await openPanel(page);
      for (let i = 1; i <= 20; i++) {
        const shown = review.waitForFunction((n) => Number(document.querySelector('[data-testid="review"]')?.getAttribute('data-total')) >= n, i, { timeout: 30_000, polling: 10 });
        const pressed = Date.now();
        await press(page, '1');
        await shown;
        delays.push(Date.now() - pressed);
        await press(page, 'j');
        await selectedKey(page);
      }
    } finally {
      await coder.close();
      await lead.close();
    }
    const delay = stats(delays);
    console.log('\n## Team sync (pouchdb-server in memory on 127.0.0.1)\n');
    console.log(`push 10,000 annotations (100 pages with their threads, one round from a fresh join, Node): ${(pushMs / 1000).toFixed(2)} s`);
    console.log(`push a coded page's whole thread of 10,000 comments (${thread.docs} documents, ${(thread.bytes / 1e6).toFixed(1)} MB, Node): ${thread.ms.toFixed(0)} ms; one comment more: ${thread.againMs.toFixed(0)} ms (${thread.againDocs} document)`);
    console.log(`key press in the coder's browser → the lead's review page shows it (20 presses): median ${delay.median.toFixed(0)} ms, p95 ${delay.p95.toFixed(0)} ms`);
  } finally {
    await server.stop();
  }
}
