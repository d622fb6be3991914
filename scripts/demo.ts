/**
 * Opens Chromium with the built extension on every seed page, served offline under the
 * sites' real addresses:  npm run demo
 * With a display the browser stays open until you close it; without one (a server, CI) it
 * runs headless, prints what the panel found on each page, saves screenshots, and exits.
 */
import { mkdirSync } from 'node:fs';
import { fixture } from '../seeds/fixtures';
import { launchWithExtension, panelCount, serveFixtures } from '../tests/e2e/harness';

const SEED_PAGES = ['002-xperiablog-live-disqus', '000-phandroid', '001-xperiablog', '002-xperiablog', '003-caschy'];
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const { context, close } = await launchWithExtension({ headless });
await serveFixtures(context);
const pages = [];
for (const name of SEED_PAGES) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(fixture(name).url);
  pages.push({ name, page });
}
for (const { name, page } of pages) {
  const count = await panelCount(page).catch(() => 0);
  console.log(`${name.padEnd(30)} ${String(count).padStart(4)} comments  ${page.url()}`);
}
if (headless) {
  mkdirSync('demo-output', { recursive: true });
  for (const { name, page } of pages) {
    await page.locator('[data-testid="ca-toggle"]').click();
    await page.screenshot({ path: `demo-output/${name}.png` });
  }
  console.log('No display: ran headless and saved screenshots of the open panel to demo-output/.');
  await close();
} else {
  console.log('Chromium is open with Comment Annotator; close the window to end the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await close();
}
