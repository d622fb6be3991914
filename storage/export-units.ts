import { strToU8, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';
import type { NativeExport } from './export';
import { codesByVariable, isCodable } from '../lib/codebook';
import { commentId } from '../lib/comment-id';
import { isCoded } from '../lib/edits';
import type { Annotation } from '../lib/records';

/** A coder who did not code a comment: R's read.csv and readr both read it as missing. */
export const MISSING = 'NA';

/** One units × coders table: its file name in the zip and its rows (the first is the header). */
export interface UnitsTable {
  file: string;
  rows: string[][];
}

const fileName = (name: string) => `${name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim().slice(0, 80) || 'variable'}.csv`;

/**
 * The export as units × coders tables, the shape R's irr (`kripp.alpha(t(m))`, `kappam.fleiss(m)`)
 * and tidycomm read: one row per comment (`page_url`, `comment_key`), one column per coder.
 * A single-choice variable is one table whose cells name the code the coder chose (`none` when
 * the coder coded the comment without a code of the variable); a multiple-choice variable is one
 * table per code, cells 1 or 0. A code counts when put on the whole comment or on a segment of it.
 * A coder who did not code the comment (or only wrote a note) gets MISSING.
 */
export function unitsTables(data: NativeExport): UnitsTable[] {
  const coders = [...new Set(data.annotations.filter(isCoded).map((a) => a.annotator))].sort();
  const byUnit = new Map<string, Map<string, Set<string>>>();
  const units: Annotation[] = [];
  for (const a of data.annotations) {
    if (!isCoded(a)) continue;
    const id = commentId(a.pageUrl, a.commentKey);
    if (!byUnit.has(id)) {
      byUnit.set(id, new Map());
      units.push(a);
    }
    byUnit.get(id)!.set(a.annotator, new Set([...a.tagIds, ...(a.segments ?? []).map((s) => s.tagId)]));
  }
  units.sort((a, b) => commentId(a.pageUrl, a.commentKey).localeCompare(commentId(b.pageUrl, b.commentKey)));
  const header = ['page_url', 'comment_key', ...coders];
  const table = (file: string, cell: (codes: Set<string>) => string): UnitsTable => ({
    file: fileName(file),
    rows: [header, ...units.map((u) => {
      const coded = byUnit.get(commentId(u.pageUrl, u.commentKey))!;
      return [u.pageUrl, u.commentKey, ...coders.map((coder) => {
        const codes = coded.get(coder);
        return codes ? cell(codes) : MISSING;
      })];
    })],
  });
  return codesByVariable(data.variables ?? [], data.codebook).flatMap(({ variable, codes }) => {
    const codable = codes.filter(isCodable);
    if (variable.kind === 'single') {
      return [table(variable.name, (has) => codable.filter((c) => has.has(c.id)).map((c) => c.name).join('; ') || 'none')];
    }
    return codable.map((code) => table(`${variable.name} - ${code.name}`, (has) => (has.has(code.id) ? '1' : '0')));
  });
}

/** The units × coders tables as a zip of CSV files (UTF-8 without a byte-order mark, RFC 4180). */
export function toUnitsZip(data: NativeExport): Uint8Array<ArrayBuffer> {
  const files: Zippable = {};
  const used = new Set<string>();
  for (const { file, rows } of unitsTables(data)) {
    let name = file;
    for (let n = 2; used.has(name); n++) name = file.replace(/\.csv$/, `-${n}.csv`);
    used.add(name);
    files[name] = strToU8(`${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
  }
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
