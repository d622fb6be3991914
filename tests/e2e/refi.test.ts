import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { importInReview, test } from './fixture';
import { PASSAGES, refiDataset, xmllint } from '../refi-fixture';

/** Clicks the review page's export button for `format` and answers the downloaded file's name and bytes. */
async function exportInReview(review: Page, format: string): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [download] = await Promise.all([review.waitForEvent('download'), review.locator(`[data-testid="ca-export-${format}"]`).click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'ca-refi-')), download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path), path };
}

describe('REFI-QDA export from the review page', () => {
  test('ca-export-qdpx downloads a .qdpx whose project xmllint validates against Project.xsd, and it imports back unchanged', async ({ extension }) => {
    const review = await extension.open('review.html');
    await importInReview(review, refiDataset(), 'refi.json');
    await review.locator('[data-testid="confirm-import"]').click();
    await expect.poll(() => review.locator('[data-testid="review"]').getAttribute('data-total')).toBe('4');

    const qdpx = await exportInReview(review, 'qdpx');
    expect(qdpx.name).toMatch(/^comment-annotator-\d{4}-\d\d-\d\d-\d\d-\d\d\.qdpx$/);
    const files = unzipSync(new Uint8Array(qdpx.bytes));
    const project = join(mkdtempSync(join(tmpdir(), 'ca-refi-')), 'project.qde');
    writeFileSync(project, files['project.qde']);
    expect(xmllint(project, 'Project.xsd')).toEqual({ status: 0, output: expect.stringContaining('validates') });
    expect(Object.keys(files).filter((name) => name.startsWith('sources/'))).toHaveLength(3);
    expect(strFromU8(files['project.qde'])).toContain(`startPosition="${PASSAGES.battery[0]}" endPosition="${PASSAGES.battery[1]}"`);

    await review.locator('[data-testid="import-file"]').setInputFiles(qdpx.path);
    await expect.poll(() => review.locator('[data-testid="preview-unchanged"]').textContent()).toBe('4 unchanged');
    expect(await review.locator('[data-testid="preview-new"]').textContent()).toBe('0 new');
  });

  test('a .qdpx whose project is broken XML is refused with the parser\'s message alone, and nothing changes', async ({ extension }) => {
    const review = await extension.open('review.html');
    await review.locator('[data-testid="review"]').waitFor();
    const before = await review.locator('[data-testid="review"]').getAttribute('data-total');
    const broken = Buffer.from(zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0"><Users>') }));
    await review.locator('[data-testid="import-file"]').setInputFiles({ name: 'broken.qdpx', mimeType: 'application/zip', buffer: broken });
    const status = review.locator('[data-testid="exchange-status"][role="alert"]');
    // Chromium wraps the message in a page of its own ("This page contains the following errors: … Below is a rendering …").
    await expect.poll(() => status.textContent()).toMatch(/^broken\.qdpx was not imported: broken\.qdpx's project\.qde is not well-formed XML \(error on line 1 at column \d+: [^()]+\)\.$/);
    expect(await status.textContent()).not.toMatch(/This page contains|Below is a rendering/);
    expect(await review.locator('[data-testid="review"]').getAttribute('data-total')).toBe(before);
  });

  test('ca-export-qdc downloads a .qdc that xmllint validates against Codebook.xsd', async ({ extension }) => {
    const review = await extension.open('review.html');
    const qdc = await exportInReview(review, 'qdc');
    expect(qdc.name).toMatch(/\.qdc$/);
    expect(xmllint(qdc.path, 'Codebook.xsd')).toEqual({ status: 0, output: expect.stringContaining('validates') });
    expect(qdc.bytes.toString('utf8')).toContain('name="battery complaint"');
  });
});
