import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { coralComment } from '../../seeds/render/coral';
import { coralId } from '../../seeds/render/embed-page';
import { test } from './fixture';
import { openFromToolbar, panel, panelCount, press, rowTags, selectedKey } from './harness';

// Coral renders its stream into an open shadow root: the annotator must read it there, keep
// watching inside it (mutations there never reach an observer on the document), and take
// clicks inside it (they reach the document retargeted to the host).

describe('Coral in an open shadow root, opened from the toolbar', () => {
  const f = fixture('embed-coral');
  const seeds = flatten(f.page.comments);

  test('counts the comments inside the shadow root, follows one added there later, selects a clicked one and shows its chips', async ({ page, context }) => {
    await page.goto(f.url);
    // The browser attached the declarative shadow root: the comments are not in the document's own tree.
    const inShadow = await page.evaluate(() => ({
      inDocument: document.querySelectorAll('.coral-comment').length,
      inShadowRoot: document.getElementById('coral-shadow-container')?.shadowRoot?.querySelectorAll('.coral-comment').length ?? 0,
    }));
    expect(inShadow).toEqual({ inDocument: 0, inShadowRoot: seeds.length });

    await openFromToolbar(context, page);
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(seeds.length);
    expect(await panel(page).getAttribute('data-state')).toBe('open');

    // The site's script posts a new comment into the stream, inside the shadow root.
    const late = { ...seeds[0], id: 990_001, author: 'Late Reader', paragraphs: [['Posted after the panel opened.']], children: [] };
    await page.evaluate((html) => {
      const log = document.getElementById('coral-shadow-container')!.shadowRoot!.getElementById('comments-allComments-log')!;
      log.insertAdjacentHTML('beforeend', `<div>${html}</div>`);
    }, coralComment(late, null, 0));
    await expect.poll(() => panelCount(page), { timeout: 15_000 }).toBe(seeds.length + 1);

    // A real click on a reply's text, inside the shadow root, selects that reply's row.
    const reply = seeds.find((c) => c.children.length)!.children[0];
    await page.locator(`[id="comment-${coralId(reply)}"] .coral-comment-content p`).first().click();
    await expect.poll(() => selectedKey(page)).toBe(`coral:${coralId(reply)}`);

    // Tagging it puts the chip row into the comment, inside the shadow root.
    await press(page, '1');
    await expect.poll(() => rowTags(page, `coral:${coralId(reply)}`)).toBe('on-topic');
    await expect.poll(() => page.locator(`[id="comment-${coralId(reply)}"] comment-annotator-chips`).count()).toBe(1);
  });
});
