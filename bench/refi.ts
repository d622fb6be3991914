import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCodable } from '../lib/codebook';
import { DEFAULT_CODEBOOK } from '../storage/codebook';
import type { NativeExport } from '../storage/export';
import { toQdpx } from '../storage/export-qdpx';
import { extensionId, launchWithExtension, nthMeasure } from '../tests/e2e/harness';
import { TIMINGS } from '../lib/timings';

const COUNT = 10_000;
const TARGET_SECONDS = 3;

/**
 * `count` coded comments on 100-comment pages, text with an emoji: each coded by one of two
 * coders with a code, every 5th also with a segment after the emoji, every 10th "no code
 * applies" with a note instead.
 */
function codedComments(count: number): NativeExport {
  const now = '2026-11-01T10:00:00.000Z';
  const codebook = [...DEFAULT_CODEBOOK.tags];
  const codable = codebook.filter(isCodable);
  const data: NativeExport = { format: 'comment-annotator', version: 1, exportedAt: now, scope: { kind: 'all' }, codebook, variables: [...DEFAULT_CODEBOOK.variables], pages: [], comments: [], annotations: [] };
  for (let i = 0; i < count; i++) {
    const url = `https://phandroid.com/refi-bench/${Math.floor(i / 100)}/`;
    if (i % 100 === 0) data.pages.push({ url, layout: 'wp', metadata: null, firstSeen: now, lastSeen: now, commentCount: 100 });
    const key = `wp:${2_000_000 + i}`;
    const text = `Comment ${i} 😍: Sony should bring the Xperia Z1 to more carriers, the battery 🔋 lasts.`;
    data.comments.push({ pageUrl: url, key, author: `Reader ${i % 997}`, publishedAt: '2013-10-11T15:00:00.000Z', permalink: `${url}#comment-${2_000_000 + i}`, parentKey: i % 3 ? `wp:${2_000_000 + i - 1}` : null, text, savedAt: now });
    const none = i % 10 === 0;
    const start = Array.from(text).indexOf('S');
    data.annotations.push({
      id: `ann_${String(i).padStart(7, '0')}`, pageUrl: url, commentKey: key, tagIds: none ? [] : [codable[i % codable.length].id], note: none ? 'nothing applies' : '',
      ...(none ? { none: true } : {}), annotator: i % 2 ? 'alice' : 'bob', createdAt: now, updatedAt: now,
      ...(i % 5 === 1 ? { segments: [{ id: `seg_${i}`, tagId: codable[3].id, quote: Array.from(text).slice(start, start + 4).join(''), start, end: start + 4, createdAt: now }] } : {}),
    });
  }
  return data;
}

/** Prints the figure of issue 13: a .qdpx of 10,000 coded comments from the review page (and the writer alone in Node). */
export async function refiSection() {
  const data = codedComments(COUNT);
  const started = performance.now();
  const bytes = toQdpx(data);
  const node = performance.now() - started;
  const file = join(mkdtempSync(join(tmpdir(), 'ca-bench-')), 'refi-10k.json');
  writeFileSync(file, JSON.stringify(data));
  const browser = await launchWithExtension();
  const review = await browser.context.newPage();
  await review.goto(`chrome-extension://${await extensionId(browser.context)}/review.html`);
  const status = review.locator('[data-testid="exchange-status"]');
  await review.locator('[data-testid="import-file"]').setInputFiles(file);
  await review.locator('[data-testid="confirm-import"]').click({ timeout: 120_000 });
  await status.filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 });
  await review.reload();
  await review.locator(`[data-testid="review"][data-total="${COUNT}"]`).waitFor({ timeout: 120_000 });
  const download = review.waitForEvent('download', { timeout: 120_000 });
  await review.locator('[data-testid="ca-export-qdpx"]').click();
  const saved = join(mkdtempSync(join(tmpdir(), 'ca-bench-')), 'export.qdpx');
  await (await download).saveAs(saved);
  await status.filter({ hasText: 'Exported' }).waitFor();
  const exported = await nthMeasure(review, TIMINGS.exchanged, 1);
  await browser.close();

  console.log('\n## REFI-QDA export (production build, review page, headless Chromium)\n');
  console.log(`QDPX export of ${COUNT.toLocaleString('en')} coded comments (read, write the project, zip, download started): ${(exported / 1000).toFixed(2)} s (target < ${TARGET_SECONDS} s); ${(statSync(saved).size / 1048576).toFixed(1)} MB`);
  console.log(`the writer alone (toQdpx in Node): ${(node / 1000).toFixed(2)} s for ${(bytes.length / 1048576).toFixed(1)} MB`);
}
