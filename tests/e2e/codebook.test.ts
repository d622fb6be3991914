import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../../seeds/fixtures';
import { axeViolations } from './axe';
import { openWithPanel, test } from './fixture';
import { press, rowTags, selectedKey } from './harness';

const tagBar = (page: Page) => page.locator('.ca-tagbtn').allTextContents();

describe('the codebook options page', () => {
  test('renames, re-keys, adds, reorders and deletes tags, and open panels follow without reload', async ({ page: article, extension }) => {
    const key = await openWithPanel(article, fixture('000-phandroid').url);
    await press(article, '1');
    await expect.poll(() => rowTags(article, key)).toBe('on-topic');

    const options = await extension.open('options.html');
    await options.locator('tr[data-tag="spam"] input[aria-label="Name of spam"]').fill('junk');
    await options.locator('tr[data-tag="spam"] input[aria-label="Name of spam"]').press('Tab');
    await expect.poll(() => options.locator('tr[data-tag="junk"]').count()).toBe(1);
    await expect.poll(async () => (await tagBar(article)).some((text) => text.includes('junk'))).toBe(true);

    await options.locator('[data-testid="new-tag"]').fill('sarcasm');
    await options.locator('form:has([data-testid="new-tag"]) button[type="submit"]').click();
    await expect.poll(() => options.locator('tr[data-tag="sarcasm"] select').inputValue()).toBe('9');
    await options.locator('[data-testid="new-tag"]').fill('Junk');
    await options.locator('form:has([data-testid="new-tag"]) button[type="submit"]').click();
    await expect.poll(() => options.locator('[role="alert"]').textContent()).toContain('already a code called "Junk"');

    await options.locator('button[aria-label="Move sarcasm up"]').click();
    await expect.poll(async () => (await options.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')))).slice(-2)).toEqual(['sarcasm', 'junk']);
    await options.locator('tr[data-tag="question"] select').selectOption('1');
    await expect.poll(() => options.locator('tr[data-tag="on-topic"] select').inputValue()).toBe('');

    await options.locator('button[aria-label="Delete on-topic"]').click();
    await expect.poll(() => options.locator('[role="alertdialog"]').textContent()).toContain('used by 1 annotation');
    await options.locator('[data-testid="confirm-delete"]').click();
    await expect.poll(() => options.locator('tr[data-tag="on-topic"]').count()).toBe(0);

    await article.bringToFront();
    await expect.poll(() => rowTags(article, key)).toBe('');
    await press(article, '1');
    await expect.poll(() => rowTags(article, key)).toBe('question');
  });

  test('merges a code into another from its details, open panels follow, and undo brings it back; a new variable takes a code', async ({ page: article, extension }) => {
    const first = await openWithPanel(article, fixture('000-phandroid').url);
    // The next comment: the first one was coded by the test before.
    await press(article, 'j');
    await expect.poll(() => selectedKey(article)).not.toBe(first);
    const key = (await selectedKey(article))!;
    await press(article, '5');
    await expect.poll(() => rowTags(article, key)).toBe('praise');

    const options = await extension.open('options.html');
    await options.locator('button[aria-label="Details of praise"]').click();
    await options.locator('button[aria-label="Merge praise into another code"]').click();
    await expect.poll(() => options.locator('[role="alertdialog"]').textContent()).toContain('used by 1 annotation');
    await options.locator('[data-testid="merge-into"]').selectOption({ label: 'argument (Tags)' });
    await options.locator('[data-testid="confirm-merge"]').click();
    await expect.poll(() => options.locator('[data-testid="code-change-done"]').textContent()).toContain('Merged “praise” into “argument” in 1 annotation');
    await expect.poll(() => rowTags(article, key)).toBe('argument');
    await options.locator('[data-testid="undo-code-change"]').click();
    await expect.poll(() => options.locator('tr[data-tag="praise"]').count()).toBe(1);
    await expect.poll(() => rowTags(article, key)).toBe('praise');

    await options.locator('[data-testid="new-variable"]').fill('stance');
    await options.locator('select[aria-label="Kind of the new variable"]').selectOption('single');
    await options.locator('[data-testid="new-variable"]').press('Enter');
    await expect.poll(() => options.locator('section[data-variable="stance"] [data-testid="no-codes"]').count()).toBe(1);
    await options.locator('button[aria-label="Details of complaint"]').click();
    await options.locator('select[aria-label="Variable of complaint"]').selectOption({ label: 'stance' });
    await expect.poll(() => options.locator('section[data-variable="stance"] tr[data-tag="complaint"]').count()).toBe(1);
  });

  test('the editor has no accessibility violations with a group code, nested codes, open details and a dialog', async ({ extension }) => {
    const options = await extension.open('options.html');
    await options.locator('button[aria-label="Details of argument"]').click();
    await options.locator('input[aria-label="argument can be coded"]').uncheck();
    await options.locator('button[aria-label="Details of question"]').click();
    await options.locator('select[aria-label="Parent of question"]').selectOption({ label: 'argument' });
    await expect.poll(() => options.locator('tr[data-tag="question"] .nest').count()).toBe(1);
    await options.locator('button[aria-label="Delete question"]').click();
    await expect.poll(() => options.locator('[role="alertdialog"]').count()).toBe(1);
    expect(await axeViolations(options)).toEqual([]);
    await options.keyboard.press('Escape');
    await expect.poll(() => options.locator('[role="alertdialog"]').count()).toBe(0);
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete question');
  });
});
