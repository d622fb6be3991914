import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CODEBOOK } from '../storage/codebook';
import { isCodable } from '../lib/codebook';
import type { NativeExport } from '../storage/export';
import { seededRandom } from '../seeds/parse';
import { extensionId, launchWithExtension, nthMeasure } from '../tests/e2e/harness';
import { TIMINGS } from '../lib/timings';

/** A native export of `count` annotations on 100-comment pages, with short comment texts. */
function syntheticExport(count: number): NativeExport {
  const random = seededRandom(count);
  const now = '2026-11-01T10:00:00.000Z';
  const codebook = [...DEFAULT_CODEBOOK.tags];
  const codable = codebook.filter(isCodable);
  const pages: NativeExport['pages'] = [];
  const comments: NativeExport['comments'] = [];
  const annotations: NativeExport['annotations'] = [];
  for (let i = 0; i < count; i++) {
    const url = `https://phandroid.com/bench/${Math.floor(i / 100)}/`;
    if (i % 100 === 0) pages.push({ url, layout: 'wp', metadata: { url, title: `Bench page ${i / 100}`, byline: null, siteName: 'Phandroid', publishedTime: null, excerpt: null }, firstSeen: now, lastSeen: now, commentCount: 100 });
    const key = `wp:${1_000_000 + i}`;
    comments.push({ pageUrl: url, key, author: `Reader ${i % 997}`, publishedAt: '2013-10-11T15:00:00', permalink: `${url}#comment-${1_000_000 + i}`, parentKey: null, text: `Generated comment ${i}: Sony should bring the Xperia Z1 to more carriers.`, savedAt: now });
    annotations.push({ id: `ann_${String(i).padStart(7, '0')}`, pageUrl: url, commentKey: key, tagIds: [codable[Math.floor(random() * codable.length)].id], note: i % 10 ? '' : 'checked twice', annotator: 'bench', createdAt: now, updatedAt: now });
  }
  return { format: 'comment-annotator', version: 1, exportedAt: now, scope: { kind: 'all' }, codebook, variables: [...DEFAULT_CODEBOOK.variables], pages, comments, annotations };
}

/** Prints the figures of issue 4: import and export of 100,000 annotations, review page first render. */
export async function exchangeSection() {
  const count = 100_000;
  const file = join(mkdtempSync(join(tmpdir(), 'ca-bench-')), 'bench-100k.json');
  writeFileSync(file, JSON.stringify(syntheticExport(count)));
  const browser = await launchWithExtension();
  const base = `chrome-extension://${await extensionId(browser.context)}`;
  const review = await browser.context.newPage();
  await review.goto(`${base}/review.html`);
  const status = review.locator('[data-testid="exchange-status"]');

  await review.locator('[data-testid="import-file"]').setInputFiles(file);
  await review.locator('[data-testid="import-preview"]').waitFor({ timeout: 120_000 });
  const check = await nthMeasure(review, TIMINGS.exchanged, 1);
  await review.locator('[data-testid="confirm-import"]').click();
  await status.filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 });
  const apply = await nthMeasure(review, TIMINGS.exchanged, 2);

  await review.reload();
  await review.locator(`[data-testid="review"][data-total="${count}"]`).waitFor({ timeout: 120_000 });
  await review.locator('.tr[data-annotation-id]').first().waitFor();
  const render = Math.round(await review.evaluate((mark) => performance.getEntriesByName(mark, 'mark')[0].startTime, TIMINGS.reviewShown));

  const download = review.waitForEvent('download', { timeout: 120_000 });
  await review.locator('[data-testid="ca-export-json"]').click();
  await download;
  await status.filter({ hasText: 'Exported' }).waitFor();
  const exported = await nthMeasure(review, TIMINGS.exchanged, 1);
  await browser.close();

  console.log('\n## Export and import (production build, review page, headless Chromium)\n');
  console.log(`import ${count.toLocaleString('en')} annotations: check + preview ${(check / 1000).toFixed(2)} s, merge ${(apply / 1000).toFixed(2)} s, total ${((check + apply) / 1000).toFixed(2)} s (target < 5 s)`);
  console.log(`export ${count.toLocaleString('en')} annotations (native JSON, download started): ${(exported / 1000).toFixed(2)} s (target < 2 s)`);
  console.log(`review page first render with ${count.toLocaleString('en')} annotations: ${render} ms from navigation`);
}
