/** Writes docs/panel.png: the panel on the Xperia Blog page (live Disqus), a few comments tagged. */
import { fixture } from '../seeds/fixtures';
import { launchWithExtension, openPanel, press, serveFixtures } from '../tests/e2e/harness';

const { context, close } = await launchWithExtension();
await serveFixtures(context);
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto(fixture('002-xperiablog-live-disqus').url);
await openPanel(page);
await press(page, '1', 'j', '3', '4', 'j', 'j', '5', 'j', 'j', '6');
await page.waitForTimeout(500);
await page.screenshot({ path: 'docs/panel.png' });
await close();
console.log('wrote docs/panel.png');
