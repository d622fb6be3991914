import { classicCodebook } from './classic';
import { readEverything } from '../../storage/codings';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { agreementReport } from '../../lib/agreement';
import { setNote, setTag } from '../../storage/annotations';
import { addTag } from '../../storage/codebook';
import { CSV_COLUMNS, exportNative, toCodebookFile, toCsv, toWebAnnotations, type NativeExport } from '../../storage/export';
import { applyCodebook, checkCodebookFile, checkExportFile, importFile, planImport, previewImport } from '../../storage/import';
import type { AnnotatorDB } from '../../storage/schema';
import { freshDatabases } from '../fresh-databases';
import type { Target } from '../../lib/records';

const fresh = freshDatabases('x');

const PAGE = 'https://www.xperiablog.net/a/';
const target = (key: string, annotator = 'alice', text = `Text of ${key}`): Target => ({
  page: { url: PAGE, layout: 'disqus', metadata: { url: PAGE, title: 'Sony defocus', byline: 'XB', siteName: 'Xperia Blog', publishedTime: null, excerpt: null }, commentCount: 3 },
  comment: { key, author: 'Jürgen Müller', publishedAt: '2016-06-30T10:00:00', permalink: `${PAGE}#comment-1`, parentKey: null, text },
  annotator,
});

let db: AnnotatorDB;
let order: string[];
beforeEach(async () => {
  db = await fresh();
  order = (await classicCodebook(db)).map((t) => t.id);
});

async function seedAnnotations() {
  const sarcasm = await addTag(db, { name: 'sarcasm', colour: '#ff8800' });
  order.push(sarcasm.id);
  await setTag(db, target('disqus:1'), 'tag_question', true, order);
  await setTag(db, target('disqus:1'), sarcasm.id, true, order);
  await setNote(db, target('disqus:1'), 'Ironic, "very", with, commas\nand a second line');
  await setTag(db, target('disqus:2', 'alice', 'Ein Kommentar mit Umlauten: äöü ß, "Zitat" und <script>alert(1)</script>'), 'tag_spam', true, order);
  await setTag(db, target('disqus:2', 'bob'), 'tag_spam', true, order);
}

const dump = async (d: AnnotatorDB) => JSON.stringify(await Promise.all([d.tags, d.pages, d.codings, d.threads, d.settings].map((t) => t.toArray())));

describe('native export and import', () => {
  it('round trip: export, import into an empty database, export again: equal apart from the export time', async () => {
    await seedAnnotations();
    const first = await exportNative(db);
    expect(first).toMatchObject({ format: 'comment-annotator', version: 1, scope: { kind: 'all' } });
    expect(first.annotations).toHaveLength(3);
    expect(first.comments).toHaveLength(2);
    const other = await fresh();
    const imported = await importFile(other, JSON.stringify(first));
    expect(imported).toMatchObject({ ok: true, data: { new: 3, updated: 0, unchanged: 0, conflicting: 0 } });
    const second = await exportNative(other);
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
  });

  it('exports one page or a selection only', async () => {
    await seedAnnotations();
    const all = await exportNative(db);
    const one = await exportNative(db, { kind: 'selection', description: 'bob only' }, new Set(all.annotations.filter((a) => a.annotator === 'bob').map((a) => a.id)));
    expect(one.annotations.map((a) => a.annotator)).toEqual(['bob']);
    expect(one.comments.map((c) => c.key)).toEqual(['disqus:2']);
    expect((await exportNative(db, { kind: 'page', url: 'https://elsewhere.example/' })).annotations).toEqual([]);
  });

  it('previews and merges without loss: newest wins, the other is kept in the history', async () => {
    await seedAnnotations();
    const file = await exportNative(db);
    const alice1 = file.annotations.find((a) => a.commentKey === 'disqus:1')!;
    const edited: NativeExport = JSON.parse(JSON.stringify(file));
    const newer = edited.annotations.find((a) => a.id === alice1.id)!;
    newer.tagIds = ['tag_question'];
    newer.updatedAt = '2099-01-01T00:00:00.000Z';
    const older = edited.annotations.find((a) => a.annotator === 'bob')!;
    older.tagIds = [];
    older.note = 'bob changed his mind long ago';
    older.updatedAt = '2000-01-01T00:00:00.000Z';
    edited.annotations.push({ ...older, id: 'ann_carol', annotator: 'carol', note: '', tagIds: ['tag_praise'] });

    expect(await previewImport(db, edited)).toMatchObject({ new: 1, updated: 1, unchanged: 1, conflicting: 1, annotators: ['alice', 'bob', 'carol'] });
    await importFile(db, JSON.stringify(edited));
    const after = (await readEverything(db)).annotations;
    const alice = after.find((a) => a.id === alice1.id)!;
    expect(alice.tagIds).toEqual(['tag_question']);
    expect(alice.history).toEqual([expect.objectContaining({ tagIds: alice1.tagIds, note: alice1.note })]);
    const bob = after.find((a) => a.annotator === 'bob')!;
    expect(bob.tagIds).toEqual(['tag_spam']); // the database's version was newer
    expect(bob.history).toEqual([expect.objectContaining({ note: 'bob changed his mind long ago' })]);
    expect(after.filter((a) => a.commentKey === 'disqus:2').map((a) => a.annotator).sort()).toEqual(['alice', 'bob', 'carol']);
  });

  it('adds new tags from the file to the codebook, keeping free hotkeys', async () => {
    await seedAnnotations();
    const file = await exportNative(db);
    const other = await fresh();
    await classicCodebook(other);
    const plan = planImport(file, [], await other.tags.toArray());
    expect(plan.preview.newTags).toEqual(['sarcasm']);
    expect(plan.tags[0]).toMatchObject({ name: 'sarcasm', hotkey: '9', order: 8 });
  });
});

describe('import files that must be refused', () => {
  const valid = async () => {
    await seedAnnotations();
    return exportNative(db);
  };
  const mutate = (file: NativeExport, change: (f: any) => void) => {
    const copy = JSON.parse(JSON.stringify(file));
    change(copy);
    return JSON.stringify(copy);
  };
  const corpus: [string, (f: NativeExport) => string, RegExp][] = [
    ['an empty file', () => '', /The file is empty/],
    ['only whitespace', () => ' \n\t ', /The file is empty/],
    ['truncated JSON', (f) => JSON.stringify(f).slice(0, 200), /starts like JSON but is broken: it ends too early/],
    ['an HTML page', () => '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', /is a web page or XML .*, not JSON/],
    ['a JSON array', () => '[1,2,3]', /holds a JSON list \(of 3 items\), not the JSON object/],
    ['JSON null', () => 'null', /holds a single JSON null/],
    ['another format', (f) => mutate(f, (x) => { x.format = 'hypothesis'; }), /not a Comment Annotator file: its "format" is "hypothesis"/],
    ['no format', (f) => mutate(f, (x) => { delete x.format; }), /has no "format" field/],
    ['a newer version', (f) => mutate(f, (x) => { x.version = 2; }), /newer Comment Annotator \(format version 2/],
    ['version 0', (f) => mutate(f, (x) => { x.version = 0; }), /^version: /],
    ['version as a string', (f) => mutate(f, (x) => { x.version = '1'; }), /^version: /],
    ['no annotations', (f) => mutate(f, (x) => { delete x.annotations; }), /^annotations: /],
    ['annotations not an array', (f) => mutate(f, (x) => { x.annotations = {}; }), /^annotations: /],
    ['an unknown tag id', (f) => mutate(f, (x) => { x.annotations[1].tagIds[0] = 'tag_nope'; }), /^annotations\[1\]\.tagIds\[0\]: unknown tag id "tag_nope"/],
    ['tags of the wrong type', (f) => mutate(f, (x) => { x.annotations[0].tagIds = 'spam'; }), /^annotations\[0\]\.tagIds: /],
    ['an annotation without id', (f) => mutate(f, (x) => { delete x.annotations[2].id; }), /^annotations\[2\]\.id: /],
    ['__proto__ at the top', (f) => JSON.stringify(f).replace('{', '{"__proto__":{"polluted":true},'), /the key "__proto__" is not allowed/],
    ['__proto__ in an annotation', (f) => JSON.stringify(f).replace('"annotations":[{', '"annotations":[{"__proto__":{"isAdmin":true},'), /the key "__proto__" is not allowed/],
    ['__proto__ hidden behind a \\u escape', (f) => JSON.stringify(f).replace('"annotations":[{', '"annotations":[{"\\u005f_proto__":{"isAdmin":true},'), /the key "__proto__" is not allowed/],
    ['a constructor key', (f) => JSON.stringify(f).replace('"codebook":[{', '"codebook":[{"constructor":{"prototype":{}},'), /the key "(constructor|prototype)" is not allowed/],
    ['a 50 MB note', (f) => mutate(f, (x) => { x.annotations[0].note = 'x'.repeat(50 * 1024 * 1024); }), /^annotations\[0\]\.note: /],
    ['markup as a tag colour', (f) => mutate(f, (x) => { x.codebook[0].colour = 'red;background:url(javascript:alert(1))'; }), /^codebook\[0\]\.colour: must be a colour/],
    ['a javascript: page address', (f) => mutate(f, (x) => { x.annotations[0].pageUrl = 'javascript:alert(1)'; }), /^annotations\[0\]\.pageUrl: must be a web address/],
    ['duplicate annotation ids', (f) => mutate(f, (x) => { x.annotations[1].id = x.annotations[0].id; }), /appears twice/],
    ['an annotation whose comment is missing', (f) => mutate(f, (x) => { x.comments = x.comments.slice(1); }), /no comment "disqus:1" of that page in comments/],
    ['a bad timestamp', (f) => mutate(f, (x) => { x.annotations[0].updatedAt = 'yesterday'; }), /^annotations\[0\]\.updatedAt: must be an ISO 8601 UTC time/],
    ['an empty tag name', (f) => mutate(f, (x) => { x.codebook[0].name = '   '; }), /^codebook\[0\]\.name: must not be empty/],
    ['an unknown field', (f) => mutate(f, (x) => { x.extra = 1; }), /^extra: /],
    ['arrays nested 100,000 deep', (f) => JSON.stringify(f).replace('"scope":{"kind":"all"}', `"scope":${'['.repeat(100_000)}${']'.repeat(100_000)}`), /^scope(\.kind)?: Invalid type/],
  ];

  it(`has at least 20 hostile files (${corpus.length})`, () => expect(corpus.length).toBeGreaterThanOrEqual(20));

  it.each(corpus)('%s: a clear message, and the database is byte-for-byte unchanged', async (_name, make, message) => {
    const file = await valid();
    const before = await dump(db);
    const result = await importFile(db, make(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await dump(db)).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file above the size limit before reading it', async () => {
    const result = checkExportFile('{}', 300 * 1024 * 1024);
    expect(result).toEqual({ ok: false, error: 'The file is too large (300 MB; the limit is 200 MB).' });
  });

  it('keeps markup in comment texts and notes as text', async () => {
    await seedAnnotations();
    const file = await exportNative(db);
    const other = await fresh();
    expect((await importFile(other, JSON.stringify(file))).ok).toBe(true);
    expect((await readEverything(other)).comments.map((s) => s.text)).toContain('Ein Kommentar mit Umlauten: äöü ß, "Zitat" und <script>alert(1)</script>');
  });
});

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection whose annotations have the model’s required fields', async () => {
    await seedAnnotations();
    const data = await exportNative(db);
    const collection = toWebAnnotations(data) as any;
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage' } });
    expect(typeof collection.id).toBe('string');
    for (const item of collection.first.items) {
      expect(item.id).toMatch(/^urn:comment-annotator:annotation:/);
      expect(item.type).toBe('Annotation');
      // Disqus comments live in its embed frame: the target is the frame's address for the page.
      expect(item.target.source).toBe(`https://disqus.com/embed/comments/?base=default&t_u=${encodeURIComponent(PAGE)}`);
      expect(item.target.selector).toMatchObject({ type: 'CssSelector', value: expect.stringMatching(/^#post-\d+$/), refinedBy: { type: 'TextQuoteSelector', exact: expect.any(String) } });
      for (const body of item.body) {
        expect(body.type).toBe('TextualBody');
        expect(['classifying', 'tagging', 'commenting']).toContain(body.purpose);
        expect(typeof body.value).toBe('string');
      }
    }
    const alice = collection.first.items.find((i: any) => i.body.some((b: any) => b.value === 'sarcasm'));
    expect(alice.body.map((b: any) => [b.purpose, b.value])).toEqual([['classifying', 'question'], ['classifying', 'sarcasm'], ['commenting', 'Ironic, "very", with, commas\nand a second line']]);
  });
});

describe('CSV export', () => {
  it('has one row per comment and tag, the right columns, and survives quotes, commas, newlines and umlauts', async () => {
    await seedAnnotations();
    const csv = toCsv(await exportNative(db));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4); // alice: question + sarcasm, alice: spam, bob: spam
    const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
    const sarcasm = rows.find((r) => r[col('tag')] === 'sarcasm')!;
    expect(sarcasm[col('note')]).toBe('Ironic, "very", with, commas\nand a second line');
    expect(sarcasm[col('comment_author')]).toBe('Jürgen Müller');
    expect(sarcasm[col('page_title')]).toBe('Sony defocus');
    const umlauts = rows.find((r) => r[col('comment_text')].includes('Umlauten'))!;
    expect(umlauts[col('comment_text')]).toBe('Ein Kommentar mit Umlauten: äöü ß, "Zitat" und <script>alert(1)</script>');
  });
});

describe('codebook exchange', () => {
  it('exports the codebook alone and imports it into another database: new tags added, shared ids updated', async () => {
    await addTag(db, { name: 'sarcasm', colour: '#ff8800', description: 'says the opposite' });
    await db.tags.update('tag_spam', { name: 'advertising' });
    // The codebook JSON is no longer exported, but files made before are still imported.
    const file = JSON.stringify(toCodebookFile(await exportNative(db)));
    const other = await fresh();
    await classicCodebook(other);
    const checked = checkCodebookFile(file);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(await applyCodebook(other, checked.data.codebook)).toEqual({ added: 1, updated: 1 });
    const names = (await other.tags.orderBy('order').toArray()).map((t) => t.name);
    expect(names).toContain('sarcasm');
    expect(names).toContain('advertising');
    expect(checkCodebookFile('{"format":"comment-annotator-codebook","version":3}')).toMatchObject({ ok: false, error: expect.stringContaining('newer') });
  });
});

describe('agreement', () => {
  it('reports per code over comments coded by two or more annotators, and lists the comments they differ on', async () => {
    await seedAnnotations();
    await setTag(db, target('disqus:1', 'bob'), 'tag_question', true, order);
    const report = agreementReport((await readEverything(db)).annotations, await db.tags.orderBy('order').toArray());
    expect(report.coders).toEqual(['alice', 'bob']);
    expect(report.units).toBe(2);
    expect(report.codes.find((t) => t.tagId === 'tag_spam')).toMatchObject({ kappa: 1, observed: 1, units: 2, coders: 2 });
    const sarcasm = report.codes.find((t) => t.tagId.startsWith('tag_') && t.tagId !== 'tag_spam' && t.observed < 1)!;
    expect(sarcasm.observed).toBe(0.5);
    expect(report.disagreements).toEqual([expect.objectContaining({ commentKey: 'disqus:1', variableIds: ['var_tags'] })]);
  });
});

describe('docs/comment-annotator.schema.json', () => {
  it('accepts a real export and rejects what the importer rejects', async () => {
    const { default: Ajv2020 } = await import('ajv/dist/2020');
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync('docs/comment-annotator.schema.json', 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    await seedAnnotations();
    const data = JSON.parse(JSON.stringify(await exportNative(db)));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...data, version: 2 })).toBe(false);
    expect(validate({ ...data, codebook: [{ ...data.codebook[0], colour: 'red' }] })).toBe(false);
  });
});
