import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { FAKE_TEXT, XPERIA_VICTIM, isolationFixtures, isolationPages } from '../hostile/pages';
import { test } from './fixture';
import { measures, openPanel, panel, panelCount, press, rowTags, selectedKey } from './harness';
import { TIMINGS } from '../../lib/timings';

// What a page can learn about, or do to, the annotator and the codings (README, "What a page can
// and cannot learn"): the pages are in tests/hostile/pages.ts, isolationPages().

test.override('served', isolationFixtures());

const attack = (name: string) => isolationPages().find((p) => p.name === name)!;
const loaded = (page: Page) => expect.poll(() => panel(page).getAttribute('data-loaded'), { timeout: 15_000 }).toBe('true');
const saveCount = async (page: Page) => (await measures(page, TIMINGS.saved)).length;

describe('isolation from the page', () => {
  test('the page never sees the extension id, and its stop and restart events (with the id) leave the annotator running', async ({ page, extension }) => {
    const hostile = attack('listens-for-the-id');
    await page.goto(hostile.url);
    await expect.poll(() => panelCount(page)).toBe(hostile.expectedCount);
    const id = extension.id;
    const seen: string[] = await page.evaluate(() => (window as any).__messages);
    expect(seen.filter((m) => m.includes(id))).toEqual([]);
    expect(await page.evaluate(() => (window as any).__replayed)).toBeUndefined();

    // A page that knows the id anyway (a store extension's id is public) dispatches WXT's events.
    await page.evaluate((id) => {
      for (const entry of ['page', 'granted-site']) {
        document.dispatchEvent(new CustomEvent(`${id}:${entry}:wxt:content-script-started`, { detail: { contentScriptName: entry, messageId: 'the page' } }));
        window.dispatchEvent(new Event(`${id}:${entry}:wxt:locationchange`));
      }
      window.postMessage({ type: `${id}:page:wxt:content-script-started`, contentScriptName: 'page', messageId: 'the page' }, '*');
    }, id);
    // The listeners ran during dispatchEvent: had they stopped the annotator, the panel would be gone now.
    expect(await panel(page).count()).toBe(1);
    await openPanel(page);
    await press(page, 'j', '1');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
  });

  test('with the panel closed, no comment shows the page whether it is coded; chips show only while the panel is open', async ({ page }) => {
    const hostile = attack('probes-chips');
    await page.goto(hostile.url);
    await expect.poll(() => panelCount(page)).toBe(hostile.expectedCount);
    await openPanel(page);
    await press(page, 'j', '1', '2');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,off-topic');
    // The reader sees the chips while the panel is open.
    await expect.poll(() => page.locator('comment-annotator-chips').count()).toBe(1);
    await press(page, 'Escape');
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
    await expect.poll(() => page.locator('comment-annotator-chips').count()).toBe(0);
    const before = await page.evaluate(() => (window as any).__before);
    expect(await page.evaluate(() => (window as any).__probe())).toEqual(before);

    // A later visit: the codings are loaded with the panel closed, and still nothing shows.
    await page.reload();
    await expect.poll(() => panelCount(page)).toBe(hostile.expectedCount);
    await loaded(page);
    expect(await page.locator('comment-annotator-chips').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__probe())).toEqual(await page.evaluate(() => (window as any).__before));
    await openPanel(page);
    await expect.poll(() => page.locator('comment-annotator-chips').count()).toBe(1);
  });

  test('a page on another site naming an Xperia Blog article as canonical gets none of its codings and cannot change them', async ({ context }) => {
    const victim = XPERIA_VICTIM();
    const real = await context.newPage();
    await real.goto(victim.url);
    await openPanel(real);
    await press(real, '1');
    const key = (await selectedKey(real))!;
    expect(key).toBe('disqus-wp:1846003'); // the comment whose text the look-alike page changed
    await expect.poll(() => rowTags(real, key)).toBe('on-topic');
    await press(real, 'n');
    await real.keyboard.type('the reader’s note');
    await press(real, 'Escape'); // leaving the field saves the note
    await expect.poll(() => real.locator(`.ca-row[data-comment-key="${key}"] .ca-has-note`).count()).toBe(1);

    const fake = await context.newPage();
    const lookAlike = attack('canonical-other-site');
    await fake.goto(lookAlike.url);
    await expect.poll(() => panelCount(fake)).toBe(lookAlike.expectedCount);
    await loaded(fake);
    expect(await fake.locator('comment-annotator-chips').count()).toBe(0);
    await openPanel(fake);
    expect(await rowTags(fake, key)).toBe('');
    expect(await fake.locator(`.ca-row[data-comment-key="${key}"] .ca-has-note`).count()).toBe(0);
    expect(await fake.locator('[data-testid="ca-missing"]').count()).toBe(0);
    expect(await fake.locator('[data-testid="ca-progress"]').textContent()).toMatch(/^0 of 135 coded/);
    expect(await fake.locator('.ca-status-error').count()).toBe(0);
    // A tag made there is stored under the look-alike page's own address.
    await press(fake, '8');
    expect(await selectedKey(fake)).toBe(key);
    await expect.poll(() => rowTags(fake, key)).toBe('spam');
    expect(await fake.locator('.ca-row .ca-text').first().textContent()).toBe(FAKE_TEXT);
    await fake.reload();
    await openPanel(fake);
    await expect.poll(() => rowTags(fake, key)).toBe('spam');

    await real.reload();
    await openPanel(real);
    await expect.poll(() => rowTags(real, key)).toBe('on-topic');
    // The note field takes the stored note in an effect after the panel's next paint.
    await expect.poll(() => real.locator('.ca-note').inputValue()).toBe('the reader’s note');
    expect(await real.locator('.ca-detail .ca-fulltext').textContent()).not.toContain('FAKE');
  });

  test('script clicks, inputs and changes in the open panel do nothing', async ({ page }) => {
    const hostile = attack('forges-clicks');
    await page.goto(hostile.url);
    await expect.poll(() => panelCount(page)).toBe(hostile.expectedCount);
    await openPanel(page);
    await press(page, 'j', '1');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('on-topic');
    await press(page, 'n');
    await page.keyboard.type('mine');
    await press(page, 'Escape'); // leaving the field saves the note
    await expect.poll(() => saveCount(page)).toBe(2);

    expect(await page.evaluate(() => (window as any).__forge())).toBe('forged');
    // Anything the forged events started was sent before this key press, whose save is the signal.
    await press(page, '2');
    await expect.poll(() => saveCount(page)).toBe(3);
    expect(await rowTags(page, key)).toBe('on-topic,off-topic');
    expect(await panel(page).getAttribute('data-state')).toBe('open');
    expect(await selectedKey(page)).toBe(key);

    await page.reload();
    // The reopened panel selects its first row, and takes keys from then on.
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('on-topic,off-topic');
    await press(page, 'j');
    expect(await selectedKey(page)).toBe(key);
    await expect.poll(() => page.locator('.ca-note').inputValue()).toBe('mine'); // set after the next paint
  });
});
