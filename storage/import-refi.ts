import { strFromU8, unzipSync } from 'fflate';
import * as v from 'valibot';
import { FORMAT, FORMAT_VERSION, storedVariables, type NativeExport } from './export';
import { applyCodebook, checkCodebookFile, MAX_IMPORT_BYTES, type VariableStore } from './import';
import type { AnnotatorDB } from './schema';
import { SOURCE_VARIABLES, type SourceVariable } from './export-qdpx';
import { TagSchema, VariableSchema, type Checked } from './import-schema';
import { codeGuid, CODEBOOK_NS, guidOf, NONE_CODE, PROJECT_NS, readDescription, variableGuid } from './refi-qda';
import { TAGS_VARIABLE } from '../lib/codebook';
import { commentId } from '../lib/comment-id';
import { inCodebookOrder } from '../lib/edits';
import { isoUtc } from '../lib/format-time';
import type { Annotation, Segment, Tag, Variable } from '../lib/records';

// Reads REFI-QDA files (docs/export-format.md): a .qdc codebook into variables and codes, a .qdpx
// project into a native export the usual import pipeline checks, previews and merges. Parsed
// with DOMParser, so it runs on the review page (and in happy-dom), not in a worker.

/** A codebook as a REFI-QDA file holds it: variables and their codes. */
export interface RefiCodebook {
  variables: Variable[];
  tags: Tag[];
}

/** Our codebook, so a code or variable that comes back keeps its id (and a code its hotkey). */
export interface OurCodebook {
  variables: readonly Variable[];
  tags: readonly Tag[];
}

/** A broken or foreign file: its message is shown as it is. */
class Refused extends Error {}

const DEFAULT_COLOUR = '#656d76';
const children = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name);
const child = (el: Element, name: string) => children(el, name)[0] ?? null;
const textOf = (el: Element | null) => el?.textContent ?? '';

function parseXml(text: string, root: string, namespace: string, what: string): Element {
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error || !doc.documentElement) throw new Refused(`${what} is not well-formed XML${error?.textContent ? ` (${error.textContent.trim().split('\n')[0]})` : ''}.`);
  const found = doc.documentElement;
  if (found.localName !== root) throw new Refused(`${what} has the root <${found.localName}>, not <${root}>${found.localName === 'Project' ? ': a REFI-QDA project (.qdpx) is imported with “Import annotations”' : found.localName === 'CodeBook' ? ': a REFI-QDA codebook (.qdc) is imported with “Import a codebook”' : ''}.`);
  if (found.namespaceURI && found.namespaceURI !== namespace) throw new Refused(`${what} is in the namespace ${found.namespaceURI}, not REFI-QDA's ${namespace}.`);
  return found;
}

const colourOf = (value: string | null) => {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value ?? '')?.[1];
  if (!hex) return DEFAULT_COLOUR;
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`.toLowerCase();
};

const guidAttr = (el: Element, where: string) => {
  const guid = el.getAttribute('guid')?.replace(/[{}]/g, '').toLowerCase();
  if (!guid || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid)) throw new Refused(`${where} has no valid guid.`);
  return guid;
};

/**
 * The codebook of a <Codes> element: a top-level code that only groups (isCodable false) and
 * holds codes is a variable (TAGS_VARIABLE's code: no variable), any other top-level code a
 * code without variable; codes nest under codes by parentId. A code or variable whose GUID
 * is one of ours keeps our id; others get `tag_<guid>` / `var_<guid>`.
 */
function readCodes(codes: Element, ours: OurCodebook): RefiCodebook & { codeIds: Map<string, string> } {
  const ourTags = new Map(ours.tags.map((t) => [codeGuid(t), t]));
  // Variables are known by the codes that name them too (their store may not hold them yet).
  const ourVariableIds = [...ours.variables.map((x) => x.id), ...ours.tags.flatMap((t) => (t.variableId ? [t.variableId] : []))];
  const ourVariables = new Map(ourVariableIds.map((id) => [variableGuid({ id }), id]));
  const variables: Variable[] = [];
  const tags: Tag[] = [];
  const codeIds = new Map<string, string>();
  const check = <T,>(schema: v.GenericSchema<unknown, T>, value: unknown, where: string): T => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new Refused(`${where}: ${result.issues[0].message}`);
    return result.output;
  };
  const addCode = (el: Element, path: string, variableId: string | undefined, parentId: string | undefined) => {
    const guid = guidAttr(el, path);
    const name = el.getAttribute('name') ?? '';
    const mine = ourTags.get(guid);
    const { kind: _, ...described } = readDescription(textOf(child(el, 'Description')));
    const tag = check(TagSchema, {
      id: mine?.id ?? `tag_${guid}`, name, colour: colourOf(el.getAttribute('color')), hotkey: mine?.hotkey ?? null, order: tags.length, ...described,
      ...(variableId ? { variableId } : {}), ...(parentId ? { parentId } : {}), ...(el.getAttribute('isCodable') === 'false' ? { codable: false } : {}),
    }, `${path} “${name}”`);
    tags.push(tag as Tag);
    codeIds.set(guid, tag.id);
    children(el, 'Code').forEach((sub, i) => addCode(sub, `${path}.Code[${i}]`, variableId, tag.id));
  };
  children(codes, 'Code').forEach((el, i) => {
    const path = `Code[${i}]`;
    const guid = guidAttr(el, path);
    if (guid === NONE_CODE.guid) return;
    const subs = children(el, 'Code');
    if (guid === variableGuid(TAGS_VARIABLE)) return subs.forEach((sub, j) => addCode(sub, `${path}.Code[${j}]`, undefined, undefined));
    if (el.getAttribute('isCodable') !== 'false' || !subs.length) return addCode(el, path, undefined, undefined);
    const name = el.getAttribute('name') ?? '';
    const { kind, ...described } = readDescription(textOf(child(el, 'Description')));
    const variable = check(VariableSchema, { id: ourVariables.get(guid) ?? `var_${guid}`, name, kind: kind ?? 'multiple', order: variables.length, ...described }, `${path} “${name}”`);
    variables.push(variable as Variable);
    subs.forEach((sub, j) => addCode(sub, `${path}.Code[${j}]`, variable.id, undefined));
  });
  const ids = new Set<string>();
  for (const tag of tags) {
    if (ids.has(tag.id)) throw new Refused(`The code “${tag.name}” appears twice (guid ${tag.id.replace(/^tag_/, '')}).`);
    ids.add(tag.id);
  }
  return { variables, tags, codeIds };
}

/** Reads a .qdc file's text: its variables and codes, or why it cannot be imported. */
export function readQdc(text: string, ours: OurCodebook, name = 'The file'): Checked<RefiCodebook> {
  try {
    const root = parseXml(text, 'CodeBook', CODEBOOK_NS, name);
    const codes = child(root, 'Codes');
    if (!codes) throw new Refused(`${name} has no <Codes>.`);
    const { variables, tags } = readCodes(codes, ours);
    return { ok: true, data: { variables, tags } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: `${name} was not imported: ${error.message}` };
    throw error;
  }
}

/** Whether bytes are a zip (a .qdpx), by their first bytes. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

const codePoints = (text: string) => Array.from(text);

/** When something happened: an attribute's time as ISO 8601 UTC, or `fallback`. */
const timeOf = (el: Element, attribute: string, fallback: string) => isoUtc(el.getAttribute(attribute)) || fallback;

/**
 * Reads a .qdpx project into a native export: each TextSource a comment, matched to ours by its
 * `page` and `comment` variables (as toQdpx writes them); each user's codings of a source become
 * that user's annotation (whole-source codings its codes, "No code applies" its none, selections
 * its segments, notes the source refers to its note). Nothing is written: the result goes
 * through the native import's check, preview and merge.
 */
export function readQdpx(bytes: Uint8Array, ours: OurCodebook, name = 'The file'): Checked<NativeExport> {
  try {
    if (!isZip(bytes)) throw new Refused(`${name} is not a zip file, as a .qdpx project is.`);
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch (error) {
      throw new Refused(`${name} is a broken zip file (${(error as Error).message}).`);
    }
    const byLowerName = new Map(Object.entries(files).map(([path, data]) => [path.toLowerCase(), data]));
    const projectFile = byLowerName.get('project.qde');
    if (!projectFile) throw new Refused(`${name} holds no project.qde: it is not a REFI-QDA project.`);
    const root = parseXml(strFromU8(projectFile), 'Project', PROJECT_NS, `${name}'s project.qde`);
    const now = new Date().toISOString();
    const exportedAt = timeOf(root, 'creationDateTime', now);
    const users = new Map(children(child(root, 'Users') ?? root, 'User').map((u) => [guidAttr(u, 'A User'), u.getAttribute('name') || u.getAttribute('id') || guidAttr(u, 'A User')]));
    const { variables, tags, codeIds } = readCodes(child(child(root, 'CodeBook') ?? root, 'Codes') ?? root, ours);
    const variableNames = new Map(children(child(root, 'Variables') ?? root, 'Variable').map((x) => [guidAttr(x, 'A Variable'), x.getAttribute('name') ?? '']));
    const notes = new Map(children(child(root, 'Notes') ?? root, 'Note').map((n) => [guidAttr(n, 'A Note'), n]));
    const codebookOrder = tags.map((t) => t.id);

    const data: NativeExport = { format: FORMAT, version: FORMAT_VERSION, exportedAt, scope: { kind: 'all' }, variables, codebook: tags, pages: [], comments: [], annotations: [] };
    const pages = new Map<string, NativeExport['pages'][number]>();
    children(child(root, 'Sources') ?? root, 'TextSource').forEach((source, i) => {
      const where = `TextSource[${i}] “${source.getAttribute('name') ?? ''}”`;
      const values = new Map<SourceVariable, string>();
      for (const value of children(source, 'VariableValue')) {
        const ref = child(value, 'VariableRef')?.getAttribute('targetGUID')?.toLowerCase() ?? '';
        const variable = SOURCE_VARIABLES.find((x) => x.name === variableNames.get(ref));
        const content = Array.from(value.children).find((c) => c.localName !== 'VariableRef');
        if (variable && content) values.set(variable.name, content.textContent ?? '');
      }
      const pageUrl = values.get('page');
      const key = values.get('comment');
      if (!pageUrl || !key) throw new Refused(`${where} has no “page” and “comment” variables, which tell which web comment it is: only projects exported by Comment Annotator can be imported.`);
      const path = source.getAttribute('plainTextPath')?.replace(/^internal:\/\//, 'sources/').toLowerCase();
      const stored = path ? byLowerName.get(path) : undefined;
      if (path && !stored && !child(source, 'PlainTextContent')) throw new Refused(`${where}: its text ${source.getAttribute('plainTextPath')} is missing from the zip.`);
      const text = stored ? strFromU8(stored) : textOf(child(source, 'PlainTextContent'));
      const points = codePoints(text);
      const savedAt = timeOf(source, 'creationDateTime', exportedAt);
      const page = pages.get(pageUrl) ?? { url: pageUrl, layout: null, metadata: null, firstSeen: savedAt, lastSeen: savedAt, commentCount: 0 };
      page.commentCount++;
      if (savedAt < page.firstSeen) page.firstSeen = savedAt;
      if (savedAt > page.lastSeen) page.lastSeen = savedAt;
      pages.set(pageUrl, page);
      data.comments.push({ pageUrl, key, author: values.get('author') ?? null, publishedAt: isoUtc(values.get('time')) || null, permalink: values.get('permalink') ?? null, parentKey: values.get('parent') ?? null, text, savedAt });

      const byUser = new Map<string, Annotation>();
      const annotationOf = (el: Element, at: string) => {
        const user = el.getAttribute('creatingUser')?.replace(/[{}]/g, '').toLowerCase() ?? '';
        const annotator = users.get(user) ?? (user || 'unknown');
        let a = byUser.get(annotator);
        if (!a) {
          a = { id: `ann_${guidOf('annotation', `${annotator}\n${commentId(pageUrl, key)}`)}`, pageUrl, commentKey: key, tagIds: [], note: '', annotator, createdAt: at, updatedAt: at };
          byUser.set(annotator, a);
        }
        if (at < a.createdAt) a.createdAt = at;
        if (at > a.updatedAt) a.updatedAt = at;
        return a;
      };
      const codeOf = (coding: Element, at: string) => {
        const ref = child(coding, 'CodeRef')?.getAttribute('targetGUID')?.replace(/[{}]/g, '').toLowerCase() ?? '';
        if (ref === NONE_CODE.guid) return null;
        const tagId = codeIds.get(ref);
        if (!tagId) throw new Refused(`${at}: a Coding refers to the code ${ref || '(none)'}, which the codebook does not have.`);
        return tagId;
      };
      for (const coding of children(source, 'Coding')) {
        const at = timeOf(coding, 'creationDateTime', savedAt);
        const a = annotationOf(coding, at);
        const tagId = codeOf(coding, where);
        if (tagId === null) a.none = true;
        else if (!a.tagIds.includes(tagId)) a.tagIds.push(tagId);
      }
      children(source, 'PlainTextSelection').forEach((selection, j) => {
        const start = Number(selection.getAttribute('startPosition'));
        const end = Number(selection.getAttribute('endPosition'));
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > points.length) {
          throw new Refused(`${where}.PlainTextSelection[${j}]: the positions ${start}–${end} are outside the text’s ${points.length} characters.`);
        }
        const createdAt = timeOf(selection, 'creationDateTime', savedAt);
        for (const coding of children(selection, 'Coding')) {
          const a = annotationOf(coding.hasAttribute('creatingUser') ? coding : selection, createdAt);
          const tagId = codeOf(coding, `${where}.PlainTextSelection[${j}]`);
          if (tagId === null) continue;
          const segment: Segment = { id: `seg_${guidAttr(coding, 'A Coding')}`, tagId, quote: points.slice(start, end).join(''), start, end, createdAt };
          a.segments = [...(a.segments ?? []), segment];
        }
      });
      for (const ref of children(source, 'NoteRef')) {
        const note = notes.get(ref.getAttribute('targetGUID')?.replace(/[{}]/g, '').toLowerCase() ?? '');
        if (!note) continue;
        const a = annotationOf(note, timeOf(note, 'modifiedDateTime', timeOf(note, 'creationDateTime', savedAt)));
        if (note.hasAttribute('creationDateTime')) a.createdAt = [a.createdAt, timeOf(note, 'creationDateTime', a.createdAt)].sort()[0];
        a.note = a.note ? `${a.note}\n\n${textOf(child(note, 'PlainTextContent'))}` : textOf(child(note, 'PlainTextContent'));
      }
      for (const a of byUser.values()) {
        a.tagIds = inCodebookOrder(a.tagIds, codebookOrder);
        // Whole-comment codes and "no code applies" exclude each other (lib/edits.ts): codes win.
        if (a.tagIds.length) delete a.none;
        data.annotations.push(a);
      }
    });
    data.pages = [...pages.values()].sort((a, b) => (a.url < b.url ? -1 : 1));
    return { ok: true, data };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: `${name} was not imported: ${error.message}` };
    throw error;
  }
}

/** Our codebook as the readers match against it. */
const ourCodebook = async (db: AnnotatorDB): Promise<OurCodebook> => ({ variables: await storedVariables(db), tags: await db.tags.toArray() });

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

/**
 * Imports a codebook file: a REFI-QDA .qdc (XML) or our codebook JSON. Nothing changes when
 * it is refused; the error says why.
 */
export async function importCodebookFile(db: AnnotatorDB, text: string, name: string, size = text.length, store?: VariableStore): Promise<Checked<{ added: number; updated: number }>> {
  if (text.replace(/^\uFEFF/, '').trimStart().startsWith('<')) {
    const read = readQdc(text, await ourCodebook(db), name);
    if (!read.ok) return read;
    return { ok: true, data: await applyCodebook(db, read.data.tags, read.data.variables, store) };
  }
  const checked = checkCodebookFile(text, size);
  if (!checked.ok) return { ok: false, error: `${name} was not imported: ${checked.error}` };
  return { ok: true, data: await applyCodebook(db, checked.data) };
}
