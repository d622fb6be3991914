import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTag } from '../../storage/annotations';
import { loadCodebook } from '../../storage/codebook';
import { exportNative, toCodebookFile, toCsv, toWebAnnotations, type NativeExport } from '../../storage/export';
import { checkCodebookFile, checkExportFile } from '../../storage/import';
import { AnnotatorDB } from '../../storage/schema';

// Issue "The panel and review page, polished", point 9: every refused import says what the file
// is, which files can be imported, and how such a file begins, in words a reader understands.

let db: AnnotatorDB;
let native: NativeExport;
beforeAll(async () => {
  db = new AnnotatorDB(`messages-${crypto.randomUUID()}`);
  const order = (await loadCodebook(db)).map((t) => t.id);
  const url = 'https://www.xperiablog.net/a/';
  await setTag(db, {
    page: { url, layout: 'disqus', metadata: null, commentCount: 1 },
    comment: { key: 'disqus:1', author: 'A', publishedAt: null, permalink: null, parentKey: null, text: 'A comment' },
    annotator: 'alice',
  }, 'tag_spam', true, order);
  native = await exportNative(db);
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const ANNOTATIONS_HELP = '“Import annotations” takes Comment Annotator’s own annotation export (the “Native JSON” export), a JSON file that starts with {"format": "comment-annotator", "version": 1, …}';
const CODEBOOK_HELP = '“Import a codebook” takes a REFI-QDA codebook (.qdc, the “REFI-QDA codebook” export) or a Comment Annotator codebook file of earlier versions, a JSON file that starts with {"format": "comment-annotator-codebook", "version": 1, …}';

/** A Label Studio JSON export of one text task, as its "Export → JSON" writes it. */
const LABEL_STUDIO = [{
  id: 1, data: { text: 'A comment' }, meta: {}, created_at: '2024-05-01T10:00:00.000Z', updated_at: '2024-05-01T10:00:00.000Z', project: 3,
  annotations: [{ id: 7, completed_by: 1, result: [{ value: { choices: ['Spam'] }, id: 'x1', from_name: 'sentiment', to_name: 'text', type: 'choices', origin: 'manual' }], was_cancelled: false, ground_truth: false, lead_time: 2.5 }],
  predictions: [],
}];
/** The same as Label Studio's "JSON-MIN" export writes it. */
const LABEL_STUDIO_MIN = [{ text: 'A comment', id: 1, annotator: 1, annotation_id: 7, created_at: '2024-05-01T10:00:00.000Z', updated_at: '2024-05-01T10:00:00.000Z', lead_time: 2.5, sentiment: 'Spam' }];

const refused = (result: { ok: boolean; error?: string }) => {
  expect(result.ok).toBe(false);
  return (result as { error: string }).error;
};

describe('what a refused annotation import says', () => {
  const cases: [string, () => string, string][] = [
    ['a plain text file', () => 'hello, this is a plain text file\nwith two lines\n', 'This file is not JSON: it begins “hello, this is a plain text file”.'],
    ['a long line of text', () => 'x'.repeat(100), `This file is not JSON: it begins “${'x'.repeat(40)}…”.`],
    ['an HTML page', () => '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'This file is a web page or XML (it begins “<!DOCTYPE html><html><body><script>alert…”), not JSON.'],
    ['a binary file', () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'This file is not JSON, nor text: it looks like an image, a PDF, a zip archive or a similar binary file.'],
    ['our CSV export', () => toCsv(native), 'This is a Comment Annotator CSV export: this version exports CSV for spreadsheets and R but cannot import it.'],
    ['our export cut short', () => JSON.stringify(native).slice(0, 200), 'This file starts like JSON but is broken: it ends too early (was it cut short, or its download not finished?).'],
    ['JSON with a stray character', () => '{"format": "comment-annotator",\n  "version": 1 x}', 'This file starts like JSON but is broken: it breaks at line 2, column 16.'],
    ['a JSON list', () => '[1,2,3]', 'This file holds a JSON list (of 3 items), not the JSON object a Comment Annotator file is.'],
    ['JSON null', () => 'null', 'This file holds a single JSON null (null), not the JSON object a Comment Annotator file is.'],
    ['a JSON string', () => '"hello"', 'This file holds a single JSON string ("hello"), not the JSON object a Comment Annotator file is.'],
    ['a Label Studio JSON export', () => JSON.stringify(LABEL_STUDIO), 'This is a Label Studio export (a JSON list of tasks), not a Comment Annotator file: Comment Annotator cannot import Label Studio files.'],
    ['a Label Studio JSON-MIN export', () => JSON.stringify(LABEL_STUDIO_MIN), 'This is a Label Studio export (a JSON list of tasks), not a Comment Annotator file: Comment Annotator cannot import Label Studio files.'],
    ['one Label Studio task', () => JSON.stringify(LABEL_STUDIO[0]), 'This is a Label Studio export (a task), not a Comment Annotator file: Comment Annotator cannot import Label Studio files.'],
    ['our W3C Web Annotation export', () => JSON.stringify(toWebAnnotations(native)), 'This is a W3C Web Annotation export (the review page’s “W3C Web Annotation” export): this version exports that format but cannot import it.'],
    ['another tool’s Web Annotation', () => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://example.org/anno1', type: 'Annotation', body: 'x', target: 'https://example.org/' }), 'This is a W3C Web Annotation file (JSON-LD): this version exports that format but cannot import it.'],
    ['a codebook file', () => JSON.stringify({ format: 'comment-annotator-codebook', version: 1, exportedAt: native.exportedAt, codebook: native.codebook }), 'This is a Comment Annotator codebook file, not an annotation export: give it to “Import a codebook”.'],
    ['another format', () => JSON.stringify({ ...native, format: 'hypothesis' }), 'This JSON file is not a Comment Annotator file: its "format" is "hypothesis".'],
    ['an object without a format', () => JSON.stringify({ total: 2, rows: [], a: 1, b: 2, c: 3, d: 4 }), 'This JSON file is not a Comment Annotator file: it has no "format" field (it holds "total", "rows", "a", "b", "c", …).'],
    ['an empty file', () => '', 'The file is empty.'],
  ];

  it.each(cases)('%s: what it is, then which files can be imported and how they begin', (_name, make, what) => {
    const error = refused(checkExportFile(make()));
    expect(error).toBe(`${what} ${ANNOTATIONS_HELP}, or a REFI-QDA project (.qdpx); a codebook (a REFI-QDA .qdc, or a file that starts with {"format": "comment-annotator-codebook", "version": 1, …}) goes to “Import a codebook”.`);
    expect(error).not.toMatch(/Unexpected token|is not valid JSON|holds no object|is missing/);
  });

  it('a key that could reach a prototype is named, with no JSON reader’s words', () => {
    expect(refused(checkExportFile('{"__proto__": {"polluted": true}}'))).toBe('This file is refused: the key "__proto__" is not allowed in a Comment Annotator file.');
  });
});

describe('what a refused codebook import says', () => {
  it('an annotation export: give it to the other import', () => {
    expect(refused(checkCodebookFile(JSON.stringify(native)))).toBe(`This is a Comment Annotator annotation export, not a codebook file: give it to “Import annotations” (its codebook comes along). ${CODEBOOK_HELP}; an annotation export ({"format": "comment-annotator", "version": 1, …}, or a .qdpx) goes to “Import annotations”.`);
  });

  it('a text file: not JSON, and what a codebook file looks like', async () => {
    const error = refused(checkCodebookFile('hello, this is a plain text file'));
    expect(error).toMatch(/^This file is not JSON: it begins “hello, this is a plain text file”\. “Import a codebook” takes/);
    expect(error).toContain('{"format": "comment-annotator-codebook", "version": 1, …}');
    // And a real codebook file begins as the message says.
    expect(JSON.stringify(toCodebookFile(await exportNative(db)))).toMatch(/^\{"format":"comment-annotator-codebook","version":1,/);
  });

  it('our own export begins as the annotation import’s message says', () => {
    expect(JSON.stringify(native)).toMatch(/^\{"format":"comment-annotator","version":1,/);
  });
});
