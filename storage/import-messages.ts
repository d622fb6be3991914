import { CODEBOOK_FORMAT, CSV_COLUMNS, FORMAT, FORMAT_VERSION } from './export';

// A refused import says in plain words what the file is, which files can be imported, and what
// they look like: "Unexpected token 'h', "hello, thi"... is not valid JSON" read like a crash.

/** Which import a file was given to: annotations (a native export) or a codebook. */
export type ImportKind = 'annotations' | 'codebook';

const START = {
  annotations: `{"format": "${FORMAT}", "version": ${FORMAT_VERSION}, …}`,
  codebook: `{"format": "${CODEBOOK_FORMAT}", "version": ${FORMAT_VERSION}, …}`,
};

// The `format` a file for each import holds.
const FORMAT_OF: Record<ImportKind, string> = { annotations: FORMAT, codebook: CODEBOOK_FORMAT };

/** Which files an import takes and how they begin: said after every refusal. */
export function importableFiles(kind: ImportKind): string {
  return kind === 'annotations'
    ? `“Import annotations” takes Comment Annotator’s own annotation export (the “Native JSON” export), a JSON file that starts with ${START.annotations}, or a REFI-QDA project (.qdpx); a codebook (a REFI-QDA .qdc, or a file that starts with ${START.codebook}) goes to “Import a codebook”.`
    : `“Import a codebook” takes a REFI-QDA codebook (.qdc, the “REFI-QDA codebook” export) or a Comment Annotator codebook file of earlier versions, a JSON file that starts with ${START.codebook}; an annotation export (${START.annotations}, or a .qdpx) goes to “Import annotations”.`;
}

/** What a refusal says: what the file is, then which files the import takes. */
export const refusal = (what: string, kind: ImportKind) => `${what} ${importableFiles(kind)}`;

/** The file's first line, shortened, to show the reader which file they picked. */
function beginning(text: string): string {
  const line = text.trimStart().split(/\r?\n/, 1)[0].replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** Where JSON.parse stopped in `text`, as Chromium ("position 12") or Firefox ("line 1 column 13") says it. */
function whereItBreaks(text: string, message: string): string {
  const cutShort = 'it ends too early (was it cut short, or its download not finished?)';
  if (/unexpected end|end of data/i.test(message)) return cutShort;
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `it breaks at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return `the JSON reader says: ${message}`;
  // Stopped at the very end (in an unfinished string, say): the text was cut.
  if (Number(position[1]) >= text.trimEnd().length) return cutShort;
  const before = text.slice(0, Number(position[1])).split('\n');
  return `it breaks at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Why a text that JSON.parse refused (with `message`) is no file of ours. */
export function notJson(text: string, message: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  // Control characters (other than tab and line breaks) in the first kilobyte: not text at all.
  if (/[\u0000-\u0008\u000e-\u001a]/.test(start.slice(0, 1024))) return 'This file is not JSON, nor text: it looks like an image, a PDF, a zip archive or a similar binary file.';
  if (start.startsWith('<')) return `This file is a web page or XML (it begins “${beginning(start)}”), not JSON.`;
  if (start.startsWith(CSV_COLUMNS.slice(0, 3).join(','))) return 'This is a Comment Annotator CSV export: this version exports CSV for spreadsheets and R but cannot import it.';
  if (/^[[{]/.test(start)) return `This file starts like JSON but is broken: ${whereItBreaks(text, message)}.`;
  return `This file is not JSON: it begins “${beginning(start)}”.`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A Label Studio task: its JSON export ({data, annotations}), older completions, or JSON-MIN's flat rows. */
function isLabelStudioTask(item: unknown): boolean {
  if (!isObject(item)) return false;
  return (isObject(item.data) && ['annotations', 'predictions', 'completions'].some((key) => Array.isArray(item[key])))
    || ('annotation_id' in item && 'annotator' in item);
}

/** A W3C Web Annotation document: its JSON-LD context, or one of its types. */
function isWebAnnotation(file: Record<string, unknown>): boolean {
  const context = JSON.stringify(file['@context'] ?? '');
  return context.includes('w3.org/ns/anno') || ['Annotation', 'AnnotationCollection', 'AnnotationPage'].includes(String(file.type));
}

const LABEL_STUDIO = 'This is a Label Studio export (a JSON list of tasks), not a Comment Annotator file: Comment Annotator cannot import Label Studio files.';

/**
 * Why parsed JSON is not a file for `kind` (a list, a single value, another program's file, our
 * other kind of file), or null when its `format` is the one `kind` takes.
 */
export function foreignFile(data: unknown, kind: ImportKind): string | null {
  if (Array.isArray(data)) {
    if (isLabelStudioTask(data[0])) return LABEL_STUDIO;
    return `This file holds a JSON list (of ${data.length} ${data.length === 1 ? 'item' : 'items'}), not the JSON object a Comment Annotator file is.`;
  }
  if (!isObject(data)) return `This file holds a single JSON ${data === null ? 'null' : typeof data} (${beginning(JSON.stringify(data))}), not the JSON object a Comment Annotator file is.`;
  if (data.format === FORMAT_OF[kind]) return null;
  if (data.format === FORMAT) return 'This is a Comment Annotator annotation export, not a codebook file: give it to “Import annotations” (its codebook comes along).';
  if (data.format === FORMAT_OF.codebook) return 'This is a Comment Annotator codebook file, not an annotation export: give it to “Import a codebook”.';
  if (isWebAnnotation(data)) {
    const ours = String(data.id ?? '').startsWith(`urn:${FORMAT}:`);
    return `This is a W3C Web Annotation ${ours ? 'export (the review page’s “W3C Web Annotation” export)' : 'file (JSON-LD)'}: this version exports that format but cannot import it.`;
  }
  if (isLabelStudioTask(data)) return LABEL_STUDIO.replace('(a JSON list of tasks)', '(a task)');
  if ('format' in data) return `This JSON file is not a Comment Annotator file: its "format" is ${beginning(JSON.stringify(data.format) ?? String(data.format))}.`;
  const keys = Object.keys(data);
  return `This JSON file is not a Comment Annotator file: it has no "format" field (it holds ${keys.length ? keys.slice(0, 5).map((k) => `"${k}"`).join(', ') + (keys.length > 5 ? ', …' : '') : 'nothing'}).`;
}
