import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { launchWithExtension, openPanel, panel, press, progress, rowTags, selectedKey, serveFixtures } from './harness';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
const XPERIA = fixture('002-xperiablog');
const LIVE = fixture('002-xperiablog-live-disqus');

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveFixtures(browser.context);
});
afterAll(async () => browser?.close());

/** Tags the first three comments by keyboard (1, then 3 + 4, then 5) and returns their keys. */
async function tagThree(page: import('playwright-core').Page): Promise<string[]> {
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

describe('tagging from the keyboard', () => {
  it('tags three comments on the Xperia Blog page, and after a reload the tags are back', async () => {
    const page = await browser.context.newPage();
    await page.goto(XPERIA.url);
    await openPanel(page);
    const keys = await tagThree(page);
    expect(await rowTags(page, keys[0])).toBe('on-topic');
    expect(await rowTags(page, keys[1])).toBe('question,argument');
    expect(await progress(page)).toContain('3 of 135 tagged');

    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, keys[1])).toBe('question,argument');
    expect(await rowTags(page, keys[0])).toBe('on-topic');
    expect(await rowTags(page, keys[2])).toBe('praise');
    expect(await progress(page)).toContain('3 of 135 tagged');
    await page.close();
  });

  it('undo restores the previous state and redo brings the change back', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    const key = (await selectedKey(page))!;
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
    await page.close();
  });

  it('j/k move, u jumps to the next untagged comment, and shortcuts never fire in the page’s inputs', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('000-phandroid').url);
    await openPanel(page);
    const first = (await selectedKey(page))!;
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
    await page.close();
  });

  it('? shows the shortcuts', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    await press(page, '?');
    await expect.poll(() => page.locator('.ca-help').count()).toBe(1);
    expect(await page.locator('.ca-help').textContent()).toContain('next untagged');
    await press(page, 'Escape');
    await expect.poll(() => page.locator('.ca-help').count()).toBe(0);
    await page.close();
  });
});

describe('live updates and the Disqus iframe', () => {
  it('a second tab on the same page shows a change without reload', async () => {
    const a = await browser.context.newPage();
    const b = await browser.context.newPage();
    await a.goto(fixture('001-xperiablog').url);
    await b.goto(fixture('001-xperiablog').url);
    await openPanel(a);
    await openPanel(b);
    const key = (await selectedKey(a))!;
    await a.bringToFront();
    await press(a, '7');
    await expect.poll(() => rowTags(b, key)).toBe('incivility');
    await press(a, '7');
    await expect.poll(() => rowTags(b, key)).toBe('');
    await a.close();
    await b.close();
  });

  it('tags comments found inside the cross-origin Disqus iframe, shows chips there, and keeps them', async () => {
    const page = await browser.context.newPage();
    await page.goto(LIVE.url);
    await openPanel(page);
    await press(page, 'j');
    const key = (await selectedKey(page))!;
    expect(key).toMatch(/^disqus:\d+$/);
    await press(page, '4');
    await expect.poll(() => rowTags(page, key)).toBe('argument');
    const frame = page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    const postId = key.slice('disqus:'.length);
    await expect.poll(() => frame.locator(`#post-${postId} comment-annotator-chips`).count()).toBe(1);
    // The row click in the panel outlines the comment inside the iframe.
    await expect.poll(() => frame.locator(`#post-${postId}`).getAttribute('style')).toContain('outline');
    await page.reload();
    await openPanel(page);
    await expect.poll(() => rowTags(page, key)).toBe('argument');
    await page.close();
  });

  it('clicking a comment in the page selects its row', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('000-phandroid').url);
    await openPanel(page);
    const third = await page.locator('.ca-row').nth(2).getAttribute('data-comment-key');
    await page.locator(`#comment-${third!.slice(3)} .comment-content p`).first().click();
    await expect.poll(() => selectedKey(page)).toBe(third);
    await page.close();
  });
});

describe('what the page cannot do', () => {
  it('page CSS that hides or unsets everything does not break the panel', async () => {
    for (const css of ['* { display: none !important; }', 'div { all: unset !important; } button { all: unset !important; }']) {
      const page = await browser.context.newPage();
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

  it('a page script finds no annotations in its storage and cannot tag through messages or fake keys', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture('003-caschy').url);
    await openPanel(page);
    await press(page, 'u');
    const key = (await selectedKey(page))!;
    await press(page, '5');
    await expect.poll(() => rowTags(page, key)).toBe('praise');
    const extensionId = new URL(browser.context.serviceWorkers()[0].url()).host;

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
      for (const k of ['j', '1', 'Control+z']) document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
      return { storage, runtime };
    }, extensionId);

    expect(seen.storage).toEqual({ local: 0, session: 0, databases: [] });
    expect(seen.runtime).not.toBe('answered');
    await page.waitForTimeout(500);
    expect(await selectedKey(page)).toBe(key);
    expect(await rowTags(page, key)).toBe('praise');
    await page.close();
  });
});

describe('a browser restart', () => {
  it('closing and relaunching the profile keeps everything', async () => {
    const first = await launchWithExtension();
    await serveFixtures(first.context);
    const page = await first.context.newPage();
    await page.goto(fixture('000-phandroid').url);
    await openPanel(page);
    const keys = await tagThree(page);
    await first.context.close();

    const again = await launchWithExtension({ profileDir: first.profileDir });
    await serveFixtures(again.context);
    const reopened = await again.context.newPage();
    await reopened.goto(fixture('000-phandroid').url);
    await openPanel(reopened);
    await expect.poll(() => rowTags(reopened, keys[1])).toBe('question,argument');
    expect(await rowTags(reopened, keys[0])).toBe('on-topic');
    expect(await panel(reopened).getAttribute('data-comment-count')).toBe('46');
    await again.context.close();
  });
});
