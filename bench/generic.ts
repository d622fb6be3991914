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
  // Without comments the detector looks at every block and finds nothing: its worst case.
  const silent = html.replace(/<section class="discussion">[\s\S]*<\/section>/, '<section class="discussion"></section>')
    .replace('</main>', `${'<ul class="teasers">'}${Array.from({ length: 4_000 }, (_, i) => `<li class="teaser"><a href="/s/${i}">Story ${i}</a> <span class="date">2 days ago</span> <b>Staff</b> ${'text '.repeat(40)}</li>`).join('')}</ul></main>`);
  return [{ name: `thread (${count} comments)`, html }, { name: 'no thread, 4,000 teasers', html: silent }];
}

/** `npm run bench generic`: the generic detector (detection + extraction) on a 2 MB page inside Chromium. */
export async function genericSection() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const bundle = await benchBundle();
  console.log('\n## The generic detector on a 2 MB page inside Chromium (fresh document per run; target < 50 ms)\n');
  console.log(`${'page'.padEnd(34)}${'MB'.padStart(6)}${'found'.padStart(8)}${'median'.padStart(9)}${'worst'.padStart(9)}${'traverse'.padStart(10)}`);
  for (const { name, html } of pages()) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const tab = await context.newPage();
    await tab.goto('https://news.example.com/bench/', { waitUntil: 'domcontentloaded' });
    const r = await tab.evaluate(`${bundle};CommentBench.timeFreshDocument(9, true)`) as { extract: number[]; traverse: number[]; count: number };
    console.log(`${name.padEnd(34)}${(html.length / 1e6).toFixed(1).padStart(6)}${String(r.count).padStart(8)}`
      + `${stats(r.extract).median.toFixed(1).padStart(9)}${Math.max(...r.extract).toFixed(1).padStart(9)}${stats(r.traverse).median.toFixed(1).padStart(10)}`);
    await context.close();
  }
  await browser.close();
}
