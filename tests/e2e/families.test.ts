import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { clickToolbarButton, injectAnnotator, launchWithExtension, panel, panelCount, serveFixtures } from './harness';

// Every layout family's fixture on a site the extension does not know, opened from the toolbar
// as a new user would: the panel counts exactly the seed's comments (found in the page, in an
// open shadow root, or inside a cross-origin comment frame). A family added with a fixture is
// tested here without a new test.

let browser: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveFixtures(browser.context);
});
afterAll(async () => browser?.close());

const families = loadFixtures().filter((f) => f.committed && f.onDemand && (f.layout ?? f.frame?.layout) && f.layout !== 'generic');

describe('each family fixture opened from the toolbar', () => {
  it.skipIf(families.length === 0).each(families.map((f) => [f.name, f] as const))('%s shows the seed’s comment count', async (_name, f) => {
    const page = await browser.context.newPage();
    await page.goto(f.url);
    await clickToolbarButton(browser.context, page);
    await injectAnnotator(browser.context, page);
    const expected = flatten(f.page.comments).length;
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(expected);
    expect(await panel(page).getAttribute('data-state')).toBe('open');
    await page.close();
  });
});
