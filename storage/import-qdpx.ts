import { strFromU8, unzipSync } from 'fflate';
import { FORMAT, FORMAT_VERSION, type ExportedPage, type NativeExport } from './export';
import { SOURCE_VARIABLES, type SourceVariable } from './export-qdpx';
import { MAX_IMPORT_BYTES } from './import';
import { child, children, guidAttr, guidIn, ourCodebook, parseXml, readCodes, Refused, refusedFile, textOf, type OurCodebook } from './import-refi';
import type { Checked } from './import-schema';
import { guidOf, NONE_CODE, PROJECT_NS } from './refi-qda';
import type { AnnotatorDB } from './schema';
import { commentId } from '../lib/comment-id';
import { inCodebookOrder } from '../lib/edits';
import { isoUtc } from '../lib/format-time';
import type { Annotation } from '../lib/records';

// Reads a .qdpx project into a native export, which the usual import pipeline (storage/import*.ts)
// checks, previews and merges: nothing here writes.

/** Whether bytes are a zip (a .qdpx), by their first bytes. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** When something happened: an attribute's time as ISO 8601 UTC, or `fallback`. */
const timeOf = (el: Element, attribute: string, fallback: string) => isoUtc(el.getAttribute(attribute)) || fallback;

/** What the project says besides its sources: users, codes, source variables and notes by GUID. */
interface ProjectParts {
  users: Map<string, string>;
  codeIds: Map<string, string>;
  variableNames: Map<string, string>;
  notes: Map<string, Element>;
  codebookOrder: string[];
  exportedAt: string;
}

/** A source's variables (those of SOURCE_VARIABLES) by name. */
function sourceValues(source: Element, parts: ProjectParts): Map<SourceVariable, string> {
  const values = new Map<SourceVariable, string>();
  for (const value of children(source, 'VariableValue')) {
    const variable = SOURCE_VARIABLES.find((x) => x.name === parts.variableNames.get(guidIn(child(value, 'VariableRef')?.getAttribute('targetGUID'))));
    const content = Array.from(value.children).find((c) => c.localName !== 'VariableRef');
    if (variable && content) values.set(variable.name, content.textContent ?? '');
  }
  return values;
}

/**
 * One TextSource as a comment and its coders' annotations: whole-source codings are codes
 * (or "no code applies"), selections segments (quotes cut by code points), notes it refers to
 * the note; each annotation spans the times of its parts.
 */
function readSource(source: Element, where: string, files: Map<string, Uint8Array>, parts: ProjectParts) {
  const values = sourceValues(source, parts);
  const pageUrl = values.get('page');
  const key = values.get('comment');
  if (!pageUrl || !key) throw new Refused(`${where} has no “page” and “comment” variables, which tell which web comment it is: only projects exported by Comment Annotator can be imported.`);
  const path = source.getAttribute('plainTextPath');
  const stored = path ? files.get(path.replace(/^internal:\/\//, 'sources/').toLowerCase()) : undefined;
  if (path && !stored && !child(source, 'PlainTextContent')) throw new Refused(`${where}: its text ${path} is missing from the zip.`);
  const text = stored ? strFromU8(stored) : textOf(child(source, 'PlainTextContent'));
  const points = Array.from(text);
  const savedAt = timeOf(source, 'creationDateTime', parts.exportedAt);
  const comment = { pageUrl, key, author: values.get('author') ?? null, publishedAt: isoUtc(values.get('time')) || null, permalink: values.get('permalink') ?? null, parentKey: values.get('parent') ?? null, text, savedAt };

  const byUser = new Map<string, Annotation>();
  const annotationOf = (el: Element, at: string) => {
    const user = guidIn(el.getAttribute('creatingUser'));
    const annotator = parts.users.get(user) ?? (user || 'unknown');
    const a = byUser.get(annotator) ?? { id: `ann_${guidOf('annotation', `${annotator}\n${commentId(pageUrl, key)}`)}`, pageUrl, commentKey: key, tagIds: [], note: '', annotator, createdAt: at, updatedAt: at };
    byUser.set(annotator, a);
    if (at < a.createdAt) a.createdAt = at;
    if (at > a.updatedAt) a.updatedAt = at;
    return a;
  };
  const codeOf = (coding: Element, at: string) => {
    const ref = guidIn(child(coding, 'CodeRef')?.getAttribute('targetGUID'));
    if (ref === NONE_CODE.guid) return null;
    const tagId = parts.codeIds.get(ref);
    if (!tagId) throw new Refused(`${at}: a Coding refers to the code ${ref || '(none)'}, which the codebook does not have.`);
    return tagId;
  };
  for (const coding of children(source, 'Coding')) {
    const a = annotationOf(coding, timeOf(coding, 'creationDateTime', savedAt));
    const tagId = codeOf(coding, where);
    if (tagId === null) a.none = true;
    else if (!a.tagIds.includes(tagId)) a.tagIds.push(tagId);
  }
  children(source, 'PlainTextSelection').forEach((selection, j) => {
    const at = `${where}.PlainTextSelection[${j}]`;
    const start = Number(selection.getAttribute('startPosition'));
    const end = Number(selection.getAttribute('endPosition'));
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > points.length) {
      throw new Refused(`${at}: the positions ${start}–${end} are outside the text’s ${points.length} characters.`);
    }
    const createdAt = timeOf(selection, 'creationDateTime', savedAt);
    for (const coding of children(selection, 'Coding')) {
      const a = annotationOf(coding.hasAttribute('creatingUser') ? coding : selection, createdAt);
      const tagId = codeOf(coding, at);
      if (tagId !== null) a.segments = [...(a.segments ?? []), { id: `seg_${guidAttr(coding, `${at}.Coding`)}`, tagId, quote: points.slice(start, end).join(''), start, end, createdAt }];
    }
  });
  for (const ref of children(source, 'NoteRef')) {
    const note = parts.notes.get(guidIn(ref.getAttribute('targetGUID')));
    if (!note) continue;
    const created = timeOf(note, 'creationDateTime', savedAt);
    const a = annotationOf(note, created);
    annotationOf(note, timeOf(note, 'modifiedDateTime', created));
    const text = textOf(child(note, 'PlainTextContent'));
    a.note = a.note ? `${a.note}\n\n${text}` : text;
  }
  const annotations = [...byUser.values()].map((a) => {
    a.tagIds = inCodebookOrder(a.tagIds, parts.codebookOrder);
    // Whole-comment codes and "no code applies" exclude each other (lib/edits.ts): codes win.
    if (a.tagIds.length) delete a.none;
    return a;
  });
  return { comment, annotations };
}

/**
 * Reads a .qdpx project into a native export: each TextSource a comment, matched to ours by its
 * `page` and `comment` variables (as toQdpx writes them); each user's codings of a source
 * become that user's annotation. Codes and variables that come back by GUID keep `ours`' ids.
 */
export function readQdpx(bytes: Uint8Array, ours: OurCodebook, name = 'The file'): Checked<NativeExport> {
  try {
    if (!isZip(bytes)) throw new Refused(`${name} is not a zip file, as a .qdpx project is.`);
    let zip: Record<string, Uint8Array>;
    try {
      zip = unzipSync(bytes);
    } catch (error) {
      throw new Refused(`${name} is a broken zip file (${(error as Error).message}).`);
    }
    const files = new Map(Object.entries(zip).map(([path, data]) => [path.toLowerCase(), data]));
    const projectFile = files.get('project.qde');
    if (!projectFile) throw new Refused(`${name} holds no project.qde: it is not a REFI-QDA project.`);
    const root = parseXml(strFromU8(projectFile), 'Project', PROJECT_NS, `${name}'s project.qde`);
    const section = (parent: string, item: string) => children(child(root, parent) ?? root, item);
    const { variables, tags, codeIds } = readCodes(child(child(root, 'CodeBook') ?? root, 'Codes') ?? root, ours);
    const parts: ProjectParts = {
      users: new Map(section('Users', 'User').map((u) => [guidAttr(u, 'A User'), u.getAttribute('name') || u.getAttribute('id') || guidAttr(u, 'A User')])),
      codeIds,
      variableNames: new Map(section('Variables', 'Variable').map((x) => [guidAttr(x, 'A Variable'), x.getAttribute('name') ?? ''])),
      notes: new Map(section('Notes', 'Note').map((n) => [guidAttr(n, 'A Note'), n])),
      // Our codebook's order first: an annotation that comes back lists its codes as we store them.
      codebookOrder: [...[...ours.tags].sort((a, b) => a.order - b.order).map((t) => t.id), ...tags.map((t) => t.id)],
      exportedAt: timeOf(root, 'creationDateTime', new Date().toISOString()),
    };
    const data: NativeExport = { format: FORMAT, version: FORMAT_VERSION, exportedAt: parts.exportedAt, scope: { kind: 'all' }, variables, codebook: tags, pages: [], comments: [], annotations: [] };
    const pages = new Map<string, ExportedPage>();
    section('Sources', 'TextSource').forEach((source, i) => {
      const { comment, annotations } = readSource(source, `TextSource[${i}] “${source.getAttribute('name') ?? ''}”`, files, parts);
      const page = pages.get(comment.pageUrl) ?? { url: comment.pageUrl, layout: null, metadata: null, firstSeen: comment.savedAt, lastSeen: comment.savedAt, commentCount: 0 };
      page.commentCount++;
      if (comment.savedAt < page.firstSeen) page.firstSeen = comment.savedAt;
      if (comment.savedAt > page.lastSeen) page.lastSeen = comment.savedAt;
      pages.set(page.url, page);
      data.comments.push(comment);
      data.annotations.push(...annotations);
    });
    data.pages = [...pages.values()].sort((a, b) => (a.url < b.url ? -1 : 1));
    return { ok: true, data };
  } catch (error) {
    return refusedFile(name, error);
  }
}

/**
 * The file to give the native import (storage/import-job.ts): a .qdpx read into a native
 * export's JSON, any other file as it is. Throws the reason a .qdpx cannot be imported.
 */
export async function nativeImportFile(db: AnnotatorDB, file: Blob, name: string): Promise<Blob> {
  // Too large: the worker refuses it with its own message, before reading.
  if (file.size > MAX_IMPORT_BYTES || !isZip(new Uint8Array(await file.slice(0, 2).arrayBuffer()))) return file;
  const read = readQdpx(new Uint8Array(await file.arrayBuffer()), await ourCodebook(db), name);
  if (!read.ok) throw new Error(read.error);
  return new Blob([JSON.stringify(read.data)], { type: 'application/json' });
}
