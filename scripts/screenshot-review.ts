/** Writes docs/review.png: the review page after tagging two seed pages and importing a colleague's file. */
import { readFileSync } from 'node:fs';
import { fixture } from '../seeds/fixtures';
import { extensionId, launchWithExtension, openPanel, press, serveFixtures } from '../tests/e2e/harness';

const { context, close } = await launchWithExtension();
await serveFixtures(context);
for (const [name, keys] of [['000-phandroid', ['1', 'j', '3', '4', 'j', '2', 'j', '6', 'j', '1']], ['003-caschy', ['6', 'j', '4', 'j', '5']]] as const) {
  const page = await context.newPage();
  await page.goto(fixture(name).url);
  await openPanel(page);
  await press(page, ...keys);
  await page.waitForTimeout(300);
  await page.close();
}
const base = `chrome-extension://${await extensionId(context)}`;
const popup = await context.newPage();
await popup.goto(`${base}/popup.html`);
const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-testid="ca-export-json"]').click()]);
const mine = JSON.parse(readFileSync((await download.path())!, 'utf8'));
const theirs = { ...mine, annotations: mine.annotations.map((a: any, i: number) => ({ ...a, id: `ann_bob_${i}`, annotator: 'bob', tagIds: i % 3 ? a.tagIds : ['tag_praise'] })) };
const review = await context.newPage();
await review.setViewportSize({ width: 1400, height: 1000 });
await review.goto(`${base}/review.html`);
await review.locator('[data-testid="import-file"]').setInputFiles({ name: 'bob.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
await review.locator('[data-testid="confirm-import"]').click();
await review.waitForTimeout(800);
await review.screenshot({ path: 'docs/review.png', fullPage: true });
await close();
console.log('wrote docs/review.png');
