/**
 * The headless demo's steps: a reader's session with the extension, driven through its own UI
 * only (options page, the panel's keys, the popup, the review page's import), each step saved
 * as a screenshot. scripts/demo.ts runs them.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { TIMINGS } from '../lib/timings';
import { extensionId, measures, nthMeasure, outlinedComment } from '../tests/e2e/harness';

/** The reader's annotator name, set on the options page. */
export const READER = 'alex';
/** The colleague whose export the reader imports, so the review page has two annotators. */
export const COLLEAGUE = 'sam';

/** The extension's own address (chrome-extension://ID), read from its service worker. */
export async function extensionBase(context: BrowserContext): Promise<string> {
  return `chrome-extension://${await extensionId(context)}`;
}

/** Types the reader's name into the options page, as a reader does (it is saved on leaving the field). */
export async function setAnnotatorName(context: BrowserContext, base: string, name: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`${base}/options.html`);
  const field = options.locator('[data-testid="annotator-name"]');
  await field.fill(name);
  await field.press('Tab');
  await options.close();
}

/**
 * Opens the panel from its tab and presses `keys`, waiting for each to take effect: a number
 * key until the panel saved it, j / k until another row is selected. Then waits until every
 * tagged comment carries its chips in the page (in the Disqus iframe too). Resolves with the
 * number of comments tagged.
 */
export async function tagByKeyboard(page: Page, keys: string[], annotator: string): Promise<number> {
  await page.bringToFront();
  await page.locator('[data-testid="ca-toggle"]').click();
  await page.locator('.ca-row[aria-selected="true"]').waitFor();
  const progress = page.locator('[data-testid="ca-progress"]');
  await progress.filter({ hasText: `as ${annotator}` }).waitFor();
  let saves = (await measures(page, TIMINGS.saved)).length;
  for (const key of keys) {
    const before = await page.locator('.ca-row[aria-selected="true"]').getAttribute('data-comment-key');
    await page.keyboard.press(key);
    if (/^\d$/.test(key)) await nthMeasure(page, TIMINGS.saved, ++saves);
    else await page.locator(`.ca-row[aria-selected="true"]:not([data-comment-key="${before}"])`).waitFor();
  }
  const tagged = Number(/^(\d+) of/.exec((await progress.textContent()) ?? '')?.[1]);
  await waitFor(async () => (await chipHosts(page)) === tagged, `chips on ${tagged} comments of ${page.url()}`);
  // The page follows the selection once the keys pause: the screenshot shows the selected comment outlined.
  const selected = ((await page.locator('.ca-detail .ca-fulltext').textContent()) ?? '').replace(/\s+/g, ' ').slice(0, 40);
  const outlinesSelected = async (frame: Frame) => (await (await outlinedComment(frame))?.evaluate((el, text) => el.textContent?.replace(/\s+/g, ' ').includes(text), selected));
  await waitFor(async () => (await Promise.all(page.frames().map((frame) => outlinesSelected(frame).catch(() => false)))).some(Boolean), `the selected comment outlined on ${page.url()}`);
  return tagged;
}

/** The chip rows the extension put next to tagged comments, in the page and its frames. */
async function chipHosts(page: Page): Promise<number> {
  const counts = await Promise.all(page.frames().map((frame) => frame.locator('comment-annotator-chips').count().catch(() => 0)));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Polls `done` every 50 ms for up to 10 s; throws naming `what` if it never holds. */
async function waitFor(done: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Opens the toolbar popup's page at popup size, waits for its totals and saves it. */
export async function shootPopup(context: BrowserContext, base: string, annotations: number, path: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 368, height: 640 });
  await popup.goto(`${base}/popup.html`);
  await popup.locator(`[data-testid="total-annotations"]`, { hasText: new RegExp(`^${annotations}$`) }).waitFor();
  await popup.locator('main.popup').screenshot({ path });
  return popup;
}

/** Clicks the popup's "Export JSON" and returns the file it downloads. */
export async function exportFromPopup(popup: Page): Promise<ExportFile> {
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-testid="ca-export-json"]').click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as ExportFile;
}

/** The parts of a native export (docs/export-format.md) the colleague's file changes. */
interface ExportFile {
  codebook: { id: string; order: number }[];
  annotations: { id: string; annotator: string; tagIds: string[]; note: string }[];
}

/**
 * The colleague's export of the same comments: the reader's file under another annotator, who
 * coded some comments differently (every third one with the next tag of the codebook, every
 * fifth also as praise) and left a note on one, so agreement is neither perfect nor absent.
 */
export function colleagueFile(mine: ExportFile, annotator: string): ExportFile {
  const ids = [...mine.codebook].sort((a, b) => a.order - b.order).map((t) => t.id);
  const inOrder = (tags: Set<string>) => ids.filter((id) => tags.has(id));
  return {
    ...mine,
    annotations: mine.annotations.map((a, i) => {
      const tags = new Set(a.tagIds);
      if (i % 3 === 1) {
        tags.delete(a.tagIds[0]);
        tags.add(ids[(ids.indexOf(a.tagIds[0]) + 1) % ids.length]);
      }
      if (i % 5 === 2) tags.add('tag_praise');
      return { ...a, id: `${a.id}_${annotator}`, annotator, tagIds: inOrder(tags), note: i === 0 ? 'ironic?' : a.note };
    }),
  };
}

/**
 * Imports `file` on the review page as a reader does: chooses it (saving the preview to
 * `previewPath`), confirms, and waits until the table holds `total` annotations and the
 * agreement table is computed. Saves the whole page to `path`.
 */
export async function shootReview(context: BrowserContext, base: string, file: ExportFile, total: number, previewPath: string, path: string): Promise<void> {
  const review = await context.newPage();
  await review.setViewportSize({ width: 1366, height: 900 });
  await review.goto(`${base}/review.html`);
  await review.locator('[data-testid="review"]').waitFor();
  await review.locator('[data-testid="import-file"]').setInputFiles({ name: `${COLLEAGUE}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await review.locator('[data-testid="import-preview"]').waitFor();
  await review.screenshot({ path: previewPath, fullPage: true });
  await review.locator('[data-testid="confirm-import"]').click();
  await review.locator(`[data-testid="review"][data-total="${total}"]`).waitFor();
  await review.locator('[data-testid="agreement"][data-state="ready"] table tbody tr').first().waitFor();
  await review.screenshot({ path, fullPage: true });
}
