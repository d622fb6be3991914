import { fixture } from '../seeds/fixtures';
import type { SeedComment } from '../seeds/model';
import { html5Comments } from '../seeds/render/wordpress';
import { launchWithExtension, measures, openPanel, panelCount, serveFixtures } from '../tests/e2e/harness';
import { TIMINGS } from '../lib/timings';
import { met } from './detection';

const BATCHES = 20;
const BATCH = 50;

/** `count` new top-level comments in Phandroid's markup, ids far from the seed's. */
function batchHtml(from: number, url: string): string {
  const comments: SeedComment[] = Array.from({ length: BATCH }, (_, i) => ({
    id: 900_000 + from + i, kind: 'comment', author: `Late reader ${from + i}`, authorInvented: true,
    publishedAt: '2013-10-12T09:00:00', paragraphs: [[`A comment that arrived later, number ${from + i}.`]], children: [],
  }));
  return html5Comments(comments, url).replace(/^<ol class="comment-list">\n|\n<\/ol>$/g, '');
}

/**
 * Issue 5's figure: 1,000 comments added to an open panel in batches of 50. The page's own DOM
 * work (inserting the batch) is timed in the page; the extension's share is what its watcher
 * spends reading the thread and updating the panel (the sum of its TIMINGS.scan measures).
 */
export async function lateCommentsSection() {
  const f = fixture('000-phandroid');
  const browser = await launchWithExtension();
  await serveFixtures(browser.context, [f]);
  const page = await browser.context.newPage();
  await page.goto(f.url);
  await openPanel(page);
  const start = await panelCount(page);
  const scanned = async () => (await measures(page, TIMINGS.scan)).reduce((sum, ms) => sum + ms, 0);
  const watchBefore = await scanned();
  let domMs = 0;
  const began = Date.now();
  for (let b = 0; b < BATCHES; b++) {
    domMs += await page.evaluate((html) => {
      const t = performance.now();
      document.querySelector('ol.comment-list')!.insertAdjacentHTML('beforeend', html);
      void document.body.offsetHeight; // the page's layout of the new comments is DOM work too
      return performance.now() - t;
    }, batchHtml(b * BATCH, f.url));
    await page.waitForFunction((n) => Number(document.querySelector('comment-annotator-panel')?.shadowRoot?.querySelector('[data-testid="ca-panel"]')?.getAttribute('data-comment-count')) >= n, start + (b + 1) * BATCH);
  }
  const wall = Date.now() - began;
  const extensionMs = await scanned() - watchBefore;
  const final = await panelCount(page);
  await browser.close();

  console.log('\n## Late comments (production build, open panel, headless Chromium)\n');
  console.log(`${BATCHES * BATCH} comments added in ${BATCHES} batches of ${BATCH} to a page of ${start}: panel shows ${final}`);
  console.log(`extension (reading the thread + updating the panel): ${extensionMs.toFixed(1)} ms in total, ${(extensionMs / BATCHES).toFixed(1)} ms per batch ${met(extensionMs, 100)}`);
  console.log(`page DOM work (inserting and laying out the batches): ${domMs.toFixed(1)} ms; wall time incl. the 200 ms settle per batch: ${wall} ms`);
}
