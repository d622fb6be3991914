/**
 * Opens Chromium with the built extension on every seed page, served offline under the
 * sites' real addresses:  npm run demo
 * With a display the browser stays open until you close it. Without one (a server, CI) it runs
 * headless, prints what the panel found on each page, then works as a reader would and saves a
 * screenshot of each step to demo-output/: comments tagged by keyboard on every seed page (chips
 * in the page, tags in the panel's rows), the toolbar popup, and the review page importing a
 * colleague's export (the preview, then both annotators with the agreement table).
 * npm run screenshots does the headless run and also copies README's two pictures to docs/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fixture } from '../seeds/fixtures';
import { launchWithExtension, panelCount, serveFixtures } from '../tests/e2e/harness';
import { COLLEAGUE, READER, colleagueFile, exportFromPopup, extensionBase, setAnnotatorName, shootPopup, shootReview, tagByKeyboard } from './showcase';

/** The seed pages, each with the keys the headless run presses in its panel (j: next comment, digits: tags). */
const SEED_PAGES: [name: string, keys: string[]][] = [
  // Ends on a tagged comment between an untagged one and a tagged one: README's docs/panel.png.
  ['002-xperiablog-live-disqus', ['1', 'j', '3', '4', 'j', 'j', '5', 'j', '6', 'j', '2', 'j', 'j', '1', '7', 'j', '3', 'k']],
  ['000-phandroid', ['1', 'j', '3', '4', 'j', '2', 'j', '6', 'j', '1', 'j', '7', 'j', '5', 'k']],
  ['001-xperiablog', ['4', 'j', 'j', '6', 'j', '5', 'j', '3']],
  ['002-xperiablog', ['1', 'j', '2', 'j', '8']],
  ['003-caschy', ['6', 'j', '4', 'j', '5', 'j', '3', 'j', '1', '4']],
];
const OUT = 'demo-output';
const docs = process.argv.includes('--docs');
const headless = docs || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

const { context, close } = await launchWithExtension({ headless });
await serveFixtures(context);
const base = await extensionBase(context);
if (headless) await setAnnotatorName(context, base, READER);
const pages: { name: string; keys: string[]; page: Page }[] = [];
for (const [name, keys] of SEED_PAGES) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(fixture(name).url);
  pages.push({ name, keys, page });
}
for (const { name, page } of pages) {
  const count = await panelCount(page).catch(() => 0);
  console.log(`${name.padEnd(30)} ${String(count).padStart(4)} comments  ${page.url()}`);
}
if (headless) {
  await recordSession();
} else {
  console.log('Chromium is open with Comment Annotator; close the window to end the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}
await close();

/** The headless run: tags on every seed page, the popup, the review page with a colleague's import; a screenshot of each. */
async function recordSession(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  const shot = (file: string) => (shots.push(`${OUT}/${file}`), `${OUT}/${file}`);
  let annotations = 0;
  for (const { name, keys, page } of pages) {
    annotations += await tagByKeyboard(page, keys, READER);
    await page.screenshot({ path: shot(`tagged-${name}.png`) });
  }
  const popup = await shootPopup(context, base, annotations, shot('popup.png'));
  const theirs = colleagueFile(await exportFromPopup(popup), COLLEAGUE);
  await shootReview(context, base, theirs, 2 * annotations, shot('review-import-preview.png'), shot('review-two-annotators.png'));

  console.log(`No display: ran headless, tagged ${annotations} comments as ${READER}, imported ${COLLEAGUE}'s export, and saved:`);
  for (const path of shots) console.log(`  ${path}`);
  if (docs) {
    copyFileSync(`${OUT}/tagged-002-xperiablog-live-disqus.png`, 'docs/panel.png');
    copyFileSync(`${OUT}/review-two-annotators.png`, 'docs/review.png');
    console.log('  copied to docs/panel.png and docs/review.png');
  }
}
