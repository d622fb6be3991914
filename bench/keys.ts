import type { Page } from 'playwright-core';
import { fixture } from '../seeds/fixtures';
import { launchWithExtension, openPanel, selectedKey, serveFixtures } from '../tests/e2e/harness';
import { stats } from './detection';
import { OUTLINE_BOX } from '../page/comment-outline';

/** Event Timing reports only events at least this long (the smallest threshold it allows). */
const THRESHOLD = 16;

/**
 * Installed in the page's main world before any script: every keydown's Event Timing entry
 * (keydown → the next frame painted, 8 ms granularity), and from each keydown's timestamp to the
 * first animation frame after it (the panel renders within the key's task, so that frame shows it).
 */
function recordKeyFrames(threshold: number) {
  const timed: { events: number[]; frames: number[] } = { events: [], frames: [] };
  (window as unknown as { caKeyFrames: typeof timed }).caKeyFrames = timed;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') timed.events.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: threshold } as PerformanceObserverInit);
  window.addEventListener('keydown', (event) => {
    requestAnimationFrame(() => timed.frames.push(performance.now() - event.timeStamp));
  }, true);
}

/**
 * Waits until the page's outline lies somewhere else in the document than the last time this was
 * called (the page followed the panel): its place in document coordinates, since the page
 * scrolls each comment to the same place in the window.
 */
const pageFollowed = (page: Page) => page.waitForFunction((part) => {
  const seen = window as unknown as { caOutlined?: string };
  const box = document.querySelector(part)?.getBoundingClientRect();
  const place = box && `${box.left + scrollX} ${box.top + scrollY} ${box.width} ${box.height}`;
  if (!place || place === seen.caOutlined) return false;
  seen.caOutlined = place;
  return true;
}, OUTLINE_BOX);

const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/**
 * Presses j `presses` times on `name`'s page with the panel open, and returns the keydown → frame times: Event Timing's (keys under THRESHOLD count as
 * THRESHOLD) and keydown → requestAnimationFrame. `fast`: two frames apart (a key held down);
 * `reader`: each press once the page scrolled to the comment and outlined it.
 */
export async function keyToFrame(name: string, presses: number, pace: 'fast' | 'reader') {
  const browser = await launchWithExtension();
  await serveFixtures(browser.context, [fixture(name)]);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(recordKeyFrames, THRESHOLD);
  await page.goto(fixture(name).url);
  await openPanel(page);
  await page.keyboard.press('j');
  const first = await selectedKey(page);
  await twoFrames(page);
  await page.evaluate(() => {
    const timed = (window as unknown as { caKeyFrames: { events: number[]; frames: number[] } }).caKeyFrames;
    timed.events.length = 0;
    timed.frames.length = 0;
  });
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('j');
    if (pace === 'reader') await pageFollowed(page);
    await twoFrames(page);
  }
  const last = await selectedKey(page);
  // Let the last entries arrive: Event Timing reports after the paint.
  await twoFrames(page);
  const timed = await page.evaluate(() => (window as unknown as { caKeyFrames: { events: number[]; frames: number[] } }).caKeyFrames);
  await browser.close();
  if (first === last) throw new Error(`j did not move the selection on ${name}`);
  const events = [...timed.events, ...Array<number>(Math.max(0, presses - timed.events.length)).fill(THRESHOLD)];
  return { event: stats(events), frame: stats(timed.frames), slow: timed.events.length };
}
