import { describe, expect } from 'vitest';
import type { ElementHandle } from 'playwright-core';
import { fixture, loadFixtures } from '../../seeds/fixtures';
import { openWithPanel, test } from './fixture';
import { press, rowTags } from './harness';
import { chipBoxes, chipColourShare } from './page-chips';

const SEEDS = [fixture('003-caschy'), fixture('000-phandroid')];
test.override('served', loadFixtures().filter((f) => SEEDS.some((seed) => seed.name === f.name)));

/**
 * Where the page's boxes around `comment` are, in document coordinates (the panel may scroll the
 * page to its selection): its own, its first element's (not ours), its next sibling's (the next
 * comment), and the page's height.
 */
function placesAround(comment: ElementHandle<Element>) {
  return comment.evaluate((el) => {
    const top = (of: Element) => of.getBoundingClientRect().top + window.scrollY;
    const first = [...el.children].find((child) => child.localName !== 'comment-annotator-chips')!;
    return { comment: [top(el), el.getBoundingClientRect().height], first: top(first), next: top(el.nextElementSibling!), page: document.documentElement.scrollHeight };
  });
}

/** Scrolls `comment` near the top of the window, so its chips are on screen. */
function scrollToTop(comment: ElementHandle<Element>) {
  return comment.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
}

describe('chips in the page', () => {
  for (const seed of SEEDS) {
    test(`${seed.name}: tagging a comment moves nothing in the page, and its chips show inside the comment's box`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      const key = await openWithPanel(page, seed.url);
      // A WordPress comment: li#comment-N.
      const comment = (await page.$(`li#comment-${key.slice(key.indexOf(':') + 1)}`))!;
      const before = await placesAround(comment);
      await press(page, '1', '3');
      await expect.poll(() => rowTags(page, key)).not.toBe('');
      // The chips are laid out: the explicit signal that the page had its chance to move.
      await expect.poll(async () => (await chipBoxes(page)).length).toBe(2);
      expect(await placesAround(comment)).toEqual(before);

      await scrollToTop(comment);
      const box = (await comment.boundingBox())!;
      for (const chip of await chipBoxes(page)) {
        expect(chip.x).toBeGreaterThanOrEqual(box.x);
        expect(chip.x + chip.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
        expect(chip.y).toBeGreaterThanOrEqual(box.y - 0.5);
        expect(chip.y + chip.height).toBeLessThanOrEqual(box.y + box.height);
        // Nothing of the page covers it: its own colour fills it around its text.
        expect(await chipColourShare(page, chip)).toBeGreaterThan(0.4);
      }
    });
  }
});
