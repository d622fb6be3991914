import type { Frame, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture, loadFixtures } from '../../seeds/fixtures';
import { openWithPanel, test } from './fixture';
import { openPanel, panel, press, rowTags, selectedKey } from './harness';

// Issue 13 point 4: a tag key pressed while the reader has text of a comment selected codes
// that passage (a segment): listed in the panel with its quote, highlighted in the page with
// the CSS Custom Highlight API, and both again after a reload.

const CASCHY = fixture('003-caschy');
const LIVE = fixture('002-xperiablog-live-disqus');
test.override('served', loadFixtures().filter((f) => f.name === CASCHY.name || f.name === LIVE.name));

/**
 * Selects characters `from` to `to` of the first paragraph of the comment `selector` names in
 * `where` (the page or a frame), as a reader's drag would; returns the selected text.
 */
function selectInComment(where: Page | Frame, selector: string, from: number, to: number): Promise<string> {
  return where.evaluate(({ selector, from, to }) => {
    const text = document.querySelector(`${selector} p`)!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return range.toString();
  }, { selector, from, to });
}

/** The text of every range of every highlight registered in `where`'s document. */
function highlighted(where: Page | Frame): Promise<string[]> {
  return where.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())));
}

const segments = (page: Page) => panel(page).locator('[data-testid="ca-segment"]');
const quotes = (page: Page) => segments(page).locator('.ca-quote').allTextContents();
const isCollapsed = (where: Page | Frame) => where.evaluate(() => getSelection()!.isCollapsed);

describe('coding a passage of a comment', () => {
  test('Caschys Blog: a passage selected in the page and coded with 1 is listed with its quote, highlighted, undone and redone, and back after a reload', async ({ page }) => {
    await openWithPanel(page, CASCHY.url);
    const key = await panel(page).locator('.ca-row').nth(2).getAttribute('data-comment-key');
    const selector = `#comment-${key!.slice('wp:'.length)}`;
    const quote = (await selectInComment(page, selector, 4, 40)).trim();
    expect(quote.length).toBeGreaterThan(20);
    await press(page, '1');

    await expect.poll(() => quotes(page)).toEqual([quote]);
    // The passage's comment is selected, coded in the passage only, and the page's selection is cleared.
    expect(await selectedKey(page)).toBe(key);
    expect(await rowTags(page, key!)).toBe('');
    expect(await segments(page).getAttribute('data-found')).toBe('true');
    expect(await segments(page).locator('.ca-chip').textContent()).toBe('on-topic');
    await expect.poll(() => panel(page).locator(`.ca-row[data-comment-key="${key}"] [data-testid="ca-segment-count"]`).textContent()).toContain('1');
    expect(await isCollapsed(page)).toBe(true);
    await expect.poll(() => highlighted(page)).toEqual([quote]);

    await press(page, 'Control+z');
    await expect.poll(() => segments(page).count()).toBe(0);
    await expect.poll(() => highlighted(page)).toEqual([]);
    await press(page, 'Control+Shift+z');
    await expect.poll(() => quotes(page)).toEqual([quote]);
    await expect.poll(() => highlighted(page)).toEqual([quote]);

    await page.reload();
    await openPanel(page);
    await panel(page).locator(`.ca-row[data-comment-key="${key}"]`).click();
    await expect.poll(() => quotes(page)).toEqual([quote]);
    expect(await segments(page).getAttribute('data-found')).toBe('true');
    await expect.poll(() => highlighted(page)).toEqual([quote]);

    // Removed with its button: gone from the list and the page.
    await segments(page).locator('.ca-segment-remove').click();
    await expect.poll(() => segments(page).count()).toBe(0);
    await expect.poll(() => highlighted(page)).toEqual([]);
  });

  test('a passage whose comment’s text changed before the next visit is listed as not found, not highlighted, and can be removed', async ({ page }) => {
    await openWithPanel(page, CASCHY.url);
    const key = await panel(page).locator('.ca-row').nth(1).getAttribute('data-comment-key');
    const id = key!.slice('wp:'.length);
    const quote = (await selectInComment(page, `#comment-${id}`, 0, 12)).trim();
    await press(page, '1');
    await expect.poll(() => highlighted(page)).toEqual([quote]);
    expect(await segments(page).getAttribute('data-found')).toBe('true');

    // The site edited the comment meanwhile: the next visit finds other text under the same key.
    const edited = CASCHY.html().replace(new RegExp(`(id="div-comment-${id}"[\\s\\S]*?<p>)[\\s\\S]*?(</p>)`), '$1Edited by a moderator.$2');
    expect(edited).toContain('Edited by a moderator.');
    await page.route(CASCHY.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: edited }));
    await page.reload();
    await openPanel(page);
    await panel(page).locator(`.ca-row[data-comment-key="${key}"]`).click();
    await expect.poll(() => quotes(page)).toEqual([quote]);
    expect(await segments(page).getAttribute('data-found')).toBe('false');
    expect(await segments(page).locator('.ca-not-found').textContent()).toBe('not found');
    // Nothing to show on the page; the panel, which drew the list, has drawn the page's highlights too.
    expect(await highlighted(page)).toEqual([]);
    await segments(page).locator('.ca-segment-remove').focus();
    await press(page, 'Enter');
    await expect.poll(() => segments(page).count()).toBe(0);
  });

  test('a passage selected in the panel’s detail pane is coded with its key, and a key without a selection still tags the whole comment', async ({ page }) => {
    const key = await openWithPanel(page, CASCHY.url);
    const text = panel(page).locator('.ca-fulltext');
    const box = (await text.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 4, 160), box.y + 8, { steps: 5 });
    await page.mouse.up();
    const selected = await text.evaluate((el) => ((el.getRootNode() as ShadowRoot & { getSelection(): Selection }).getSelection().toString()));
    expect(selected.trim().length).toBeGreaterThan(5);
    await press(page, '2');
    await expect.poll(() => quotes(page)).toEqual([selected.trim()]);
    expect(await rowTags(page, key)).toBe('');
    await expect.poll(() => highlighted(page)).toContain(selected.trim());

    await press(page, '3');
    await expect.poll(() => rowTags(page, key)).not.toBe('');
    expect(await segments(page).count()).toBe(1);
  });

  test('Xperia Blog: a passage selected inside the Disqus frame is coded from there and highlighted in the frame; the review page’s row says so', async ({ page, extension }) => {
    await openWithPanel(page, LIVE.url);
    const frame = page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    await frame.locator('[id^="post-"]').first().waitFor();
    const postId = (await frame.locator('[id^="post-"]').nth(1).getAttribute('id'))!.slice('post-'.length);
    // A click in the frame gives it the keyboard (and selects the comment in the panel).
    await frame.locator(`#post-${postId} .post-message p`).first().click();
    await expect.poll(() => selectedKey(page)).toBe(`disqus:${postId}`);
    const quote = (await selectInComment(frame, `#post-${postId} .post-message`, 2, 30)).trim();
    await press(page, '1');
    await expect.poll(() => quotes(page)).toEqual([quote]);
    expect(await isCollapsed(frame)).toBe(true);
    await expect.poll(() => highlighted(frame)).toEqual([quote]);
    expect(await highlighted(page)).toEqual([]);

    // No whole-comment code: the row tells the passage, with its code and quote, so it does not read as not coded.
    const review = await extension.open('review.html');
    const passages = review.locator(`.tr[data-comment-key="disqus:${postId}"] [data-testid="review-passages"]`);
    await expect.poll(() => passages.textContent()).toBe('1 coded passage');
    expect(await passages.getAttribute('title')).toBe(`on-topic: “${quote}”`);
  });
});
