import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { exportFromPopup, openWithPanel, readStores, test } from './fixture';
import { measures, press, rowTags, selectedKey } from './harness';
import { TIMINGS } from '../../lib/timings';

// "No coding lost, none leaked": every press stored exactly once while the service worker is
// stopped under it, and the review page and two tabs editing one annotation lose nothing.

interface StoredAnnotation { id: string; commentKey: string; annotator: string; tagIds: string[]; note: string }

/** Every annotation and the codebook, read from the extension's own IndexedDB by an extension page. */
async function readDatabase(extensionPage: Page): Promise<{ annotations: (StoredAnnotation & { pageUrl: string })[]; tagOfKey: Map<string, string> }> {
  const { codings, tags } = await readStores(extensionPage, 'codings', 'tags');
  return {
    annotations: codings.flatMap((row) => row.annotations.map((a: any) => ({ ...a, pageUrl: row.url }))),
    tagOfKey: new Map(tags.filter((t) => t.hotkey).map((t) => [t.hotkey as string, t.id as string])),
  };
}

/** A pause of `ms`: the stopper's random gaps and the random offsets of the racing edits, not a wait for anything. */
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the service worker stopping under the presses', () => {
  test('stores every press on 100 comments exactly once while CDP stops the worker every 5–120 ms', async ({ page, context, extension }) => {
    await openWithPanel(page, fixture('002-xperiablog').url);
    // The browser target has no ServiceWorker domain ("wasn't found"); an extension page's
    // session reaches the extension's storage partition, where its worker runs.
    const stopperPage = await extension.open('popup.html');
    const cdp = await context.newCDPSession(stopperPage);
    const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
    await send('ServiceWorker.enable');
    // Counts the extension worker's starts, as CDP reports them.
    let restarts = 0;
    const running = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated' as any, ({ versions }: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(extension.url(''))) continue;
        if (v.runningStatus === 'running' && running.get(v.versionId) !== 'running') restarts++;
        running.set(v.versionId, v.runningStatus);
      }
    });

    // The stopper: random 5–120 ms gaps, bounded in count and in time, ended by the test.
    let tagging = true;
    const stoppedAt: number[] = [];
    const stopper = (async () => {
      const end = Date.now() + 120_000;
      while (tagging && stoppedAt.length < 5_000 && Date.now() < end) {
        await delay(5 + Math.random() * 115);
        await send('ServiceWorker.stopAllWorkers');
        stoppedAt.push(Date.now());
      }
    })();

    // Comment i gets the tag with key (i mod 8) + 1; every tenth also gets the next tag put on
    // and taken off again at once (a resent toggle would have left it on); j moves on. The next
    // comment waits for the stopper's next stop, so the presses are spread over the stops.
    const pressed = new Map<string, string>();
    let presses = 0;
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const key = (await selectedKey(page))!;
      const hotkey = String((i % 8) + 1);
      const twice = i % 10 === 0 ? [String(((i + 1) % 8) + 1), String(((i + 1) % 8) + 1)] : [];
      const stops = stoppedAt.length;
      await press(page, hotkey, ...twice, 'j');
      presses += 1 + twice.length;
      pressed.set(key, hotkey);
      await expect.poll(() => stoppedAt.length, { interval: 5 }).toBeGreaterThan(stops);
    }
    const pressMs = Date.now() - started;
    tagging = false;
    await stopper;
    expect(pressed.size).toBe(100);

    // Every press confirmed by the panel (it counts only answers that say "stored"), no error shown.
    await expect.poll(async () => (await measures(page, TIMINGS.saved)).length, { timeout: 60_000 }).toBe(presses);
    expect(await page.locator('.ca-status-error').count()).toBe(0);

    const review = await extension.open('popup.html');
    const { annotations, tagOfKey } = await readDatabase(review);
    const stored = new Map(annotations.map((a) => [a.commentKey, a.tagIds]));
    expect(annotations.length).toBe(100);
    expect(stored).toEqual(new Map([...pressed].map(([key, hotkey]) => [key, [tagOfKey.get(hotkey)!]])));

    const gaps = stoppedAt.slice(1).map((t, i) => t - stoppedAt[i]).sort((a, b) => a - b);
    console.log(`${stoppedAt.length} stops in ${pressMs} ms of pressing, gaps median ${gaps[gaps.length >> 1]} ms, p95 ${gaps[Math.floor(gaps.length * 0.95)]} ms; ${restarts} worker starts`);
    // The worker really was stopped all along (each stop of a running worker means a new start).
    expect(stoppedAt.length).toBeGreaterThan(pressMs / 150);
    expect(restarts).toBeGreaterThan(20);
    await cdp.detach();
  });
});

describe('two tabs and the review page editing the same annotations', () => {
  test('loses no change in 12 three-way races, and undo on the review page never makes a second annotation', async ({ context, extension }) => {
    const url = fixture('000-phandroid').url;
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const tab of [a, b]) await openWithPanel(tab, url);
    // Twelve comments tagged on-topic in tab A (so the review page lists them); B follows with j.
    const keys: string[] = [];
    for (let i = 0; i < 12; i++) {
      keys.push((await selectedKey(a))!);
      await press(a, '1', 'j');
    }
    await expect.poll(() => rowTags(a, keys[11])).toBe('on-topic');
    const review = await extension.open('review.html');
    const pageOption = review.locator('select[aria-label="Page"] option');
    await expect.poll(() => pageOption.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v.includes('phandroid')))).toBeTruthy();
    const pageUrl = await pageOption.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v.includes('phandroid')));
    await review.locator('select[aria-label="Page"]').selectOption(pageUrl!);
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-rows')).toBe('12');

    // For each comment: A presses 2 (off-topic), B presses 3 (question), the review page clicks
    // the spam chip, all within 0–30 ms of each other.
    await press(a, ...keys.map(() => 'k'));
    for (let i = 0; i < 12; i++) {
      if (i > 0) await Promise.all([press(a, 'j'), press(b, 'j')]);
      expect(await selectedKey(a)).toBe(keys[i]);
      expect(await selectedKey(b)).toBe(keys[i]);
      const chip = review.locator(`.tr[data-comment-key="${keys[i]}"] button.chip`, { hasText: 'spam' });
      await chip.scrollIntoViewIfNeeded();
      const box = (await chip.boundingBox())!;
      await Promise.all([
        a.keyboard.press('2'),
        delay(Math.random() * 30).then(() => b.keyboard.press('3')),
        delay(Math.random() * 30).then(() => review.mouse.click(box.x + box.width / 2, box.y + box.height / 2)),
      ]);
    }
    const expected = ['tag_on-topic', 'tag_off-topic', 'tag_question', 'tag_spam'];
    const tagsOf = async () => {
      const { annotations } = await readDatabase(review);
      return keys.map((key) => annotations.filter((x) => x.commentKey === key).map((x) => x.tagIds));
    };
    await expect.poll(tagsOf, { timeout: 10_000 }).toEqual(keys.map(() => [expected]));
    // Both panels show what is stored.
    for (const tab of [a, b]) {
      for (const key of keys.slice(-4)) await expect.poll(() => rowTags(tab, key)).toBe('on-topic,off-topic,question,spam');
    }

    // Remove an annotation on the review page, tag the comment again in tab A, then Undo.
    const last = keys[11];
    await review.locator(`.tr[data-comment-key="${last}"] button[aria-label="Remove annotation"]`).click();
    await expect.poll(() => rowTags(a, last)).toBe('');
    await press(a, '4');
    await expect.poll(() => rowTags(a, last)).toBe('argument');
    await review.locator('[data-testid="undo-remove"]').click();
    await expect.poll(() => rowTags(a, last)).toBe('on-topic,off-topic,question,argument,spam');
    const { annotations } = await readDatabase(review);
    expect(annotations.filter((x) => x.commentKey === last).map((x) => x.tagIds)).toEqual([[...expected.slice(0, 3), 'tag_argument', 'tag_spam']]);
    await expect.poll(() => rowTags(b, last)).toBe('on-topic,off-topic,question,argument,spam');

    // The extension takes its own full export back.
    const exported = await exportFromPopup(extension);
    await review.locator('[data-testid="import-file"]').setInputFiles({ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(() => review.locator('[data-testid="preview-unchanged"]').count()).toBe(1);
    expect(await review.locator('[data-testid="preview-unchanged"]').textContent()).toBe(`${exported.annotations.length} unchanged`);
    expect(await review.locator('[data-testid="preview-new"]').textContent()).toBe('0 new');
  });
});
