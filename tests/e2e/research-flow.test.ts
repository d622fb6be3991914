import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fixture } from '../../seeds/fixtures';
import { DEFAULT_CODEBOOK } from '../../storage/default-codebook';
import { importInReview, openWithPanel, test } from './fixture';
import { press, rowTags, selectedKey } from './harness';
import { xmllint } from '../refi-fixture';

// Issue 13's whole study, as a researcher does it: the example codebook (a single-choice and a
// multiple-choice variable), a Disqus thread coded from the keyboard with codes, "no code
// applies" and two passages; the project exported as REFI-QDA and checked against the schema; a
// colleague's file imported; the agreement table compared with a hand computation.
const LIVE = fixture('002-xperiablog-live-disqus');

/** The review page's export of `format`: the downloaded file's path. */
async function exported(review: Page, format: string): Promise<string> {
  const [download] = await Promise.all([review.waitForEvent('download'), review.locator(`[data-testid="ca-export-${format}"]`).click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'ca-study-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Selects characters `from`–`to` of a comment's first paragraph in the Disqus frame. */
const selectIn = (frame: Frame, postId: string, from: number, to: number) => frame.evaluate(({ postId, from, to }) => {
  const text = document.querySelector(`#post-${postId} .post-message p`)!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, from);
  range.setEnd(text, to);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}, { postId, from, to });

describe('a study on a Disqus thread, start to finish', () => {
  test('variables, none and passages coded; QDPX valid; a colleague imported; agreement as computed by hand', async ({ page, extension }) => {
    // The example codebook new installs get (this suite's profiles start with the classic one).
    const options = await extension.open('options.html');
    await options.evaluate(({ variables, tags }) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('comment-annotator');
      open.onsuccess = () => {
        const tx = open.result.transaction(['tags', 'variables'], 'readwrite');
        tx.objectStore('tags').clear();
        tx.objectStore('variables').clear();
        for (const v of variables) tx.objectStore('variables').put(v);
        for (const t of tags) tx.objectStore('tags').put(t);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    }), { variables: [...DEFAULT_CODEBOOK.variables], tags: [...DEFAULT_CODEBOOK.tags] });
    await options.close();

    await openWithPanel(page, LIVE.url);
    const frame = page.frames().find((f) => f.url().startsWith('https://disqus.com/embed/comments/'))!;
    await frame.locator('[id^="post-"]').first().waitFor();
    const ids = await frame.locator('[id^="post-"]').evaluateAll((posts) => posts.map((p) => p.id).filter((id) => /^post-\d+$/.test(id)).slice(0, 3).map((id) => id.slice('post-'.length)));
    const keys = ids.map((id) => `disqus:${id}`);
    const choose = async (i: number) => {
      await frame.locator(`#post-${ids[i]} .post-message p`).first().click();
      await expect.poll(() => selectedKey(page)).toBe(keys[i]);
    };

    // Comment 1: positive, elections, economy; then negative replaces positive (one tone only).
    await choose(0);
    await press(page, '1', '4', '6', '3');
    await expect.poll(() => rowTags(page, keys[0])).toBe('negative,elections,economy');
    // Comment 2: no code applies.
    await choose(1);
    await press(page, 'x');
    await expect.poll(() => page.locator(`.ca-row[data-comment-key="${keys[1]}"].ca-coded`).count()).toBe(1);
    // Comment 3: two passages, policy and health; the comment itself has no code.
    await choose(2);
    await selectIn(frame, ids[2], 0, 12);
    await press(page, '5');
    await selectIn(frame, ids[2], 14, 30);
    await press(page, '7');
    await expect.poll(() => page.locator('[data-testid="ca-segment-count"]').first().textContent()).toContain('2');
    expect(await rowTags(page, keys[2])).toBe('');

    // The project as REFI-QDA: valid against the official schema.
    const review = await extension.open('review.html');
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('3');
    const project = join(mkdtempSync(join(tmpdir(), 'ca-study-')), 'project.qde');
    writeFileSync(project, unzipSync(new Uint8Array(readFileSync(await exported(review, 'qdpx'))))['project.qde']);
    expect(xmllint(project, 'Project.xsd')).toEqual({ status: 0, output: expect.stringContaining('validates') });

    // A colleague's native file: bob coded the same three comments.
    const mine = JSON.parse(readFileSync(await exported(review, 'json'), 'utf8'));
    const bobs: Record<string, { tagIds: string[]; none?: boolean }> = {
      [keys[0]]: { tagIds: ['tag_negative', 'tag_elections'] },
      [keys[1]]: { tagIds: ['tag_positive'] },
      [keys[2]]: { tagIds: [], none: true },
    };
    const bob = {
      ...mine,
      annotations: mine.annotations.map((a: { id: string; pageUrl: string; commentKey: string }) => ({
        id: `${a.id}_bob`, pageUrl: a.pageUrl, commentKey: a.commentKey, note: '', annotator: 'bob',
        createdAt: '2026-11-21T10:00:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z', ...bobs[a.commentKey],
      })),
    };
    await importInReview(review, bob, 'bob.json');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('6');

    // By hand, tone over the three comments (alice / bob): negative/negative, none/positive,
    // none/none (comment 3's passages are topics). Coincidences: negative 2, none 3, positive 1,
    // n = 6; Do = 2/6, De = 22/30 → α = 1 − (1/3)/(22/30) = 12/22 ≈ 0.545. Cohen: po = 2/3,
    // pe = (1·1 + 2·1 + 0·1)/9 = 1/3 → κ = 0.5.
    const agreement = review.locator('[data-testid="agreement"][data-state="ready"]');
    await expect.poll(() => agreement.textContent(), { timeout: 15_000 }).toContain('3 comments coded by two or more coders');
    const tone = await agreement.locator('[data-testid="agreement-variables"] tr[data-variable="tone"] td').allTextContents();
    expect(tone).toEqual([expect.stringContaining('tone'), '0.545', '0.500', '67%', '3', '2']);
  });
});
