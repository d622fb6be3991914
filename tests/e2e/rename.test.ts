import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { exportFromPopup, openWithPanel, test, type ExtensionBrowser } from './fixture';
import { press, rowTags } from './harness';

// Renaming the annotator on the options page while a panel is open: the panel must follow the
// new name (it used to keep the old one, drop other tabs' news filtered by it, and start a second
// annotation under the new name with its next press). The steps build on each other, one test
// each, so a failure says which of the three promises broke: the article's tab is kept open
// over them.

let article: Page;
let key: string;
const ARTICLE = fixture('000-phandroid');

/** The name the panel says it annotates as ("· as NAME"). */
const panelName = async (page: Page) => ((await page.locator('.ca-annotator').textContent({ timeout: 5_000 })) ?? '').replace(/^\s*·\s*as\s*/, '');

/** Every annotation of the export the popup's button downloads. */
async function exported(extension: ExtensionBrowser): Promise<{ id: string; commentKey: string; annotator: string; tagIds: string[] }[]> {
  return (await exportFromPopup(extension)).annotations;
}

describe('renaming the annotator while a panel is open', () => {
  let oldName: string;
  let firstId: string;

  test('tags a comment, renames on the options page, and the open panel shows the new name', async ({ page, extension }) => {
    article = extension.keep(page);
    key = await openWithPanel(article, ARTICLE.url);
    await press(article, '1');
    await expect.poll(() => rowTags(article, key)).toBe('on-topic');
    oldName = await panelName(article);
    expect(oldName).toMatch(/^annotator-/);
    const before = await exported(extension);
    expect(before.map((a) => [a.commentKey, a.annotator])).toEqual([[key, oldName]]);
    firstId = before[0].id;

    const options = await extension.open('options.html');
    const name = options.locator('[data-testid="annotator-name"]');
    await expect.poll(() => name.inputValue()).toBe(oldName);
    await name.fill('Alice');
    await name.press('Tab');
    // The options page stays open until the panel shows the name: its write is announced once
    // committed, and a page closed in between takes the announcement with it.
    await expect.poll(() => panelName(article)).toBe('Alice');
    await options.close();
    await article.bringToFront();
    // Its annotations are still shown: they are Alice's now.
    expect(await rowTags(article, key)).toBe('on-topic');
  });

  test('a tag pressed in that panel lands on the same annotation, under the new name (no second one)', async ({ extension }) => {
    await press(article, '3');
    await expect.poll(() => rowTags(article, key)).toBe('on-topic,question');
    await expect.poll(() => exported(extension)).toEqual([expect.objectContaining({ id: firstId, commentKey: key, annotator: 'Alice', tagIds: ['tag_on-topic', 'tag_question'] })]);
  });

  test('edits of that comment under the new name, from the review page and from another tab, reach the open panel', async ({ page: other, extension }) => {
    const review = await extension.open('review.html');
    const row = review.locator(`.tr[data-comment-key="${key}"]`);
    await expect.poll(() => row.locator('span').nth(6).textContent()).toBe('Alice');
    await row.locator('button.chip', { hasText: 'spam' }).click();
    await expect.poll(() => rowTags(article, key)).toBe('on-topic,question,spam');
    await review.close();

    expect(await openWithPanel(other, ARTICLE.url)).toBe(key);
    expect(await panelName(other)).toBe('Alice');
    await press(other, '4');
    await expect.poll(() => rowTags(other, key)).toBe('on-topic,question,argument,spam');
    await expect.poll(() => rowTags(article, key)).toBe('on-topic,question,argument,spam');
    await other.close();

    expect((await exported(extension)).map((a) => [a.id, a.annotator])).toEqual([[firstId, 'Alice']]);
    await article.close();
  });
});
