import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readSavedPage } from '../scripts/read-page';
import { corpusPages, CORPUS_DIR, type CorpusPage } from '../tests/corpus/corpus';
import { benchBundle, stats } from './detection';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCORER = resolve(CORPUS_DIR, '../score.mjs');

/** Extracts every corpus page in Node (as `npm run extract` does) and scores it with the corpus's own scorer. */
function score(pages: CorpusPage[], generic: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ca-corpus-'));
  const lines = pages.map((page) => {
    const { layout, comments } = readSavedPage(readFileSync(page.file, 'utf8'), `https://corpus.invalid/${page.id}.html`, { generic });
    return JSON.stringify({ file: page.file, layout, comments });
  });
  writeFileSync(join(dir, 'got.jsonl'), `${lines.join('\n')}\n`);
  return execFileSync(process.execPath, [SCORER, join(dir, 'got.jsonl')], { encoding: 'utf8' });
}

/** Detection + extraction inside Chromium per corpus page, against one plain traversal of the same document. */
async function timings(pages: CorpusPage[]) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  // The saved pages' own scripts stay off: they would reach for the network and change the DOM.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const bundle = await benchBundle();
  const byFamily = new Map<string, { extract: number[]; traverse: number[] }>();
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    const url = `https://corpus.invalid/${page.id}.html`;
    await context.route(/^https?:\/\//, (route) => route.request().url() === url
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }));
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    // One evaluation: with the page's scripts off, the bundle's global lives only as long as it.
    const r = await tab.evaluate(`${bundle};CommentBench.timeFreshDocument(7, true)`) as { detect: number[]; extract: number[]; traverse: number[] };
    await tab.close();
    await context.unroute(/^https?:\/\//);
    const family = byFamily.get(page.family) ?? { extract: [], traverse: [] };
    family.extract.push(stats(r.detect.map((d, i) => d + r.extract[i])).median);
    family.traverse.push(stats(r.traverse).median);
    byFamily.set(page.family, family);
  }
  await browser.close();
  return byFamily;
}

/** `npm run bench corpus`: pages found and token P/R/F1 per family, and time per page in Chromium. */
export async function corpusSection() {
  console.log(`\n## Real pages: ${CORPUS_DIR}\n`);
  const pages = corpusPages();
  if (!pages.length || !existsSync(SCORER)) {
    console.log('skipped: the corpus is not on this machine (expected ../shared/corpus/blogs-2012 and ../shared/corpus/score.mjs beside the repository)');
    return;
  }
  console.log('Known layouts only (as on a site the extension knows):\n');
  console.log(score(pages, false));
  console.log('With the generic detector allowed (as where the reader opened the panel by hand):\n');
  console.log(score(pages, true));
  console.log('Detection + extraction inside Chromium, generic detector allowed, fresh document each run (median ms per page):\n');
  console.log(`${'family'.padEnd(16)}${'pages'.padStart(6)}${'extract'.padStart(10)}${'worst'.padStart(10)}${'traverse'.padStart(10)}   extract/traverse (median page)`);
  for (const [family, t] of [...(await timings(pages))].sort(([a], [b]) => a.localeCompare(b))) {
    const ratios = t.extract.map((e, i) => e / t.traverse[i]);
    console.log(`${family.padEnd(16)}${String(t.extract.length).padStart(6)}${stats(t.extract).median.toFixed(2).padStart(10)}`
      + `${Math.max(...t.extract).toFixed(2).padStart(10)}${stats(t.traverse).median.toFixed(2).padStart(10)}   ${stats(ratios).median.toFixed(2)}x`);
  }
}
