import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../seeds/fixtures';
import { EXTENSION_DIR, launchWithExtension, measures, nthMeasure, openPanel, panelCount, serveFixtures } from '../tests/e2e/harness';
import { TIMINGS } from '../lib/timings';
import { stats } from './detection';

/** Keypress → committed in IndexedDB (the TIMINGS.saved measures), over `count` tags (toggling one tag on successive comments). */
async function saveLatency(count: number) {
  const browser = await launchWithExtension();
  await serveFixtures(browser.context);
  const page = await browser.context.newPage();
  await page.goto(fixture('002-xperiablog').url);
  await openPanel(page);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 ? 'j' : '1');
    if (i % 2) {
      // A reader takes longer than a frame between two keys: let the move settle first.
      await page.waitForTimeout(30);
      continue;
    }
    samples.push(await nthMeasure(page, TIMINGS.saved, samples.length + 1));
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

/** Prints the tagging figures of issue 3. */
export async function panelSection() {
  console.log('\n## Tagging (production build in headless Chromium)\n');
  const save = await saveLatency(400);
  console.log(`keypress → annotation committed in IndexedDB, 200 tags: median ${save.median.toFixed(2)} ms, p95 ${save.p95.toFixed(2)} ms (target p95 < 10 ms)`);
  for (const [name, label] of [['002-xperiablog', '135 comments'], ['big-10000', '10,000 comments']] as const) {
    const render = await firstRender(name, 5);
    console.log(`panel first render, ${label}: median ${render.median.toFixed(1)} ms, worst of 5 ${render.p95.toFixed(1)} ms${name === 'big-10000' ? ' (target < 50 ms)' : ''}`);
  }
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/page.js'));
  const frame = readFileSync(join(EXTENSION_DIR, 'content-scripts/comment-frame.js'));
  console.log(`content script size: page.js ${(script.length / 1024).toFixed(1)} KB, ${(gzipSync(script, { level: 9 }).length / 1024).toFixed(1)} KB gzip (target < 40 KB); comment-frame.js ${(gzipSync(frame, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}
