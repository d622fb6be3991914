import { classicCodebook } from './classic';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreementReport } from '../../lib/agreement';
import { krippendorffAlpha } from '../../lib/agreement-measures';
import { readEverything } from '../../storage/codings';

import type { NativeExport } from '../../storage/export';
import { checkExportFile, type ImportProgress } from '../../storage/import';
import { createImportHandler, type ImportAnswer } from '../../storage/import-job';
import { AnnotatorDB } from '../../storage/schema';

// Point 8: the import's work runs in a worker, in slices that report progress. The worker's
// side (storage/import-job.ts) is driven here directly, as the worker would.

const PAGE = 'https://a.io/';
const NOW = '2026-11-01T10:00:00.000Z';

/** `annotators` × `perAnnotator` annotations of one page. */
function onePage(annotators: number, perAnnotator: number): NativeExport {
  const codebook = ['on-topic', 'off-topic'].map((name, order) => ({ id: `tag_${name}`, name, colour: '#1f6feb', hotkey: null, description: '', order }));
  const comments = Array.from({ length: perAnnotator }, (_, i) => ({ pageUrl: PAGE, key: `wp:${i}`, author: null, publishedAt: null, permalink: null, parentKey: null, text: `c${i}`, savedAt: NOW }));
  const annotations = [];
  for (let a = 0; a < annotators; a++) {
    for (let i = 0; i < perAnnotator; i++) annotations.push({ id: `a${a}_${i}`, pageUrl: PAGE, commentKey: `wp:${i}`, tagIds: [codebook[(a + i) % 2].id], note: '', annotator: `r${a}`, createdAt: NOW, updatedAt: NOW });
  }
  return { format: 'comment-annotator', version: 1, exportedAt: NOW, scope: { kind: 'all' }, codebook, pages: [{ url: PAGE, layout: 'wp', metadata: null, firstSeen: NOW, lastSeen: NOW, commentCount: perAnnotator }], comments, annotations };
}

let db: AnnotatorDB;
beforeEach(async () => {
  db = new AnnotatorDB(`job-${crypto.randomUUID()}`);
  await classicCodebook(db);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const blob = (data: unknown) => new Blob([typeof data === 'string' ? data : JSON.stringify(data)], { type: 'application/json' });

describe('the check runs in slices', () => {
  it('reports progress between slices up to every item, and gives the same result as one piece', () => {
    const file = onePage(4, 20_000); // 80,000 annotations and 20,000 comments: four slices and more
    const seen: ImportProgress[] = [];
    const result = checkExportFile(JSON.stringify(file), undefined, (p) => seen.push(p));
    expect(result.ok).toBe(true);
    const checking = seen.filter((p) => p.phase === 'checking');
    expect(checking.length).toBeGreaterThanOrEqual(4);
    expect(checking.map((p) => p.done)).toEqual([...checking.map((p) => p.done)].sort((a, b) => a - b));
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: 100_000, total: 100_000 });
    if (result.ok) expect(result.data).toEqual(file);
  });

  it('names a problem past the first slice by its place in the whole file', () => {
    const file = onePage(4, 20_000);
    (file.annotations[61_234] as any).updatedAt = 'yesterday';
    expect(checkExportFile(JSON.stringify(file))).toEqual({ ok: false, error: 'annotations[61234].updatedAt: must be an ISO 8601 UTC time' });
    (file.annotations[61_234] as any).updatedAt = NOW;
    (file.comments[30] as any).key = 'x';
    expect(checkExportFile(JSON.stringify(file))).toMatchObject({ ok: false, error: expect.stringMatching(/^comments\[30\]\.key: /) });
  });
});

describe('the import worker’s handler', () => {
  it('checks, previews with choices, merges, reporting each phase; nothing is written before the merge', async () => {
    const answers: ImportAnswer[] = [];
    const handle = createImportHandler(db, (a) => answers.push(a));
    const file = onePage(3, 1_000);
    file.codebook[0] = { ...file.codebook[0], name: 'sarcasm' }; // clashes with our on-topic
    await handle({ id: 1, type: 'check', file: blob(file), name: 'f.json' });
    const checked = answers.find((a) => a.type === 'checked');
    expect(checked).toMatchObject({ id: 1, preview: { new: 3_000, clashes: [{ incoming: { name: 'sarcasm' }, resolution: { action: 'separate' } }] } });
    expect(await db.codings.count()).toBe(0);

    await handle({ id: 2, type: 'preview', resolutions: { 'tag_on-topic': { action: 'rename', name: 'off-topic' } } });
    expect(answers.at(-1)).toMatchObject({ id: 2, type: 'refused', error: expect.stringContaining('a tag named “off-topic” exists already') });
    await handle({ id: 3, type: 'preview', resolutions: { 'tag_on-topic': { action: 'map', to: 'tag_question' } } });
    expect(answers.at(-1)).toMatchObject({ id: 3, type: 'previewed', preview: { newTags: [] } });

    await handle({ id: 4, type: 'apply', resolutions: { 'tag_on-topic': { action: 'map', to: 'tag_question' } } });
    expect(answers.at(-1)).toMatchObject({ id: 4, type: 'done', result: { new: 3_000 } });
    const phases = new Set(answers.flatMap((a) => (a.type === 'progress' ? [a.progress.phase] : [])));
    expect([...phases]).toEqual(['reading', 'parsing', 'checking', 'comparing', 'merging', 'writing']);
    const stored = (await readEverything(db)).annotations;
    expect(stored).toHaveLength(3_000);
    expect(new Set(stored.flatMap((a) => a.tagIds))).toEqual(new Set(['tag_question', 'tag_off-topic']));
  });

  it('refuses a broken file with its first problem, and a file over the limit before reading it', async () => {
    const answers: ImportAnswer[] = [];
    const handle = createImportHandler(db, (a) => answers.push(a));
    await handle({ id: 1, type: 'check', file: blob('{"format":"comment-annotator","version":9}'), name: 'new.json' });
    expect(answers.at(-1)).toMatchObject({ id: 1, type: 'refused', error: expect.stringContaining('new.json was not imported: This file was made by a newer Comment Annotator') });
    const huge = { size: 300 * 1024 * 1024, text: () => { throw new Error('read'); } } as unknown as Blob;
    await handle({ id: 2, type: 'check', file: huge, name: 'huge.json' });
    expect(answers.at(-1)).toEqual({ id: 2, type: 'refused', error: 'The file is too large (300 MB; the limit is 200 MB).' });
    await handle({ id: 3, type: 'apply', resolutions: {} });
    expect(answers.at(-1)).toMatchObject({ id: 3, type: 'refused', error: 'No file is waiting to be imported.' });
  });
});

describe('agreement on one page coded by many annotators', () => {
  it('Krippendorff’s α counted by value equals the pairwise definition', () => {
    const pairwise = (units: string[][]) => {
      const o = new Map<string, number>();
      for (const u of units) for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) o.set(`${u[i]}|${u[j]}`, (o.get(`${u[i]}|${u[j]}`) ?? 0) + 1 / (u.length - 1));
      const totals = new Map<string, number>();
      let n = 0;
      let d = 0;
      for (const [k, w] of o) {
        const [c, kk] = k.split('|');
        totals.set(c, (totals.get(c) ?? 0) + w);
        n += w;
        if (c !== kk) d += w;
      }
      let e = 0;
      for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) e += (nc * nk) / (n - 1);
      return 1 - d / e;
    };
    const units = Array.from({ length: 50 }, (_, u) => Array.from({ length: 2 + (u % 7) }, (_, i) => ['a', 'b', 'c'][(u * i + i) % 3]));
    expect(krippendorffAlpha(units)).toBeCloseTo(pairwise(units), 10);
  });

  it('1,000 annotators × 200 comments: the report is made (coder-by-coder pairs took seconds)', () => {
    const file = onePage(1_000, 200);
    // CPU time, not wall time: the tests share two cores with browsers.
    const used = process.cpuUsage();
    const report = agreementReport(file.annotations, file.codebook);
    const { user, system } = process.cpuUsage(used);
    expect(report.coders).toHaveLength(1_000);
    expect(report.variables[0]).toMatchObject({ kappa: null, units: 200, coders: 1_000 });
    expect(report.variables[0].alpha).toBeLessThan(0);
    expect((user + system) / 1000).toBeLessThan(2_000);
  });
});
