import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { openWithPanel, test } from './fixture';
import { measures, openPanel, outlinedComment, panel, press, progress, rowTags, selectedKey } from './harness';
import { TIMINGS } from '../../lib/timings';

const XPERIA = fixture('002-xperiablog');
const LIVE = fixture('002-xperiablog-live-disqus');

/** Tags the first three comments by keyboard (1, then 3 + 4, then 5) and returns their keys. */
async function tagThree(page: Page): Promise<string[]> {
  const keys: string[] = [];
  await press(page, '1');
  keys.push((await selectedKey(page))!);
  await press(page, 'j', '3', '4');
  keys.push((await selectedKey(page))!);
  await press(page, 'j', '5');
  keys.push((await selectedKey(page))!);
  await expect.poll(() => rowTags(page, keys[2])).toBe('praise');
  return keys;
}

/** The number of changes the panel has had confirmed saved during this visit. */
const saveCount = async (page: Page) => (await measures(page, TIMINGS.saved)).length;

describe('tagging from the keyboard', () => {
  test('tags three comments on the Xperia Blog page, and after a reload the tags are back', async ({ page }) => {
    await openWithPanel(page, XPERIA.url);
    const keys = await tagThree(page);
    expect(await rowTags(page, keys[0])).toBe('on-topic');
    expect(await rowTags(page, keys[1])).toBe('question,argument');
    expect(await progress(page)).toContain('3 of 135 coded');

    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, keys[1])).toBe('question,argument');
    expect(await rowTags(page, keys[0])).toBe('on-topic');
    expect(await rowTags(page, keys[2])).toBe('praise');
    expect(await progress(page)).toContain('3 of 135 coded');
  });

  test('undo restores the previous state and redo brings the change back', async ({ page }) => {
    const key = await openWithPanel(page, fixture('003-caschy').url);
    await press(page, '2');
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');
    await press(page, '6');
    await expect.poll(() => rowTags(page, key)).toBe('off-topic,complaint');
    await press(page, 'Control+z');
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');
    await press(page, 'Control+z');
    await expect.poll(() => rowTags(page, key)).toBe('');
    await press(page, 'Control+Shift+z');
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');
    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('off-topic');
  });

  test('j/k move, u jumps to the next uncoded comment, and shortcuts never fire in the page’s inputs', async ({ page }) => {
    const first = await openWithPanel(page, fixture('000-phandroid').url);
    await press(page, '8');
    await expect.poll(() => rowTags(page, first)).toBe('spam');
    await press(page, 'k');
    expect(await selectedKey(page)).toBe(first);
    await press(page, 'u');
    const second = await selectedKey(page);
    expect(second).not.toBe(first);
    await page.locator('#comment').click(); // the page's own comment form
    await press(page, '1', 'j');
    expect(await page.locator('#comment').inputValue()).toBe('1j');
    expect(await rowTags(page, second!)).toBe('');
    expect(await selectedKey(page)).toBe(second);
  });

  test('? shows the shortcuts', async ({ page }) => {
    await openWithPanel(page, fixture('003-caschy').url);
    await press(page, '?');
    await expect.poll(() => page.locator('.ca-help').count()).toBe(1);
    expect(await page.locator('.ca-help').textContent()).toContain('next uncoded');
    await press(page, 'Escape');
    await expect.poll(() => page.locator('.ca-help').count()).toBe(0);
  });
});

describe('live updates and the Disqus iframe', () => {
  test('a second tab on the same page shows a change without reload', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(fixture('001-xperiablog').url);
    await b.goto(fixture('001-xperiablog').url);
    const key = await openPanel(a);
    await openPanel(b);
    await a.bringToFront();
    await press(a, '7');
    await expect.poll(() => rowTags(b, key)).toBe('incivility');
    await press(a, '7');
    await expect.poll(() => rowTags(b, key)).toBe('');
  });

  test('tags comments found inside the cross-origin Disqus iframe, shows chips there, and keeps them', async ({ page }) => {
    await openWithPanel(page, LIVE.url);
    await press(page, 'j');
    const key = (await selectedKey(page))!;
    expect(key).toMatch(/^disqus:\d+$/);
    await press(page, '4');
    await expect.poll(() => rowTags(page, key)).toBe('argument');
    const frame = page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    const postId = key.slice('disqus:'.length);
    await expect.poll(() => frame.locator(`#post-${postId} comment-annotator-chips`).count()).toBe(1);
    // The row click in the panel outlines the comment inside the iframe.
    await expect.poll(async () => (await outlinedComment(frame, 'li.post'))?.getAttribute('id')).toBe(`post-${postId}`);
    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('argument');
  });

  test('clicking a comment in the page selects its row', async ({ page }) => {
    await openWithPanel(page, fixture('000-phandroid').url);
    const third = await page.locator('.ca-row').nth(2).getAttribute('data-comment-key');
    await page.locator(`#comment-${third!.slice(3)} .comment-content p`).first().click();
    await expect.poll(() => selectedKey(page)).toBe(third);
  });
});

describe('what the page cannot do', () => {
  test('page CSS that hides or unsets everything does not break the panel', async ({ context }) => {
    for (const css of ['* { display: none !important; }', 'div { all: unset !important; } button { all: unset !important; }']) {
      const page = await context.newPage();
      await page.goto(fixture('003-caschy').url);
      // The panel is there before the hostile style arrives: it must survive styles added later.
      await page.locator('[data-testid="ca-toggle"]').waitFor();
      await page.addStyleTag({ content: css });
      await openPanel(page);
      expect(await page.locator('.ca-row').first().isVisible()).toBe(true);
      const box = await page.locator('.ca-sheet').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      await press(page, 'u');
      const key = (await selectedKey(page))!;
      await press(page, '3');
      await expect.poll(() => rowTags(page, key)).toBe('question');
      await press(page, 'Control+z');
      await expect.poll(() => rowTags(page, key)).toBe('');
      await page.close();
    }
  });

  test('a page script finds no annotations in its storage and cannot tag through messages or fake keys', async ({ page, extension }) => {
    await openWithPanel(page, fixture('003-caschy').url);
    await press(page, 'u');
    const key = (await selectedKey(page))!;
    await press(page, '5');
    await expect.poll(() => rowTags(page, key)).toBe('praise');
    await expect.poll(() => saveCount(page)).toBe(1);

    const seen = await page.evaluate(async (id) => {
      const storage = { local: localStorage.length, session: sessionStorage.length, databases: (await indexedDB.databases()).map((d) => d.name) };
      let runtime = 'no chrome.runtime in the page';
      const chromeApi = (globalThis as { chrome?: { runtime?: { sendMessage?: Function } } }).chrome;
      if (chromeApi?.runtime?.sendMessage) {
        try {
          await chromeApi.runtime.sendMessage(id, { type: 'restore-annotation' });
          runtime = 'answered';
        } catch (error) {
          runtime = `refused: ${(error as Error).message}`;
        }
      }
      window.postMessage({ type: 'toggle-tag', tagId: 'x' }, '*');
      // Messages from one window arrive in order: once this one is back, every listener has had the forged one.
      await new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if (event.data !== 'forged message delivered') return;
          window.removeEventListener('message', onMessage);
          resolve();
        };
        window.addEventListener('message', onMessage);
        window.postMessage('forged message delivered', '*');
      });
      // Listeners run during dispatchEvent: whatever these keys did is done when it returns.
      for (const k of ['j', '1', 'Control+z']) document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
      return { storage, runtime };
    }, extension.id);

    expect(seen.storage).toEqual({ local: 0, session: 0, databases: [] });
    expect(seen.runtime).not.toBe('answered');
    expect(await selectedKey(page)).toBe(key);
    // A change the forgeries started would have gone to the background before these two real
    // presses (spam on, spam off): their two saves, and no other, are the sign nothing else was sent.
    await press(page, '8', '8');
    await expect.poll(() => saveCount(page)).toBeGreaterThanOrEqual(3);
    expect(await saveCount(page)).toBe(3);
    expect(await selectedKey(page)).toBe(key);
    expect(await rowTags(page, key)).toBe('praise');
  });
});

describe('a browser restart', () => {
  test('closing and relaunching the profile keeps everything', async ({ launchBrowser }) => {
    const first = await launchBrowser();
    const page = await first.context.newPage();
    await openWithPanel(page, fixture('000-phandroid').url);
    const keys = await tagThree(page);
    await first.context.close();

    const again = await launchBrowser(first.profileDir);
    const reopened = await again.context.newPage();
    await openWithPanel(reopened, fixture('000-phandroid').url);
    await expect.poll(() => rowTags(reopened, keys[1])).toBe('question,argument');
    expect(await rowTags(reopened, keys[0])).toBe('on-topic');
    expect(await panel(reopened).getAttribute('data-comment-count')).toBe('46');
  });
});
