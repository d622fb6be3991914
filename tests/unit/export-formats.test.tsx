import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/popup/PopupApp';
import { ExchangePanel } from '../../components/review/ExchangePanel';
import type { Tag } from '../../lib/records';
import type { NativeExport } from '../../storage/export';
import { EXPORT_FORMATS, exportFormat } from '../../storage/export-formats';
import { checkExportFile, importFile } from '../../storage/import';
import { AnnotatorDB } from '../../storage/schema';
import { fakeGrants } from './fake-grants';

// Every entry of EXPORT_FORMATS is run here, so a new format is tested by being added.

const PAGE = 'https://news.example.com/story';
const NOW = '2026-03-04T05:06:07.000Z';
/** NOW as the file names print it. */
const STAMP = '2026-03-04-05-06';

/** Two tags, two comments, three annotations: alice coded both comments, bob the first. */
function seedFile(): NativeExport {
  const tag = (id: string, name: string, order: number): Tag => ({ id, name, colour: '#0969da', hotkey: null, description: '', order });
  const comment = (key: string, text: string) => ({ pageUrl: PAGE, key, author: 'Jürgen', publishedAt: null, permalink: null, parentKey: null, text, savedAt: NOW });
  const annotation = (annotator: string, commentKey: string, tagIds: string[], note = '') =>
    ({ id: `ann_${annotator}_${commentKey.replace(':', '_')}`, pageUrl: PAGE, commentKey, tagIds, note, annotator, createdAt: NOW, updatedAt: NOW });
  return {
    format: 'comment-annotator', version: 1, exportedAt: NOW, scope: { kind: 'all' },
    codebook: [tag('tag_question', 'question', 0), tag('tag_irony', 'Ironie äöü', 1)],
    pages: [{ url: PAGE, layout: 'wp', metadata: null, firstSeen: NOW, lastSeen: NOW, commentCount: 2 }],
    comments: [comment('wp:1', 'First comment, "quoted"'), comment('wp:2', 'Second comment\nwith a second line')],
    annotations: [annotation('alice', 'wp:1', ['tag_question', 'tag_irony'], 'a note, with "commas"'), annotation('alice', 'wp:2', ['tag_irony']), annotation('bob', 'wp:1', ['tag_question'])],
  };
}
const TAG_NAMES = ['question', 'Ironie äöü'];

const parseCsv = (text: string) => {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(parsed.errors[0].message);
  return parsed.data;
};
const parseXml = (text: string) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('not well-formed XML');
  return doc.documentElement.outerHTML;
};
/** A zip's files as text, by name. */
const unzipText = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

/** Parses a file by its MIME type (without parameters): a format of a new type needs its parser here. */
const PARSERS: Record<string, (bytes: Uint8Array) => unknown> = {
  'application/json': (bytes) => JSON.parse(strFromU8(bytes)),
  'application/ld+json': (bytes) => JSON.parse(strFromU8(bytes)),
  'text/csv': (bytes) => parseCsv(strFromU8(bytes)),
  'application/xml': (bytes) => parseXml(strFromU8(bytes)),
  // Every file of the zip parsed by its extension.
  'application/zip': (bytes) => Object.fromEntries(Object.entries(unzipText(bytes)).map(([name, text]) =>
    [name, name.endsWith('.csv') ? parseCsv(text) : /\.(qde|xml)$/.test(name) ? parseXml(text) : text])),
};
const essence = (mimeType: string) => mimeType.split(';')[0].trim();

interface Download { name: string; type: string; bytes: Promise<ArrayBuffer> }
let downloads: Download[];
let db: AnnotatorDB;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  downloads = [];
  // The download helper makes an object URL of a Blob and clicks a link to it: both are caught here.
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    downloads.push({ name: this.download, type: blob.type, bytes: blob.arrayBuffer() });
  });
  db = new AnnotatorDB(`formats-${crypto.randomUUID()}`);
  expect((await importFile(db, JSON.stringify(seedFile()))).ok).toBe(true);
});
afterEach(async () => {
  render(null, document.body);
  document.body.innerHTML = '';
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

function mount(node: preact.VNode): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

/** Clicks the element and answers the one download it started: its bytes, and its text (a zip's files' text, joined). */
async function download(button: Element | null): Promise<Download & { data: Uint8Array; content: string }> {
  expect(button).not.toBeNull();
  (button as HTMLElement).click();
  await vi.waitFor(() => expect(downloads).toHaveLength(1));
  const data = new Uint8Array(await downloads[0].bytes);
  const content = essence(downloads[0].type) === 'application/zip' ? Object.values(unzipText(data)).join('\n') : strFromU8(data);
  return { ...downloads[0], data, content };
}

describe.each(EXPORT_FORMATS.map((format) => ({ ...format, format })))('the $label format', ({ format }) => {
  it('the review page’s button downloads it under its file name and MIME type, parseable, with the seed’s tags', async () => {
    const root = mount(<ExchangePanel db={db} shown={3} shownIds={async () => []} filtered={false} />);
    const button = root.querySelector(`[data-testid="ca-export-${format.id}"]`);
    expect(button?.textContent).toBe(format.label);
    const file = await download(button);
    expect(file.name).toBe(`${format.stem}-${STAMP}.${format.extension}`);
    expect(file.type).toBe(format.mimeType);
    const parse = PARSERS[essence(format.mimeType)];
    expect(parse, `no parser for ${format.mimeType}: add one to PARSERS`).toBeDefined();
    const parsed = JSON.stringify(parse(file.data));
    for (const name of TAG_NAMES) expect(parsed).toContain(name);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="exchange-status"]')?.textContent).toMatch(/^Exported /));
  });

  it('under a filter, holds only the shown annotations, or for the codebook every tag without asking which are shown', async () => {
    const shownIds = vi.fn(async () => ['ann_bob_wp_1']);
    const root = mount(<ExchangePanel db={db} shown={1} shownIds={shownIds} filtered />);
    const file = await download(root.querySelector(`[data-testid="ca-export-${format.id}"]`));
    const status = await vi.waitFor(() => {
      const text = root.querySelector('[data-testid="exchange-status"]')?.textContent;
      expect(text).toMatch(/^Exported /);
      return text;
    });
    if (format.holds === 'codebook') {
      expect(shownIds).not.toHaveBeenCalled();
      for (const name of TAG_NAMES) expect(file.content).toContain(name);
    } else {
      expect(shownIds).toHaveBeenCalledOnce();
      expect(status).toBe(`Exported 1 annotations (${format.label}).`);
      expect(file.content).not.toContain('Second comment'); // only alice coded it
    }
  });
});

describe('EXPORT_FORMATS', () => {
  it('gives every format its own id and its own file name', () => {
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
    expect(new Set(EXPORT_FORMATS.map((f) => `${f.stem}.${f.extension}`)).size).toBe(EXPORT_FORMATS.length);
  });

  it('docs/export-format.md lists every format with its file name and MIME type', () => {
    const rows = readFileSync('docs/export-format.md', 'utf8').split('\n').filter((line) => line.startsWith('| '));
    for (const format of EXPORT_FORMATS) {
      const row = rows.find((line) => line.startsWith(`| ${format.label} |`));
      expect(row, `no row for ${format.label}`).toBeDefined();
      expect(row).toContain(`\`${format.stem}-YYYY-MM-DD-HH-MM.${format.extension}\``);
      expect(row).toContain(`\`${format.mimeType}\``);
    }
  });
});

describe('the popup’s export', () => {
  it('downloads the native format: its file name and MIME type, a file the import accepts', async () => {
    fakeGrants();
    const root = mount(<PopupApp db={db} />);
    const button = await vi.waitFor(() => {
      const found = root.querySelector('[data-testid="ca-export-json"]');
      expect(found).not.toBeNull();
      return found;
    });
    const file = await download(button);
    const native = exportFormat('json');
    expect(file.name).toBe(`${native.stem}-${STAMP}.${native.extension}`);
    expect(file.type).toBe(native.mimeType);
    const checked = checkExportFile(file.content);
    expect(checked.ok && checked.data.annotations.map((a) => a.id)).toEqual(['ann_alice_wp_1', 'ann_alice_wp_2', 'ann_bob_wp_1']);
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Exported 3 annotations.'));
  });
});
