import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { axeViolations } from './axe';
import { test } from './fixture';
import { openFromToolbar, openPanel, panel, press, selectedKey, togglePanelFromBackground } from './harness';
import { contrastRatio } from '../../lib/colour-contrast';


const HOST = 'comment-annotator-panel';

/** #rrggbb of a computed rgb(…) colour. */
const hexOf = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;

/** The element focused inside the panel's shadow root, described as tag.class#id (null when focus is elsewhere). */
const focusedInPanel = (page: Page) => page.evaluate((host) => {
  const active = document.querySelector(host)?.shadowRoot?.activeElement;
  return active ? `${active.tagName.toLowerCase()}.${active.className}` : null;
}, HOST);

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  test('axe sees into the panel\'s open shadow root', async ({ page }) => {
    await page.goto(fixture('000-phandroid').url);
    await openPanel(page);
    // A known violation planted in the shadow root: if axe did not look there, it would pass.
    await page.evaluate((host) => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector(host)!.shadowRoot!.querySelector('.ca-sheet')!.append(img);
    }, HOST);
    expect((await axeViolations(page, HOST)).join('\n')).toContain('image-alt');
  });

  test('the open panel with coded comments has no violations, on a tag colour the reader chose too, with "no code applies" and the codebook pane', async ({ page, extension }) => {
    await page.goto(extension.url('options.html'));
    await page.locator('input[aria-label="Colour of praise"]').fill('#ffd33d');
    await page.goto(fixture('000-phandroid').url);
    await openPanel(page);
    await press(page, '1', '2', '5', 'j', '3', '8', 'j', '4', '6', '7');
    await expect.poll(() => page.locator('.ca-row.ca-coded').count()).toBe(3);
    expect(await axeViolations(page, HOST)).toEqual([]);
    // axe leaves text on some backgrounds "incomplete"; measure the chips' own colours too.
    const pairs = await page.locator('.ca-chip, .ca-tagbtn kbd, .ca-nonebtn kbd').evaluateAll((chips) => chips.map((chip) => [getComputedStyle(chip).color, getComputedStyle(chip).backgroundColor]));
    expect(pairs.map(([text, background]) => contrastRatio(hexOf(text), hexOf(background))).filter((ratio) => ratio < 4.5)).toEqual([]);

    // "No code applies" on a fourth comment (its badge, the pressed button), then the codebook pane open over the list.
    await press(page, 'j', 'x');
    await expect.poll(() => page.locator('.ca-row.ca-coded').count()).toBe(4);
    await expect.poll(() => page.locator('[data-testid="ca-none"]').getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page, HOST)).toEqual([]);
    await press(page, 'c');
    await page.locator('[data-testid="ca-codebook"]').waitFor();
    expect(await axeViolations(page, HOST)).toEqual([]);
  });

  test('the popup, the review page and the options page have no violations', async ({ context, extension }) => {
    const page = await context.newPage();
    for (const path of ['popup.html', 'review.html', 'options.html']) {
      await page.goto(extension.url(path));
      await page.locator('main, body > div').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  test('the focus ring has 3:1 contrast against the panel background', async ({ page }) => {
    await page.goto(fixture('000-phandroid').url);
    await openPanel(page);
    // From the keyboard, so that :focus-visible applies.
    await page.locator('.ca-tagbtn').first().focus();
    await page.keyboard.press('Tab');
    const ring = await page.locator('.ca-tagbtn').nth(1).evaluate((el) => `${el.matches(':focus-visible')} ${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineColor}`);
    expect(ring).toMatch(/^true solid rgb/);
    const hex = hexOf(ring.slice(ring.indexOf('rgb')));
    expect(contrastRatio(hex, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(hex, '#f6f8fa')).toBeGreaterThanOrEqual(3);
  });

  test('tag buttons say whether the selected comment has the tag (aria-pressed)', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    const pressed = () => page.locator('.ca-tagbtn').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed')));
    await expect.poll(pressed).toEqual(Array(8).fill('false'));
    await press(page, '2');
    await expect.poll(pressed).toEqual(['false', 'true', ...Array(6).fill('false')]);
    await press(page, 'j');
    await expect.poll(pressed).toEqual(Array(8).fill('false'));
  });

  test('moving with j / k is announced: the list points at the selected row and a live region says which', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    await press(page, 'j');
    const key = (await selectedKey(page))!;
    const rowId = await page.locator(`.ca-row[data-comment-key="${key}"]`).getAttribute('id');
    expect(await page.locator('[role="listbox"]').getAttribute('aria-activedescendant')).toBe(rowId);
    const author = await page.locator(`.ca-row[data-comment-key="${key}"] .ca-author`).textContent();
    await expect.poll(() => page.locator('[data-testid="ca-announce"][aria-live="polite"]').textContent()).toContain(`2 of 9, ${author}`);
  });

  test('opening the panel moves focus into it; closing returns focus where it was', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    await page.locator('[data-testid="ca-toggle"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(page)).toBe('div.ca-scroller');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('closed');
    await expect.poll(() => focusedInPanel(page)).toBe('button.ca-toggle');
  });

  test('opened before its thread arrived (giscus, from the toolbar), the panel moves the focus to the list once it shows', async ({ page, context }) => {
    await page.goto(fixture('giscus').url);
    await openFromToolbar(context, page);
    await page.locator('.ca-row[aria-selected="true"]').waitFor();
    await expect.poll(() => focusedInPanel(page)).toBe('div.ca-scroller');
  });

  test('Escape from the note or the search field gives the focus back to the list, not to the page', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    const key = await openPanel(page);
    await press(page, 'n');
    await expect.poll(() => focusedInPanel(page)).toBe('textarea.ca-note');
    await page.keyboard.type('left with Escape');
    await press(page, 'Escape');
    await expect.poll(() => focusedInPanel(page)).toBe('div.ca-scroller');
    // Leaving the note saved it.
    await expect.poll(() => page.locator(`.ca-row[data-comment-key="${key}"] .ca-has-note`).count()).toBe(1);
    await page.locator('input[type="search"]').focus();
    await press(page, 'Escape');
    await expect.poll(() => focusedInPanel(page)).toBe('div.ca-scroller');
  });

  test('closed, with its sheet rendered ahead, the panel has no violations and only its tab takes focus', async ({ page }) => {
    await page.goto(fixture('003-caschy').url);
    await page.locator('.ca-sheet').waitFor({ state: 'attached' });
    expect(await axeViolations(page, HOST)).toEqual([]);
    // Backwards from the document's start: the panel's host is the page's last element, and in it only the tab is focusable.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInPanel(page)).toBe('button.ca-toggle');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInPanel(page)).toBeNull();
  });
});

/** Sends the message the toolbar button and the keyboard command send to the active tab. */
async function togglePanel(page: Page): Promise<void> {
  await page.bringToFront();
  await togglePanelFromBackground(page.context());
}

describe('the panel on a page without comments', () => {
  test('says so, shows no toolbar that cannot act, and its keys say why they do nothing', async ({ page }) => {
    await page.goto(fixture('no-comments').url);
    await togglePanel(page);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('open');
    await expect.poll(() => page.locator('[data-testid="ca-empty"]').textContent()).toContain('This page has no comments');
    expect(await page.locator('.ca-tagbar, .ca-filters, progress, [data-testid="ca-progress"]').count()).toBe(0);
    await press(page, '1');
    await expect.poll(() => page.locator('.ca-status').textContent()).toBe('This page has no comments to tag.');
    await press(page, 'u');
    await expect.poll(() => page.locator('.ca-status').textContent()).toBe('This page has no comments to tag.');
  });
});

describe('rows', () => {
  test('show all their content inside the row box, with many long tags and a note', async ({ context, extension }) => {
    const options = await context.newPage();
    await options.goto(extension.url('options.html'));
    const long = ['needs-follow-up-with-the-moderation-team', 'quotes-the-article-at-length', 'reply-to-a-deleted-comment'];
    for (const name of long) {
      await options.locator('[data-testid="new-tag"]').fill(name);
      await options.locator('form:has([data-testid="new-tag"]) button[type="submit"]').click();
      await expect.poll(() => options.locator(`tr[data-tag="${name}"]`).count()).toBe(1);
    }
    await options.close();
    const page = await context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    // The third comment, which no other test here tags: every key below puts its tag on.
    await press(page, 'j', 'j');
    const key = (await selectedKey(page))!;
    await press(page, '1', '2', '3', '4', '5', '6', '7', '8');
    for (const name of long) await page.locator('.ca-tagbtn', { hasText: name }).click();
    await expect.poll(async () => (await page.locator(`.ca-row[data-comment-key="${key}"]`).getAttribute('data-tags'))?.split(',').length).toBe(11);
    await page.locator('.ca-scroller').focus();
    await press(page, 'n');
    await page.keyboard.type('see the thread below');
    await press(page, 'Control+Enter');
    await expect.poll(() => page.locator(`.ca-row[data-comment-key="${key}"] .ca-has-note`).count()).toBe(1);
    const outside = await page.locator('.ca-row').evaluateAll((rows) => rows.flatMap((row) => {
      const box = row.getBoundingClientRect();
      return [...row.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (!r.width && !r.height) return false; // not drawn (display: none)
        return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5;
      }).map((el) => `${row.getAttribute('data-comment-key')} ${el.tagName} ${el.className} ${el.textContent?.slice(0, 30)}`);
    }));
    expect(outside).toEqual([]);
    expect(await page.locator(`.ca-row[data-comment-key="${key}"] .ca-chip-more`).textContent()).toMatch(/^\+\d+$/);
  });
});
