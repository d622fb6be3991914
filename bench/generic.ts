import { chromium } from 'playwright-core';
import { generateThread } from '../seeds/big-thread';
import { fixture } from '../seeds/fixtures';
import { talkPage } from '../seeds/render/unknown';
import { benchBundle, stats } from './detection';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET_BYTES = 2_000_000;

/** An unknown-site page (the `unknown-talk` markup) grown to about 2 MB of HTML, and the same page without its thread. */
function pages(): { name: string; html: string }[] {
  const base = fixture('unknown-talk');
  let count = 1_000;
  let html = '';
  for (;;) {
    const thread = generateThread(base.page, count, base.page.paragraphs.join(' '));
    html = talkPage(thread, base.url, 'generated for the benchmark');
    if (html.length >= TARGET_BYTES) break;
    count = Math.ceil(count * (TARGET_BYTES / html.length) * 1.02);
  }
  // Without comments the detector looks at every block and finds nothing: its worst case. Teasers
  // (date, byline, a line of text: comment-like, but links) fill the page back to 2 MB.
  const empty = html.replace(/<section class="discussion">[\s\S]*<\/section>/, '<section class="discussion"></section>');
  const teaser = (i: number) => `<li class="teaser"><a href="/s/${i}">Story ${i}</a> <span class="date">2 days ago</span> <b>Staff</b> ${'text '.repeat(40)}</li>`;
  const teasers = Math.ceil((TARGET_BYTES - empty.length) / teaser(0).length);
  const silent = empty.replace('</main>', `<ul class="teasers">${Array.from({ length: teasers }, (_, i) => teaser(i)).join('')}</ul></main>`);
  return [{ name: `thread (${count} comments)`, html }, { name: `no thread, ${teasers} teasers`, html: silent }];
}

/** `npm run bench generic`: the generic detector (detection + extraction) on a 2 MB page inside Chromium. */
export async function genericSection() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const bundle = await benchBundle();
  console.log('\n## The generic detector on a 2 MB page inside Chromium (fresh document per run; target: detection < 50 ms)\n');
  console.log(`${'page'.padEnd(28)}${'MB'.padStart(5)}${'found'.padStart(7)}${'detect'.padStart(8)}${'worst'.padStart(8)}${'extract'.padStart(9)}${'worst'.padStart(8)}${'traverse'.padStart(10)}   (median ms)`);
  for (const { name, html } of pages()) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const tab = await context.newPage();
    await tab.goto('https://news.example.com/bench/', { waitUntil: 'domcontentloaded' });
    const r = await tab.evaluate(`${bundle};CommentBench.timeFreshDocument(9, true)`) as { detect: number[]; extract: number[]; traverse: number[]; count: number };
    const cell = (samples: number[]) => `${stats(samples).median.toFixed(1).padStart(8)}${Math.max(...samples).toFixed(1).padStart(8)}`;
    console.log(`${name.padEnd(28)}${(html.length / 1e6).toFixed(1).padStart(5)}${String(r.count).padStart(7)}${cell(r.detect)} ${cell(r.extract)}${stats(r.traverse).median.toFixed(1).padStart(10)}`);
    await context.close();
  }
  await browser.close();
}
