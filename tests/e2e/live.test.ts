import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, test } from './fixture';
import { annotatorProgress, clickToolbarButton, idleScriptsRan, injectAnnotator, openFromToolbar, openPanel, panel, panelCount, press, reloadExtension, rowTags, selectedKey } from './harness';

/** Errors the page's console saw (content-script errors land there too). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const count = async (page: Page) => Number(await panel(page).getAttribute('data-comment-count'));

describe('comments that arrive later', () => {
  test('Disqus "Load more comments": the panel grows without duplicates, keeps selection and tags', async ({ page }) => {
    await page.goto(fixture('002-xperiablog-load-more').url);
    const frame = async () => page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    await expect.poll(async () => (await frame())?.locator('li.post').count() ?? 0).toBeGreaterThan(0);
    const first = await (await frame()).locator('li.post').count();
    await expect.poll(() => panelCount(page)).toBe(first);
    await openPanel(page);
    await press(page, 'j', '1');
    const tagged = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, tagged)).toBe('on-topic');

    for (let round = 0; round < 20 && (await (await frame()).locator('[data-action="more-posts"]').count()); round++) {
      const before = await count(page);
      await (await frame()).locator('[data-action="more-posts"]').click();
      await expect.poll(() => count(page), { timeout: 2_000 }).toBeGreaterThan(before); // within a second or two
    }
    const all = await (await frame()).locator('li.post').count();
    expect(all).toBe(135);
    expect(await count(page)).toBe(all);
    const keys = await page.locator('.ca-row[data-comment-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-key')));
    expect(new Set(keys).size).toBe(keys.length);
    expect(await selectedKey(page)).toBe(tagged);
    expect(await rowTags(page, tagged)).toBe('on-topic');
  });
});

describe('any site, on demand', () => {
  test('does nothing by itself on an unknown site; the toolbar button brings the panel with the comments the generic detector finds', async ({ page, context }) => {
    const errors = consoleErrors(page);
    await page.goto(fixture('unknown-talk').url);
    // A script injected through the toolbar's grant runs after every script declared for the
    // page: by then no annotator of ours had started in it, and there is no panel.
    await clickToolbarButton(context, page);
    await idleScriptsRan(context, page);
    expect(await annotatorProgress(page)).toBeUndefined();
    expect(await panel(page).count()).toBe(0);

    await injectAnnotator(context, page);
    await expect.poll(() => panelCount(page), { timeout: 10_000 }).toBe(9);
    expect(await panel(page).getAttribute('data-state')).toBe('open');
    await press(page, 'j', '2');
    const key = (await selectedKey(page))!;
    expect(key).toMatch(/^generic:talk-\d+$/);
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');

    // A reload takes the injected script away; the next click brings it back with the tag.
    await page.reload();
    await openFromToolbar(context, page);
    await expect.poll(() => panelCount(page), { timeout: 10_000 }).toBe(9);
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');
    expect(errors).toEqual([]);
  });

  test('where nothing is found the panel says so; Escape leaves pick mode; one click on a comment picks the thread, remembered for the site', async ({ page, context }) => {
    const f = fixture('unknown-guestbook');
    await page.goto(f.url);
    await openFromToolbar(context, page);
    await expect.poll(() => page.locator('[data-testid="ca-empty"]').textContent()).toContain('No comment thread found on this page.');
    await page.locator('[data-testid="ca-pick-thread"]').click();
    await page.keyboard.press('Escape'); // leaves pick mode, picks nothing
    await expect.poll(() => page.locator('.ca-status').textContent()).toContain('No thread picked.');
    expect(await count(page)).toBe(0);
    await page.locator('[data-testid="ca-pick-thread"]').click();
    await expect.poll(() => page.locator('.ca-pick').textContent()).toContain('Click one comment');
    await page.locator('#feedback > .gb-entry').nth(2).locator('p').first().click();
    await expect.poll(() => count(page), { timeout: 10_000 }).toBe(46);
    expect(page.url()).toBe(f.url); // the click picked; it did not follow anything
    await expect.poll(() => page.locator('.ca-status').textContent()).toContain('Remembered for guestbook.example.net');

    await page.reload();
    await openFromToolbar(context, page);
    await expect.poll(() => count(page), { timeout: 10_000 }).toBe(46);
  });
});

describe('single-page navigation', () => {
  test('the panel follows the new address and never mixes the two pages’ comments; Back brings the first page and its tags', async ({ page }) => {
    const errors = consoleErrors(page);
    await openWithPanel(page, fixture('spa').url);
    expect(await count(page)).toBe(46);
    await press(page, 'j', '1');
    const first = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, first)).toBe('on-topic');
    const firstKeys = new Set(await page.locator('.ca-row[data-comment-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-key'))));

    await page.locator('#spa-next').click();
    expect(page.url()).toContain('/single-page-sony-statement/');
    await expect.poll(() => count(page), { timeout: 5_000 }).toBe(9);
    await openPanel(page);
    const secondKeys = await page.locator('.ca-row[data-comment-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-comment-key')));
    expect(secondKeys.filter((key) => firstKeys.has(key))).toEqual([]);
    await press(page, 'j', '2');
    const second = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, second)).toBe('off-topic');

    await page.goBack();
    await expect.poll(() => count(page), { timeout: 5_000 }).toBe(46);
    await openPanel(page);
    await expect.poll(() => rowTags(page, first)).toBe('on-topic');
    expect(await page.locator(`.ca-row[data-comment-key="${second}"]`).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the extension updated or reloaded under an open page', () => {
  test('the old script stops cleanly and says so; after a reload of the page every tag is there', async ({ page, context }) => {
    const errors = consoleErrors(page);
    await openWithPanel(page, fixture('000-phandroid').url);
    await press(page, 'j', '3');
    const key = (await selectedKey(page))!;
    await expect.poll(() => rowTags(page, key)).toBe('question');

    await reloadExtension(context);
    const notice = page.locator('comment-annotator-notice [role="alert"]');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('Comment Annotator was updated — reload the page');
    expect(await panel(page).count()).toBe(0);
    await press(page, 'j', '1'); // keys after the update reach nothing and break nothing
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);

    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('question');
  });
});
