import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../seeds/fixtures';
import type { BrowserContext, Page } from 'playwright-core';
import { readSavedPage } from '../scripts/read-page';
import type { NativeExport } from '../storage/export';
import type { Tag } from '../lib/records';
import { EXTENSION_DIR, extensionId, launchWithExtension, measures, nthMeasure, openPanel, panelCount, serveFixtures } from '../tests/e2e/harness';
import { TIMINGS } from '../lib/timings';
import { stats } from './detection';
import { keyToFrame } from './keys';

/**
 * Stores `count` of this browser's annotations (tag `tagId`) on the comments of `name`'s page from
 * the `skip`th on, as an import on the review page does: the filling is not what is measured, and
 * 4,800 presses took minutes. Waits until the panel shows them.
 */
async function prefill(context: BrowserContext, page: Page, name: string, skip: number, count: number) {
  const f = fixture(name);
  const { page: info, comments } = readSavedPage(f.html(), f.url);
  const annotator = (await page.locator('.ca-annotator').textContent())!.replace(/^ · as /, '');
  const review = await context.newPage();
  await review.goto(`chrome-extension://${await extensionId(context)}/review.html`);
  const codebook = await review.evaluate(() => new Promise<Tag[]>((resolve, reject) => {
    const open = indexedDB.open('comment-annotator');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('tags').objectStore('tags').getAll();
      all.onsuccess = () => resolve(all.result);
    };
  }));
  const now = new Date().toISOString();
  const coded = comments.slice(skip, skip + count);
  const data: NativeExport = {
    format: 'comment-annotator', version: 1, exportedAt: now, scope: { kind: 'page', url: info.url }, codebook,
    pages: [{ url: info.url, layout: 'wp', metadata: info, firstSeen: now, lastSeen: now, commentCount: comments.length }],
    comments: coded.map((c) => ({ pageUrl: info.url, key: c.key, author: c.author, publishedAt: c.publishedAt, permalink: c.permalink, parentKey: c.parentKey, text: c.text, savedAt: now })),
    annotations: coded.map((c, i) => ({ id: `ann_prefill_${i}`, pageUrl: info.url, commentKey: c.key, tagIds: [codebook[0].id], note: '', annotator, createdAt: now, updatedAt: now })),
  };
  await review.locator('[data-testid="import-file"]').setInputFiles({ name: 'prefill.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  await review.locator('[data-testid="confirm-import"]').click({ timeout: 120_000 });
  await review.locator('[data-testid="exchange-status"]').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
  await review.close();
  await page.locator('[data-testid="ca-progress"]').filter({ hasText: `${count} of ` }).waitFor({ timeout: 120_000 });
}

/**
 * Keypress → committed in IndexedDB (the TIMINGS.saved measures) on `name`'s page with `tags`
 * tags on it: all but the last `timed` stored beforehand (prefill), then `timed` real presses
 * (1, then j) on the first comments, timed one at a time.
 */
async function saveLatency(name: string, tags: number, timed: number) {
  const browser = await launchWithExtension();
  await serveFixtures(browser.context, [fixture(name)]);
  const page = await browser.context.newPage();
  await page.goto(fixture(name).url);
  await openPanel(page);
  if (tags > timed) await prefill(browser.context, page, name, timed, tags - timed);
  await page.bringToFront();
  const samples: number[] = [];
  for (let i = 1; i <= timed; i++) {
    await page.keyboard.press('1');
    samples.push(await nthMeasure(page, TIMINGS.saved, i));
    await page.keyboard.press('j');
    // A reader takes longer than a frame between two keys: let the move settle first.
    await page.waitForTimeout(30);
  }
  await browser.close();
  return stats(samples);
}

/** Time from opening the panel to its sheet laid out (the TIMINGS.rendered measure), on a page with `name`'s comments. */
async function firstRender(name: string, runs: number) {
  const browser = await launchWithExtension();
  await serveFixtures(browser.context, [fixture(name)]);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(fixture(name).url);
    const count = await panelCount(page, 60_000);
    await openPanel(page);
    samples.push((await measures(page, TIMINGS.rendered)).at(-1)!);
    if (!count) throw new Error(`no comments found on ${name}`);
  }
  await browser.close();
  return stats(samples);
}

const met = (value: number, target: number) => `(target < ${target} ms: ${value < target ? 'met' : 'NOT met'})`;

/** j on a small and a huge thread: keydown → the first frame showing the move. */
export async function keysSection() {
  console.log('\n## Moving the selection with j (production build in headless Chromium, 200 presses; fast: two frames apart, reader: once the page followed)\n');
  for (const [name, label, pace] of [['002-xperiablog', '135 comments', 'fast'], ['big-10000', '10,000 comments', 'fast'], ['big-10000', '10,000 comments', 'reader']] as const) {
    const { event, frame, slow } = await keyToFrame(name, 200, pace);
    console.log(`j, ${label}, ${pace}: Event Timing keydown → next paint median ${event.median.toFixed(1)} ms, p95 ${event.p95.toFixed(1)} ms ${met(event.p95, 33)} (${slow} of 200 at 16 ms or more); keydown → animation frame median ${frame.median.toFixed(1)} ms, p95 ${frame.p95.toFixed(1)} ms`);
  }
}

/** Key press → committed in IndexedDB with 200 and with 5,000 tags on one page. */
export async function savesSection() {
  console.log('\n## Tagging (production build in headless Chromium; 200 presses timed, after the rest of the tags)\n');
  for (const [name, tags, target] of [['002-xperiablog', 200, 5], ['big-10000', 5_000, 10]] as const) {
    const save = await saveLatency(name, tags, 200);
    console.log(`keypress → annotation committed in IndexedDB, ${tags} tags: median ${save.median.toFixed(2)} ms, p95 ${save.p95.toFixed(2)} ms ${met(save.p95, target)}`);
  }
}

/** The panel's first render on 135 and 10,000 comments, and the content scripts' size. */
export async function renderSection() {
  console.log('\n## Panel first render (production build in headless Chromium)\n');
  for (const [name, label] of [['002-xperiablog', '135 comments'], ['big-10000', '10,000 comments']] as const) {
    const render = await firstRender(name, 5);
    console.log(`panel first render, ${label}: median ${render.median.toFixed(1)} ms, worst of 5 ${render.p95.toFixed(1)} ms${name === 'big-10000' ? ` ${met(render.p95, 50)}` : ''}`);
  }
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/page.js'));
  const frame = readFileSync(join(EXTENSION_DIR, 'content-scripts/comment-frame.js'));
  console.log(`content script size: page.js ${(script.length / 1024).toFixed(1)} KB, ${(gzipSync(script, { level: 9 }).length / 1024).toFixed(1)} KB gzip (target < 40 KB); comment-frame.js ${(gzipSync(frame, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}

/** Prints the panel's figures: moving, tagging, first render. */
export async function panelSection() {
  await keysSection();
  await savesSection();
  await renderSection();
}
