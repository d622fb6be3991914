import type { ExportFile } from '../lib/records';
import { CODEBOOK_FORMAT, exportNative, FORMAT, toCsv, toWebAnnotations, type ExportScope, type NativeExport } from './export';
import { toQdc } from './export-qdc';
import { toQdpx } from './export-qdpx';
import { toUnitsZip } from './export-units';
import type { AnnotatorDB } from './schema';

/**
 * One file format the extension exports. Adding a format is one entry in EXPORT_FORMATS, its
 * section in docs/export-format.md and any test of its content: tests/unit/export-formats.test.ts
 * runs every entry (review page button, download name and type, parseable output, docs row).
 */
export interface ExportFormat {
  /** Names the review page's button: `data-testid="ca-export-<id>"`. */
  id: string;
  /** The button's text, and the format's name in messages and docs. */
  label: string;
  /** What the file holds: the annotations in scope with their pages and comments, or the codebook alone. */
  holds: 'annotations' | 'codebook';
  /** The file name before its time stamp. */
  stem: string;
  /** The file name's extension, without the dot. */
  extension: string;
  /** The download's MIME type. */
  mimeType: string;
  /** The file's content: text, or the bytes of a zip. */
  serialise(data: NativeExport): string | Uint8Array<ArrayBuffer>;
}

/** Every export format, in the order the review page offers them. */
export const EXPORT_FORMATS = [
  { id: 'json', label: 'Native JSON', holds: 'annotations', stem: FORMAT, extension: 'json', mimeType: 'application/json', serialise: (data) => JSON.stringify(data) },
  { id: 'w3c', label: 'W3C Web Annotation', holds: 'annotations', stem: FORMAT, extension: 'jsonld', mimeType: 'application/ld+json', serialise: (data) => JSON.stringify(toWebAnnotations(data), null, 2) },
  { id: 'csv', label: 'CSV', holds: 'annotations', stem: FORMAT, extension: 'csv', mimeType: 'text/csv;charset=utf-8', serialise: toCsv },
  { id: 'units-csv', label: 'Units × coders CSV', holds: 'annotations', stem: `${FORMAT}-units`, extension: 'zip', mimeType: 'application/zip', serialise: toUnitsZip },
  { id: 'qdpx', label: 'REFI-QDA project', holds: 'annotations', stem: FORMAT, extension: 'qdpx', mimeType: 'application/zip', serialise: toQdpx },
  { id: 'qdc', label: 'REFI-QDA codebook', holds: 'codebook', stem: CODEBOOK_FORMAT, extension: 'qdc', mimeType: 'application/xml', serialise: toQdc },
] as const satisfies readonly ExportFormat[];

/** The id of one of EXPORT_FORMATS. */
export type ExportFormatId = (typeof EXPORT_FORMATS)[number]['id'];

/** The format with that id. */
export const exportFormat = (id: ExportFormatId): ExportFormat => EXPORT_FORMATS.find((format) => format.id === id)!;

/** An export in a format, ready to save: the format's file name (stamped with `date`), content and MIME type. */
export function exportFile(format: ExportFormat, data: NativeExport, date = new Date()): ExportFile {
  return { name: exportFileName(format, date), content: format.serialise(data), type: format.mimeType };
}

/** The file name an export is downloaded as: the format's stem, the time to the minute, its extension. */
export function exportFileName(format: ExportFormat, date = new Date()): string {
  const stamp = date.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `${format.stem}-${stamp}.${format.extension}`;
}

/** A file input's `accept` for files in that format. */
export const acceptOf = (format: ExportFormat): string => `.${format.extension},${format.mimeType}`;

const NO_ANNOTATIONS: ReadonlySet<string> = new Set();

/**
 * What a format's file is made from: the annotations in `scope` (only `annotationIds` when
 * given), or for a codebook file the whole codebook without reading any annotation.
 */
export function exportData(db: AnnotatorDB, format: ExportFormat, scope: ExportScope = { kind: 'all' }, annotationIds?: ReadonlySet<string>): Promise<NativeExport> {
  return format.holds === 'codebook' ? exportNative(db, { kind: 'all' }, NO_ANNOTATIONS) : exportNative(db, scope, annotationIds);
}
