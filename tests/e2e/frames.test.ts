import type { Frame, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture, loadFixtures } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { discussionCommentId } from '../../seeds/render/giscus';
import { staticBlogPage } from '../../seeds/render/static-blog';
import { test } from './fixture';
import { openFromToolbar, outlinedComment, panelCount, press, rowTags, selectedKey } from './harness';

// Comment systems in a cross-origin iframe on a site the extension does not know: the reader
// opens the panel from the toolbar, the frame content script (declared for the frame's origin)
// reports the thread, and tags show inside the frame.

const GISCUS = fixture('giscus');
const UTTERANCES = fixture('utterances');
/** An article holding both frames: two comment frames on one page must not undo each other's chips. */
const BOTH_URL = 'https://two-embeds.example.org/posts/both/';

test.override('served', [...loadFixtures(), {
  ...GISCUS,
  name: 'two-embeds',
  description: 'the giscus and utterances frames on one article',
  url: BOTH_URL,
  frame: undefined,
  html: () => {
    const embeds = [GISCUS, UTTERANCES].map((f) => /<div class="(giscus|utterances)"[\s\S]*?<\/iframe><\/div>/.exec(f.html())![0]).join('\n');
    return staticBlogPage(GISCUS.page, BOTH_URL, 'giscus and utterances fixtures', 'en-US', embeds);
  },
}]);

const frameOf = (page: Page, origin: string): Frame => page.frames().find((f) => f.url().startsWith(origin))!;
const count = (flat: ReturnType<typeof flatten>) => flat.length;

/** Moves the panel's selection down (j) to the first row whose key passes `wanted`, tags it with a digit and returns its key. */
async function tagFirst(page: Page, wanted: (key: string) => boolean, digit: string): Promise<string> {
  await press(page, 'j');
  for (let i = 0; i < 200 && !wanted((await selectedKey(page)) ?? ''); i++) await press(page, 'j');
  const key = (await selectedKey(page))!;
  expect(wanted(key), key).toBe(true);
  await press(page, digit);
  return key;
}
const ofFamily = (family: string) => (key: string) => key.startsWith(`${family}:`);

describe('comment frames on a site the extension does not know', () => {
  test('giscus: counts the comments found inside its cross-origin frame, tags one by keyboard, shows the chip in the frame, and keeps it after a reload', async ({ page, context }) => {
    await page.goto(GISCUS.url);
    await openFromToolbar(context, page);
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(count(flatten(GISCUS.page.comments)));
    // Every one of them is in the frame: the article's own document has none.
    const frame = frameOf(page, 'https://giscus.app/de/widget?');
    expect(await page.locator('.gsc-comment, .gsc-reply, article.timeline-comment').count()).toBe(0);
    expect(await frame.locator('.gsc-comment, .gsc-reply').count()).toBe(count(flatten(GISCUS.page.comments)));

    // A reply: its chip must land on the reply, not on the comment holding it.
    const reply = GISCUS.page.comments.find((c) => c.children.length)!.children[0];
    const key = await tagFirst(page, (k) => k === `giscus:${discussionCommentId(reply)}`, '4');
    await expect.poll(() => rowTags(page, key)).toBe('argument');
    const id = key.slice('giscus:'.length);
    await expect.poll(() => frame.locator('comment-annotator-chips').count()).toBe(1);
    const chipped = await frame.locator('comment-annotator-chips').evaluate((chips, wanted) => {
      const comment = chips.parentElement!;
      const header = comment.querySelector('.gsc-comment-header, .gsc-reply-header');
      return { reply: comment.className, own: header?.closest('.gsc-comment, .gsc-reply') === comment, linked: !!header?.querySelector(`a[href$="#discussioncomment-${wanted}"]`) };
    }, id);
    expect(chipped).toEqual({ reply: 'gsc-reply', own: true, linked: true });
    // The panel's selection is outlined inside the frame.
    await expect.poll(async () => (await outlinedComment(frame, '.gsc-comment, .gsc-reply'))?.evaluate((el) => el.querySelector(':scope > comment-annotator-chips') !== null)).toBe(true);

    await page.reload();
    await openFromToolbar(context, page);
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(count(flatten(GISCUS.page.comments)));
    await expect.poll(() => rowTags(page, key)).toBe('argument');
    const again = frameOf(page, 'https://giscus.app/de/widget?');
    await expect.poll(() => again.locator('comment-annotator-chips').count()).toBe(1);
  });

  test('utterances: counts the comments found inside its cross-origin frame', async ({ page, context }) => {
    await page.goto(UTTERANCES.url);
    await openFromToolbar(context, page);
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(count(flatten(UTTERANCES.page.comments)));
    expect(await page.locator('article.timeline-comment, .gsc-comment').count()).toBe(0);
  });

  test('two comment frames on one page: each keeps its own chips, and only the selected comment is outlined', async ({ page, context }) => {
    await page.goto(BOTH_URL);
    await openFromToolbar(context, page);
    // utterances loads its frame lazily: it comes (and its comments with it) when the reader scrolls there.
    await page.locator('.utterances').scrollIntoViewIfNeeded();
    const total = count(flatten(GISCUS.page.comments)) + count(flatten(UTTERANCES.page.comments));
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(total);
    const giscusKey = await tagFirst(page, ofFamily('giscus'), '5');
    await expect.poll(() => rowTags(page, giscusKey)).toBe('praise');
    const giscusFrame = frameOf(page, 'https://giscus.app/');
    const utterancesFrame = frameOf(page, 'https://utteranc.es/');
    const outlined = async (frame: Frame) => (await outlinedComment(frame)) !== null;
    await expect.poll(() => giscusFrame.locator('comment-annotator-chips').count()).toBe(1);
    await expect.poll(() => outlined(giscusFrame)).toBe(true);

    const utterancesKey = await tagFirst(page, ofFamily('utterances'), '1');
    await expect.poll(() => rowTags(page, utterancesKey)).toBe('on-topic');
    await expect.poll(() => utterancesFrame.locator('comment-annotator-chips').count()).toBe(1);
    // One outline on the page: the selection moved to the other frame, so the first one's is gone.
    await expect.poll(() => outlined(utterancesFrame)).toBe(true);
    await expect.poll(() => outlined(giscusFrame)).toBe(false);
    // The utterances frame's chips did not wipe the giscus frame's.
    expect(await giscusFrame.locator('comment-annotator-chips').count()).toBe(1);
  });
});
