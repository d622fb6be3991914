import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { OUTLINE_MARK } from '../../page/comment-outline';
import { openWithPanel, test } from './fixture';
import { openPanel, outlinedComment, panel, press, selectedKey } from './harness';

// The reader's side and width are kept once per browser, and this file's tests share one
// browser: they run in order (the default width, then narrowed, moved to the left, back to the
// right, then dragged wider).

const CASCHY = fixture('003-caschy').url;
const separator = (page: Page) => page.locator('[role="separator"]');
const sheetBox = (page: Page) => page.locator('.ca-sheet').boundingBox();
const sideButton = (page: Page) => page.locator('button[data-testid="ca-side"]');

/**
 * The boxes of the count tab, of every comment text on the page and of the selected comment's
 * outline (the box its edges cover together), in viewport pixels.
 */
async function boxesOnScreen(page: Page) {
  const tab = (await page.locator('[data-testid="ca-toggle"]').boundingBox())!;
  const { texts, outline } = await page.evaluate((mark) => {
    const box = (r: DOMRect) => ({ x: r.left, y: r.top, width: r.width, height: r.height });
    const edges = [...document.querySelector(mark)?.children ?? []].slice(1).map((edge) => edge.getBoundingClientRect());
    const [left, top] = [Math.min(...edges.map((e) => e.left)), Math.min(...edges.map((e) => e.top))];
    return {
      texts: [...document.querySelectorAll('.comment-body > p')].map((p) => box(p.getBoundingClientRect())),
      outline: edges.length ? { x: left, y: top, width: Math.max(...edges.map((e) => e.right)) - left, height: Math.max(...edges.map((e) => e.bottom)) - top } : null,
    };
  }, OUTLINE_MARK);
  return { tab, texts, outline };
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the panel’s place on the page', () => {
  test('narrowed from the keyboard on its edge, it keeps that width after a reload; the page keeps out from under it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openWithPanel(page, CASCHY);
    const edge = separator(page);
    await expect.poll(() => edge.getAttribute('aria-valuenow')).toBe('440');
    expect(await edge.getAttribute('aria-valuemin')).toBe('280');
    expect(await edge.getAttribute('aria-valuemax')).toBe(String(Math.floor(1280 * 0.6)));
    await edge.focus();
    // On the right, → moves the edge right: the panel narrows, 16 px a press.
    await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight');
    await expect.poll(() => edge.getAttribute('aria-valuenow')).toBe('392');
    expect((await sheetBox(page))!.width).toBe(392);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).marginRight)).toBe('392px');

    await page.reload();
    await openPanel(page);
    await expect.poll(async () => (await sheetBox(page))?.width).toBe(392);
    expect(await separator(page).getAttribute('aria-valuenow')).toBe('392');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).marginRight)).toBe('392px');
  });

  test('moved to the left from its header, it stays on the left after a reload', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openWithPanel(page, CASCHY);
    expect(await panel(page).getAttribute('data-side')).toBe('right');
    const move = sideButton(page);
    expect(await move.getAttribute('aria-label')).toBe('Move the panel to the left');
    await move.click();
    await expect.poll(async () => (await sheetBox(page))?.x).toBe(0);
    expect(await panel(page).getAttribute('data-side')).toBe('left');
    expect(await move.getAttribute('aria-label')).toBe('Move the panel to the right');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).marginLeft)).toBe('392px');

    await page.reload();
    await openPanel(page);
    await expect.poll(() => panel(page).getAttribute('data-side')).toBe('left');
    expect(await sheetBox(page)).toMatchObject({ x: 0, width: 392 });
  });

  test('with the panel open at 1280 px, on either side, its count tab covers no comment text and not the selected comment’s outline', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openWithPanel(page, CASCHY);
    for (const side of ['left', 'right']) {
      if ((await panel(page).getAttribute('data-side')) !== side) await sideButton(page).click();
      await expect.poll(() => panel(page).getAttribute('data-side')).toBe(side);
      await page.locator('.ca-scroller').focus();
      // Through the thread: the page scrolls each selected comment to the middle of the window.
      for (let step = 0; step < 4; step++) {
        await press(page, 'j');
        // The page outlines the selection once the reader pauses: wait for it to follow.
        const id = (await selectedKey(page))!.slice('wp:'.length);
        await expect.poll(async () => (await outlinedComment(page, '[id^="comment-"]'))?.getAttribute('id')).toBe(`comment-${id}`);
        const { tab, texts, outline } = await boxesOnScreen(page);
        expect(texts.length).toBeGreaterThanOrEqual(9);
        expect(texts.filter((text) => overlaps(tab, text))).toEqual([]);
        expect(overlaps(tab, outline!)).toBe(false);
      }
    }
  });

  test('closed, its sheet rendered ahead shows nothing, takes no pointer and moves nothing; opening shows it in the same place', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(CASCHY);
    await expect.poll(() => panel(page).getAttribute('data-loaded')).toBe('true');
    // Rendered in the page's first idle moment after the codings loaded.
    await page.locator('.ca-sheet').waitFor({ state: 'attached' });
    expect(await panel(page).getAttribute('data-state')).toBe('closed');
    expect(await page.locator('.ca-sheet').isVisible()).toBe(false);
    const tab = (await page.locator('[data-testid="ca-toggle"]').boundingBox())!;
    expect(tab.x + tab.width).toBe(1280);
    expect(await page.evaluate(() => document.body.style.marginRight)).toBe('');
    // What the pointer reaches in the middle of where the sheet lies: the page, not the panel's host.
    const hit = () => page.evaluate(() => {
      const sheet = document.querySelector('comment-annotator-panel')!.shadowRoot!.querySelector('.ca-sheet')!.getBoundingClientRect();
      return document.elementFromPoint(sheet.left + sheet.width / 2, sheet.top + sheet.height / 2)!.localName;
    });
    expect(await hit()).not.toBe('comment-annotator-panel');

    await openPanel(page);
    expect(await page.locator('.ca-sheet').isVisible()).toBe(true);
    expect(await hit()).toBe('comment-annotator-panel');
    const opened = (await sheetBox(page))!;
    expect(opened.x + opened.width).toBe(1280);
  });

  test('dragged by its edge, it follows the pointer; the page moves aside once, where the drag stops', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openWithPanel(page, CASCHY);
    expect(await panel(page).getAttribute('data-side')).toBe('right');
    const edge = (await separator(page).boundingBox())!;
    const outer = (await sheetBox(page))!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 300);
    await page.mouse.down();
    await page.mouse.move(outer.x + outer.width - 480, edge.y + 300, { steps: 4 });
    await expect.poll(async () => (await sheetBox(page))?.width).toBe(480);
    expect(await page.evaluate(() => getComputedStyle(document.body).marginRight)).toBe('392px');
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).marginRight)).toBe('480px');
    expect(await separator(page).getAttribute('aria-valuenow')).toBe('480');
  });
});
