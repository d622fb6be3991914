import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { expectNoPanel, test } from './fixture';
import { panel, panelCount } from './harness';

const SEED_PAGES = [
  ['000-phandroid', 46],
  ['001-xperiablog', 57],
  ['002-xperiablog', 135],
  ['002-xperiablog-live-disqus', 135],
  ['003-caschy', 9],
] as const;

describe('panel tab on the seed pages (production build, real addresses)', () => {
  test.for(SEED_PAGES)('%s shows %i comments', async ([name, count], { page }) => {
    const f = fixture(name);
    expect(flatten(f.page.comments)).toHaveLength(count);
    await page.goto(f.url);
    await expect.poll(() => panelCount(page), { timeout: 20_000 }).toBe(count);
    await expect(page.locator('[data-testid="ca-toggle"]').textContent()).resolves.toContain(String(count));
  });

  test('the live Disqus page counts the comments found inside the cross-origin iframe', async ({ page }) => {
    await page.goto(fixture('002-xperiablog-live-disqus').url);
    const frame = page.frames().find((fr) => fr.url().startsWith('https://disqus.com/embed/comments/'));
    expect(frame, 'the Disqus iframe loaded').toBeTruthy();
    expect(await page.locator('#post-list').count(), 'the top document has no comments of its own').toBe(0);
    await expect.poll(() => panelCount(page)).toBe(135);
  });

  test('the tab opens the panel with one row per comment, and Escape closes it', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    await expect.poll(() => panelCount(page)).toBe(9);
    await page.locator('[data-testid="ca-toggle"]').click();
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    expect(await page.locator('[data-comment-key]').count()).toBe(9);
    expect(await page.locator('[data-comment-key]').first().getAttribute('data-comment-key')).toMatch(/^wp:\d+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
  });

  test('a page without comments gets no panel', async ({ page }) => {
    await page.goto(fixture('no-comments').url);
    await expectNoPanel(page);
  });
});
