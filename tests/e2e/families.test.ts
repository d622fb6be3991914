import { describe, expect } from 'vitest';
import { loadFixtures } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { test } from './fixture';
import { openFromToolbar, panel, panelCount } from './harness';

// Every layout family's fixture on a site the extension does not know, opened from the toolbar
// as a new user would: the panel counts exactly the seed's comments (found in the page, in an
// open shadow root, or inside a cross-origin comment frame). A family added with a fixture is
// tested here without a new test.

const families = loadFixtures().filter((f) => f.committed && f.onDemand && (f.layout ?? f.frame?.layout) && f.layout !== 'generic');

describe('each family fixture opened from the toolbar', () => {
  test.skipIf(families.length === 0).for(families.map((f) => [f.name, f] as const))('%s shows the seed’s comment count', async ([, f], { page, context }) => {
    await page.goto(f.url);
    await openFromToolbar(context, page);
    const expected = flatten(f.page.comments).length;
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(expected);
    expect(await panel(page).getAttribute('data-state')).toBe('open');
  });
});
