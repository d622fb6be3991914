import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readEverything } from '../../storage/codings';
import { CSV_COLUMNS, exportNative, toCsv, toWebAnnotations } from '../../storage/export';
import { exportData, exportFormat } from '../../storage/export-formats';
import { toQdc } from '../../storage/export-qdc';
import { toQdpx } from '../../storage/export-qdpx';
import { MISSING, toUnitsZip, unitsTables } from '../../storage/export-units';
import { importFile } from '../../storage/import';
import { readQdpx } from '../../storage/import-qdpx';
import { importCodebookFile, readQdc } from '../../storage/import-refi';
import { codeGuid, descriptionOf, readDescription } from '../../storage/refi-qda';
import { freshDatabases } from '../fresh-databases';
import { EMOJI_TEXT, PAGE, PASSAGES, refiDataset, xmllint } from '../refi-fixture';

const fresh = freshDatabases('refi');

const NO_CODEBOOK = { variables: [], tags: [] };
const dir = () => mkdtempSync(join(tmpdir(), 'ca-refi-'));
/** Writes `text` to a file and answers xmllint's verdict against the schema. */
const validate = (text: string, name: string, xsd: 'Project.xsd' | 'Codebook.xsd') => {
  const file = join(dir(), name);
  writeFileSync(file, text);
  return xmllint(file, xsd);
};
const ok = { status: 0, output: expect.stringContaining('validates') };

describe('REFI-QDA project (.qdpx)', () => {
  const files = () => unzipSync(toQdpx(refiDataset()));
  const project = () => new DOMParser().parseFromString(strFromU8(files()['project.qde']), 'application/xml');

  it('is valid against the official Project.xsd, with its sources as UTF-8 text files in sources/', () => {
    const zip = files();
    expect(validate(strFromU8(zip['project.qde']), 'project.qde', 'Project.xsd')).toEqual(ok);
    const sources = Object.keys(zip).filter((name) => name.startsWith('sources/'));
    expect(sources).toHaveLength(3);
    for (const name of sources) expect(name).toMatch(/^sources\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.txt$/);
    const texts = sources.map((name) => strFromU8(zip[name]));
    expect(texts).toContain(EMOJI_TEXT);
    expect(texts).toContain('Why is it so expensive?\nSerious question.');
    expect(sources.every((name) => zip[name][0] !== 0xef)).toBe(true); // no byte-order mark
  });

  it('the schema check fails on a broken project (so the check above can fail)', () => {
    const broken = strFromU8(files()['project.qde']).replace(/ isCodable="false"/, '');
    expect(validate(broken, 'broken.qde', 'Project.xsd').status).not.toBe(0);
  });

  it('has every coder as a User, and segments as code-point selections with their creatingUser', () => {
    const doc = project();
    const users = new Map(Array.from(doc.getElementsByTagName('User')).map((u) => [u.getAttribute('guid'), u.getAttribute('name')]));
    expect([...users.values()].sort()).toEqual(['alice', 'bob']);
    const source = Array.from(doc.getElementsByTagName('TextSource')).find((s) => s.getAttribute('name')?.includes('disqus:1'))!;
    const selections = Array.from(source.getElementsByTagName('PlainTextSelection'));
    expect(selections.map((s) => [Number(s.getAttribute('startPosition')), Number(s.getAttribute('endPosition'))])).toEqual([[...PASSAGES.battery], [...PASSAGES.price]]);
    expect(selections.map((s) => users.get(s.getAttribute('creatingUser')))).toEqual(['alice', 'alice']);
    // The emoji before the passage count one position each: UTF-16 offsets would be 2 more.
    expect(Array.from(EMOJI_TEXT).slice(...PASSAGES.battery).join('')).toBe('battery 🔋 dies by noon');
    const whole = Array.from(source.children).filter((c) => c.localName === 'Coding');
    expect(whole.map((c) => users.get(c.getAttribute('creatingUser'))).sort()).toEqual(['alice', 'bob', 'bob']);
  });

  it('writes sources with \\n line ends, moving positions after a \\r\\n to match', () => {
    const data = refiDataset();
    data.comments[2] = { ...data.comments[2], text: 'a\r\nb😀c' };
    data.annotations[3] = { ...data.annotations[3], none: false, tagIds: ['tag_question'], segments: [{ id: 'seg_b', tagId: 'tag_irony', quote: 'b😀', start: 3, end: 5, createdAt: data.exportedAt }] };
    const zip = unzipSync(toQdpx(data));
    expect(Object.values(zip).map((bytes) => strFromU8(bytes))).toContain('a\nb😀c');
    expect(strFromU8(zip['project.qde'])).toContain('startPosition="2" endPosition="4"');
  });

  it('carries author, time, permalink, page, comment, parent and depth as source variables, notes as Notes', () => {
    const doc = project();
    const names = new Map(Array.from(doc.getElementsByTagName('Variable')).map((v) => [v.getAttribute('guid'), v.getAttribute('name')]));
    const valuesOf = (key: string) => {
      const source = Array.from(doc.getElementsByTagName('TextSource')).find((s) => s.getAttribute('name')?.includes(key))!;
      return Object.fromEntries(Array.from(source.getElementsByTagName('VariableValue')).map((v) => [names.get(v.children[0].getAttribute('targetGUID')), v.children[1].textContent]));
    };
    expect(valuesOf('disqus:3')).toEqual({ page: PAGE, comment: 'disqus:3', author: 'Reader', time: '2016-06-30T10:42:00.000Z', permalink: `${PAGE}#comment-3`, parent: 'disqus:2', depth: '2' });
    expect(valuesOf('disqus:1')).toMatchObject({ author: 'Jürgen 🚀', depth: '0' });
    const notes = Array.from(doc.getElementsByTagName('Note')).map((n) => n.getElementsByTagName('PlainTextContent')[0].textContent);
    expect(notes.sort()).toEqual(['Sarcastic? Check the "emoji" & <markup>.', 'spam-ish']);
  });

  it('nests the codebook: a variable groups its codes, a group code is not codable, definitions are Descriptions', () => {
    const doc = project();
    const codes = doc.getElementsByTagName('Codes')[0];
    const top = Array.from(codes.children).map((c) => [c.getAttribute('name'), c.getAttribute('isCodable')]);
    expect(top).toEqual([['Stance', 'false'], ['Tags', 'false'], ['No code applies', 'true']]);
    const group = Array.from(doc.getElementsByTagName('Code')).find((c) => c.getAttribute('name') === 'negative')!;
    expect(group.getAttribute('isCodable')).toBe('false');
    expect(Array.from(group.children).filter((c) => c.localName === 'Code').map((c) => c.getAttribute('name'))).toEqual(['battery complaint', 'price complaint']);
    expect(group.getElementsByTagName('Description')[0].textContent).toBe('Groups the negative stances');
  });

  it('imports back: every coder’s codes, none, segments (quotes from code points) and notes on the same comments', () => {
    const data = refiDataset();
    const read = readQdpx(toQdpx(data), { variables: data.variables!, tags: data.codebook });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.data.codebook.map((t) => t.id)).toEqual(data.codebook.map((t) => t.id));
    const essence = (list: typeof data.annotations) => list.map((a) => ({
      annotator: a.annotator, key: a.commentKey, tagIds: a.tagIds, none: !!a.none, note: a.note, updatedAt: a.updatedAt,
      segments: (a.segments ?? []).map((s) => [s.tagId, s.start, s.end, s.quote, s.createdAt]),
    })).sort((x, y) => `${x.annotator}${x.key}`.localeCompare(`${y.annotator}${y.key}`));
    expect(essence(read.data.annotations)).toEqual(essence(data.annotations));
    expect(read.data.comments.map(({ savedAt: _, ...c }) => c)).toEqual(data.comments.map(({ savedAt: _, ...c }) => ({ ...c, publishedAt: '2016-06-30T10:42:00.000Z' })));
  });

  it('goes through the native import: merged into a database, and a second time unchanged', async () => {
    const db = await fresh();
    const data = { ...refiDataset(), variables: [] };
    const read = readQdpx(toQdpx(data), NO_CODEBOOK);
    if (!read.ok) throw new Error(read.error);
    const first = await importFile(db, JSON.stringify(read.data));
    expect(first).toMatchObject({ ok: true, data: { new: 4 } });
    const stored = await readEverything(db);
    const alice = stored.annotations.find((a) => a.annotator === 'alice' && a.commentKey === 'disqus:1')!;
    expect(alice.segments?.map((s) => s.quote)).toEqual(['battery 🔋 dies by noon', 'price <is> "steep"']);
    const again = readQdpx(toQdpx({ ...(await exportNative(db)), exportedAt: data.exportedAt }), { variables: [], tags: await db.tags.toArray() });
    if (!again.ok) throw new Error(again.error);
    expect(await importFile(db, JSON.stringify(again.data))).toMatchObject({ ok: true, data: { new: 0, updated: 0, unchanged: 4, conflicting: 0, newTags: [] } });
  });

  it.each([
    ['a text file', strToU8('just text'), 'is not a zip file'],
    ['a zip without project.qde', zipSync({ 'readme.txt': strToU8('hi') }), 'holds no project.qde'],
    ['broken XML', zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0"><Users>') }), 'is not well-formed XML'],
    ['a codebook instead', zipSync({ 'project.qde': strToU8(toQdc(refiDataset())) }), 'a REFI-QDA codebook (.qdc) is imported with “Import a codebook”'],
    ['a source without page and comment', zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="11111111-1111-4111-8111-111111111111" name="Interview 1"><PlainTextContent>hi</PlainTextContent></TextSource></Sources></Project>') }), 'TextSource[0] “Interview 1” has no “page” and “comment” variables'],
    ['a selection beyond the text', (() => {
      const zip = files();
      return zipSync({ ...zip, 'project.qde': strToU8(strFromU8(zip['project.qde']).replace(`endPosition="${PASSAGES.price[1]}"`, 'endPosition="999"')) });
    })(), 'are outside the text’s 70 characters'],
  ])('refuses %s with a clear message', (_, bytes, message) => {
    const read = readQdpx(bytes, NO_CODEBOOK, 'x.qdpx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(`x.qdpx was not imported: `), expect(read.error).toContain(message);
  });
});

describe('REFI-QDA codebook (.qdc)', () => {
  it('is valid against the official Codebook.xsd, and so is an empty codebook', () => {
    expect(validate(toQdc(refiDataset()), 'codebook.qdc', 'Codebook.xsd')).toEqual(ok);
    expect(validate(toQdc({ variables: [], codebook: [] }), 'empty.qdc', 'Codebook.xsd')).toEqual(ok);
  });

  it('export → import → export is equal, with variables, nesting, definitions and guidance', () => {
    const data = refiDataset();
    const first = toQdc(data);
    const read = readQdc(first, NO_CODEBOOK);
    if (!read.ok) throw new Error(read.error);
    expect(toQdc({ variables: read.data.variables, codebook: read.data.tags })).toBe(first);
    expect(read.data.variables).toEqual([{ ...data.variables![0], id: expect.stringMatching(/^var_/) }]);
    const battery = read.data.tags.find((t) => t.name === 'battery complaint')!;
    expect(battery).toMatchObject({ include: 'Mentions battery life', description: 'battery complaint definition', parentId: read.data.tags.find((t) => t.name === 'negative')!.id });
    // A code made here carries its UUID: it comes back with its id.
    expect(read.data.tags.find((t) => t.name === 'positive')!.id).toBe('tag_3b0f8a52-7c1e-4d2a-9a51-0c6f1e2d3a4b');
  });

  it('through the database: export, import into an empty one, export again gives the same file', async () => {
    const db = await fresh();
    const data = refiDataset();
    await db.variables.bulkAdd(data.variables!);
    await db.tags.bulkAdd(data.codebook);
    const qdc = exportFormat('qdc');
    const first = qdc.serialise(await exportData(db, qdc)) as string;
    const other = await fresh();
    expect(await importCodebookFile(other, first, 'shared.qdc')).toEqual({ ok: true, data: { added: 6, updated: 0 } });
    expect(qdc.serialise(await exportData(other, qdc))).toBe(first);
    // Our codes come back as ours: importing our own codebook changes nothing.
    expect(await importCodebookFile(db, first, 'shared.qdc')).toEqual({ ok: true, data: { added: 0, updated: 0 } });
    expect((await db.tags.get('tag_battery'))?.hotkey).toBeNull();
    expect(codeGuid({ id: 'tag_battery' })).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
  });

  it('brings its variables into the database: codes keep their variable, nesting and single choice', async () => {
    const db = await fresh();
    expect(await importCodebookFile(db, toQdc(refiDataset()), 'shared.qdc')).toEqual({ ok: true, data: { added: 6, updated: 0 } });
    const [stance] = await db.variables.toArray();
    expect(stance).toMatchObject({ name: 'Stance', kind: 'single', include: 'Explicit judgements', examples: 'Love it\nHate it' });
    const codes = await db.tags.orderBy('order').toArray();
    expect(codes.filter((t) => t.variableId === stance.id).map((t) => t.name)).toEqual(['positive', 'negative', 'battery complaint', 'price complaint']);
    expect(codes.find((t) => t.name === 'battery complaint')?.parentId).toBe(codes.find((t) => t.name === 'negative')?.id);
  });

  it('refuses broken or foreign XML with a clear message, changing nothing', async () => {
    const db = await fresh();
    // The parser's own error line alone, not the headings Chromium's parsererror wraps it in.
    expect(await importCodebookFile(db, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>', 'a.qdc')).toMatchObject({ ok: false, error: expect.stringMatching(/^a\.qdc was not imported: a\.qdc is not well-formed XML \(error on line 1 at column \d+: [^()]+\)\.$/) });
    expect(await importCodebookFile(db, '<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>', 'b.qdc')).toMatchObject({ ok: false, error: expect.stringContaining('a REFI-QDA project (.qdpx) is imported with “Import annotations”') });
    expect(await importCodebookFile(db, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="x" isCodable="true"/></Codes></CodeBook>', 'c.qdc')).toMatchObject({ ok: false, error: 'c.qdc was not imported: Code[0] has no valid guid.' });
    expect(await db.tags.count()).toBe(0);
  });

  it('keeps definitions and guidance apart in a Description', () => {
    const entry = { description: 'Line one\nline two', include: 'a', exclude: 'b', examples: 'x\ny', kind: 'single' as const };
    expect(readDescription(descriptionOf(entry))).toEqual(entry);
    expect(readDescription(descriptionOf({ description: '', include: 'only this' }))).toEqual({ description: '', include: 'only this' });
  });
});

describe('units × coders CSV', () => {
  const tables = () => new Map(unitsTables(refiDataset()).map((t) => [t.file, t.rows]));

  it('one table per single-choice variable (code names, none, NA) and per code of a multiple-choice one (1/0)', () => {
    const all = tables();
    expect([...all.keys()]).toEqual(['Stance.csv', 'Tags - question.csv', 'Tags - Ironie äöü _.csv']);
    expect(all.get('Stance.csv')).toEqual([
      ['page_url', 'comment_key', 'alice', 'bob'],
      [PAGE, 'disqus:1', 'battery complaint; price complaint', 'positive'],
      [PAGE, 'disqus:2', 'none', MISSING],
      [PAGE, 'disqus:3', MISSING, 'none'],
    ]);
    expect(all.get('Tags - Ironie äöü _.csv')!.slice(1).map((r) => r.slice(2))).toEqual([['1', '1'], ['0', MISSING], [MISSING, '0']]);
  });

  it('zips them as CSV files R reads (no byte-order mark)', () => {
    const zip = unzipSync(toUnitsZip(refiDataset()));
    const stance = strFromU8(zip['Stance.csv']);
    expect(stance.charCodeAt(0)).not.toBe(0xfeff);
    expect(Papa.parse(stance, { skipEmptyLines: true }).data).toEqual(tables().get('Stance.csv'));
  });
});

describe('native JSON, W3C and CSV carry variables, none and segments', () => {
  it('W3C: segments as TextQuote + TextPosition selectors, none as a body, each code with its variable', () => {
    const items = (toWebAnnotations(refiDataset()) as any).first.items;
    const segment = items.find((i: any) => i.id.endsWith(':segment:seg_battery'));
    expect(segment.body).toEqual([expect.objectContaining({ value: 'battery complaint', variable: 'Stance' })]);
    expect(segment.target.selector.map((s: any) => s.refinedBy)).toEqual([
      { type: 'TextQuoteSelector', exact: 'battery 🔋 dies by noon' },
      { type: 'TextPositionSelector', start: PASSAGES.battery[0], end: PASSAGES.battery[1] },
    ]);
    const none = items.find((i: any) => i.id === 'urn:comment-annotator:annotation:ann_bob_3');
    expect(none.body.map((b: any) => b.value)).toEqual(['none', 'spam-ish']);
    expect(items.find((i: any) => i.id.endsWith('ann_bob_1')).body.map((b: any) => [b.value, b.variable])).toEqual([['positive', 'Stance'], ['Ironie äöü <&>', 'Tags']]);
  });

  it('CSV: a row per segment and for none, with the variable, every time ISO 8601 UTC', () => {
    const [header, ...rows] = Papa.parse<string[]>(toCsv(refiDataset()).slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
    const price = rows.find((r) => r[col('tag_id')] === 'tag_price')!;
    expect([price[col('variable')], price[col('segment_start')], price[col('segment_end')], price[col('segment_quote')]]).toEqual(['Stance', '52', '70', 'price <is> "steep"']);
    expect(rows.filter((r) => r[col('none')] === 'true').map((r) => r[col('annotation_id')])).toEqual(['ann_bob_3']);
    for (const row of rows) {
      for (const name of ['comment_published_at', 'created_at', 'updated_at'] as const) expect(row[col(name)]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('native JSON: a file with variables, none and segments imports, and exports them again', async () => {
    const db = await fresh();
    const data = refiDataset();
    expect(await importFile(db, JSON.stringify(data))).toMatchObject({ ok: true, data: { new: 4 } });
    const again = await exportNative(db);
    expect(again.variables?.[0]).toEqual(data.variables![0]);
    expect(again.annotations.find((a) => a.id === 'ann_bob_3')).toMatchObject({ none: true });
    expect(again.annotations.find((a) => a.id === 'ann_alice_1')?.segments).toEqual(data.annotations[0].segments);
    expect(again.codebook.find((t) => t.id === 'tag_battery')).toMatchObject({ variableId: 'var_stance', parentId: 'tag_negative-group', include: 'Mentions battery life' });
  });
});
