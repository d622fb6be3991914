import * as v from 'valibot';
import { FORMAT_VERSION, type ExportedComment, type NativeExport } from './export';
import { foreignFile, notJson, refusal, type ImportKind } from './import-messages';
import { AnnotationSchema, CodebookFileSchema, CommentSchema, issuePath, NativeExportSchema, type Checked } from './import-schema';
import { readCoderPages, replaceCoderPage } from './codings';
import { announce } from './changes';
import { codedCountOf } from './coding-parts';
import type { AnnotatorDB } from './schema';
import { addToThread, readThreads } from './threads';
import { codingId, commentId } from '../lib/comment-id';
import { defaultResolution, findTagClashes, resolveTagClashes, type TagClash, type TagResolution, type TagResolutions } from './tag-clashes';
import type { Annotation, AnnotationVersion, PageRecord, Tag, Variable } from '../lib/records';

export { applyCodebook } from './import-codebook';
import { planCodebook } from './import-codebook';
import { MAX_NAMED_PAGES } from '../lib/changes';

/** Files above this size are refused before parsing: a browser tab would run out of memory. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** How an import would change the database. */
export interface ImportPreview {
  new: number;
  updated: number;
  unchanged: number;
  conflicting: number;
  newTags: string[];
  pages: number;
  annotators: string[];
  /** The file's tags that meet one of ours with another name or id, and how the import treats each. */
  clashes: (TagClash & { resolution: TagResolution })[];
}

/** Thrown by the reviver on a key that could reach an object's prototype. */
class ForbiddenKey extends Error {}

function parseJson(text: string, size: number, kind: ImportKind): Checked<unknown> {
  if (size > MAX_IMPORT_BYTES) return { ok: false, error: `The file is too large (${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB).` };
  if (!text.trim()) return { ok: false, error: refusal('The file is empty.', kind) };
  try {
    // Keys that could reach an object's prototype have no place in our format: refuse the file.
    // The reviver that finds them halves parsing speed, so it runs only when the text could hold
    // such a key (spelt out, or hidden behind a \u escape).
    const suspicious = /__proto__|constructor|prototype|\\u/.test(text);
    return {
      ok: true,
      data: suspicious
        ? JSON.parse(text, (key, value) => {
          if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new ForbiddenKey(`the key "${key}" is not allowed in a Comment Annotator file.`);
          return value;
        })
        : JSON.parse(text),
    };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: 'The file is nested too deeply to be a Comment Annotator file.' };
    if (error instanceof ForbiddenKey) return { ok: false, error: `This file is refused: ${error.message}` };
    return { ok: false, error: refusal(notJson(text, (error as Error).message), kind) };
  }
}

function formatProblem(data: unknown, kind: ImportKind): string | null {
  const foreign = foreignFile(data, kind);
  if (foreign) return refusal(foreign, kind);
  const { version } = data as { version?: unknown };
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    return `This file was made by a newer Comment Annotator (format version ${version}; this one reads up to ${FORMAT_VERSION}). Update the extension to import it.`;
  }
  return null;
}

/** How far a long import step has come: `done` of `total` units of its phase. */
export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'checking' | 'comparing' | 'merging' | 'writing';
  done: number;
  total: number;
}

/** Called between slices of a long import step. */
export type OnProgress = (progress: ImportProgress) => void;

/** Items checked per slice: small enough that progress moves several times a second. */
const CHECK_SLICE = 25_000;

/**
 * Checks a native export file: JSON, format and version, schema, then references. Nothing is
 * written. The comments and annotations are checked a slice at a time, reporting progress
 * between slices, so a worker can show a file of a million annotations moving.
 */
export function checkExportFile(text: string, size = text.length, onProgress?: OnProgress): Checked<NativeExport> {
  onProgress?.({ phase: 'parsing', done: 0, total: 1 });
  const json = parseJson(text, size, 'annotations');
  if (!json.ok) return json;
  const version = formatProblem(json.data, 'annotations');
  if (version) return { ok: false, error: version };
  const file = json.data as Record<string, unknown>;
  const problem = (issue: v.BaseIssue<unknown>, prefix = '') => ({ ok: false as const, error: `${prefix + issuePath(issue) || 'file'}: ${issue.message}` });
  // Everything but the two long lists first, in one go (the lists stand in as empty).
  const head = v.safeParse(NativeExportSchema, { ...file, comments: [], annotations: [] });
  if (!head.success) return problem(head.issues[0]);
  const lists = { comments: [] as NativeExport['comments'], annotations: [] as NativeExport['annotations'] };
  const itemSchemas = { comments: CommentSchema, annotations: AnnotationSchema };
  const total = (Array.isArray(file.comments) ? file.comments.length : 0) + (Array.isArray(file.annotations) ? file.annotations.length : 0);
  let done = 0;
  for (const field of ['comments', 'annotations'] as const) {
    const list = file[field];
    // Not a list, or too long: the whole-list schema names the problem.
    const whole = NativeExportSchema.entries[field];
    if (!Array.isArray(list)) {
      const result = v.safeParse(whole, list);
      if (!result.success) return problem(result.issues[0], field);
      continue;
    }
    if (list.length > MAX_FILE_ITEMS) return { ok: false, error: `${field}: Invalid length: Expected <=${MAX_FILE_ITEMS} but received ${list.length}` };
    const slice = v.array(itemSchemas[field]);
    const out = lists[field] as unknown[];
    for (let at = 0; at < list.length; at += CHECK_SLICE) {
      const result = v.safeParse(slice, list.slice(at, at + CHECK_SLICE));
      if (!result.success) {
        const [first, ...rest] = result.issues[0].path ?? [];
        const issue = { ...result.issues[0], path: rest.length ? rest as [v.IssuePathItem, ...v.IssuePathItem[]] : undefined };
        return problem(issue, `${field}[${at + Number(first?.key ?? 0)}]${rest.length ? '.' : ''}`);
      }
      for (const item of result.output) out.push(item);
      done += result.output.length;
      onProgress?.({ phase: 'checking', done, total });
    }
  }
  const data = { ...head.output, ...lists } as NativeExport;
  return referenceProblem(data) ?? { ok: true, data };
}

/** The most comments or annotations a file may hold (the schema says the same). */
const MAX_FILE_ITEMS = 2_000_000;

function referenceProblem(data: NativeExport): { ok: false; error: string } | null {
  const fail = (error: string) => ({ ok: false as const, error });
  const tagIds = new Set<string>();
  for (const [i, tag] of data.codebook.entries()) {
    if (tagIds.has(tag.id)) return fail(`codebook[${i}].id: the tag id "${tag.id}" appears twice`);
    tagIds.add(tag.id);
  }
  const variableIds = new Set<string>();
  for (const [i, variable] of (data.variables ?? []).entries()) {
    if (variableIds.has(variable.id)) return fail(`variables[${i}].id: the variable id "${variable.id}" appears twice`);
    variableIds.add(variable.id);
  }
  const parents = new Map(data.codebook.map((t) => [t.id, t.parentId ?? null]));
  for (const [i, tag] of data.codebook.entries()) {
    if (data.variables && tag.variableId && !variableIds.has(tag.variableId)) return fail(`codebook[${i}].variableId: no variable "${tag.variableId}" in variables`);
    if (tag.parentId && !tagIds.has(tag.parentId)) return fail(`codebook[${i}].parentId: unknown tag id "${tag.parentId}"`);
    // Walking up the parents must end: a code that is its own ancestor has no place in a tree.
    const seen = new Set<string>();
    for (let at: string | null = tag.id; at; at = parents.get(at) ?? null) {
      if (seen.has(at)) return fail(`codebook[${i}].parentId: the tag "${tag.id}" is nested under itself`);
      seen.add(at);
    }
  }
  const pages = new Set(data.pages.map((p) => p.url));
  const comments = new Set(data.comments.map((c) => commentId(c.pageUrl, c.key)));
  const ids = new Set<string>();
  const triples = new Set<string>();
  for (const [i, a] of data.annotations.entries()) {
    if (ids.has(a.id)) return fail(`annotations[${i}].id: the annotation id "${a.id}" appears twice`);
    ids.add(a.id);
    const triple = codingId(a.annotator, a.pageUrl, a.commentKey);
    if (triples.has(triple)) return fail(`annotations[${i}]: a second annotation by "${a.annotator}" of the same comment`);
    triples.add(triple);
    const unknown = a.tagIds.findIndex((t) => !tagIds.has(t));
    if (unknown !== -1) return fail(`annotations[${i}].tagIds[${unknown}]: unknown tag id "${a.tagIds[unknown]}"`);
    const unknownSegment = a.segments?.findIndex((s) => !tagIds.has(s.tagId)) ?? -1;
    if (unknownSegment !== -1) return fail(`annotations[${i}].segments[${unknownSegment}].tagId: unknown tag id "${a.segments![unknownSegment].tagId}"`);
    if (!pages.has(a.pageUrl)) return fail(`annotations[${i}].pageUrl: no page "${a.pageUrl}" in pages`);
    if (!comments.has(commentId(a.pageUrl, a.commentKey))) return fail(`annotations[${i}].commentKey: no comment "${a.commentKey}" of that page in comments`);
  }
  return null;
}

/** A checked codebook file's entries: its codes, and its variables when it has them. */
export interface CodebookEntries {
  codebook: Tag[];
  variables?: Variable[];
}

/** Checks a codebook file (the codebook alone). */
export function checkCodebookFile(text: string, size = text.length): Checked<CodebookEntries> {
  const json = parseJson(text, size, 'codebook');
  if (!json.ok) return json;
  const version = formatProblem(json.data, 'codebook');
  if (version) return { ok: false, error: version };
  const result = v.safeParse(CodebookFileSchema, json.data);
  if (!result.success) return { ok: false, error: `${issuePath(result.issues[0]) || 'file'}: ${result.issues[0].message}` };
  return { ok: true, data: { codebook: result.output.codebook, variables: result.output.variables } };
}

type Content = Pick<Annotation, 'tagIds' | 'note' | 'none' | 'segments'>;
const segmentsKey = (a: Content) => JSON.stringify((a.segments ?? []).map((s) => [s.tagId, s.start, s.end]).sort());
const sameContent = (a: Content, b: Content) =>
  a.note === b.note && !!a.none === !!b.none && a.tagIds.length === b.tagIds.length && a.tagIds.every((t, i) => t === b.tagIds[i]) && segmentsKey(a) === segmentsKey(b);
const versionOf = (a: Annotation): AnnotationVersion => ({
  tagIds: a.tagIds, note: a.note, ...(a.none ? { none: true } : {}), ...(a.segments?.length ? { segments: a.segments } : {}), annotator: a.annotator, updatedAt: a.updatedAt,
});

function mergeHistory(...lists: (AnnotationVersion[] | undefined)[]): AnnotationVersion[] | undefined {
  const seen = new Map<string, AnnotationVersion>();
  for (const version of lists.flatMap((list) => list ?? [])) seen.set(JSON.stringify(version), version);
  const merged = [...seen.values()].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  return merged.length ? merged : undefined;
}

/**
 * Decides, without writing, how a file merges into what the database holds: the file's tags
 * that clash with ours are resolved first (`resolutions`, else each clash's default; see
 * storage/tag-clashes.ts), then the same annotation (same id, or the same annotator, page and
 * comment) keeps the newest version and the other goes into its history; different annotators'
 * work stays side by side. Throws when a resolution cannot be applied (a rename to a name in use).
 */
export function planImport(file: NativeExport, existing: Annotation[], tags: Tag[], resolutions: TagResolutions = {}, variables: Variable[] = []) {
  const clashes = findTagClashes(file, tags).map((clash) => ({ ...clash, resolution: resolutions[clash.incoming.id] ?? defaultResolution(clash) }));
  const resolved = resolveTagClashes(file, tags, resolutions);
  if (!resolved.ok) throw new Error(resolved.error);
  const data = resolved.data;
  const byId = new Map(existing.map((a) => [a.id, a]));
  const byTriple = new Map(existing.map((a) => [codingId(a.annotator, a.pageUrl, a.commentKey), a]));
  const preview: ImportPreview = {
    new: 0, updated: 0, unchanged: 0, conflicting: 0, newTags: [], pages: data.pages.length, clashes,
    annotators: [...new Set(data.annotations.map((a) => a.annotator))].sort(),
  };
  const writes: Annotation[] = [];
  for (const incoming of data.annotations) {
    const current = byId.get(incoming.id) ?? byTriple.get(codingId(incoming.annotator, incoming.pageUrl, incoming.commentKey));
    if (!current) {
      preview.new++;
      writes.push(incoming);
      continue;
    }
    const history = mergeHistory(current.history, incoming.history);
    if (sameContent(current, incoming)) {
      preview.unchanged++;
      if (JSON.stringify(history) !== JSON.stringify(current.history)) writes.push({ ...current, history });
    } else if (incoming.updatedAt > current.updatedAt) {
      preview.updated++;
      writes.push({ ...incoming, id: current.id, createdAt: current.createdAt, history: mergeHistory(history, [versionOf(current)]) });
    } else {
      preview.conflicting++;
      writes.push({ ...current, history: mergeHistory(history, [versionOf(incoming)]) });
    }
  }
  const codebook = planCodebook(data, tags, variables);
  preview.newTags = codebook.tags.map((t) => t.name);
  return { preview, annotations: writes, ...codebook };
}

/** Every coder's record of the pages `urls` (call inside a transaction over codings, or not). */
const coderPagesOf = async (db: AnnotatorDB, urls: readonly string[]) => (await Promise.all(urls.map((url) => readCoderPages(db, url)))).flat();

/** The preview of importing a checked file with the reader's choices for clashing tags. */
export async function previewImport(db: AnnotatorDB, data: NativeExport, resolutions: TagResolutions = {}): Promise<ImportPreview> {
  const [rows, tags, variables] = await Promise.all([coderPagesOf(db, pageUrlsOf(data)), db.tags.toArray(), db.variables.toArray()]);
  return planImport(data, rows.flatMap((row) => row.annotations), tags, resolutions, variables).preview;
}

const pageUrlsOf = (data: NativeExport) => [...new Set([...data.annotations.map((a) => a.pageUrl), ...data.comments.map((c) => c.pageUrl)])];

/**
 * Merges a checked file into the database in one transaction: all of it, or (on any failure)
 * none of it. Clashing tags are resolved as `resolutions` says (else by their default).
 */
export async function applyImport(db: AnnotatorDB, data: NativeExport, resolutions: TagResolutions = {}, onProgress?: OnProgress): Promise<ImportPreview> {
  const urls = pageUrlsOf(data);
  const { preview, codebookChanged } = await db.transaction('rw', [db.tags, db.variables, db.pages, db.codings, db.threads], async () => {
    onProgress?.({ phase: 'merging', done: 0, total: 3 });
    const now = new Date().toISOString();
    const [rows, tags, variables, pages, threads] = await Promise.all([coderPagesOf(db, urls), db.tags.toArray(), db.variables.toArray(), db.pages.bulkGet(data.pages.map((p) => p.url)), readThreads(db, urls)]);
    onProgress?.({ phase: 'merging', done: 1, total: 3 });
    const plan = planImport(data, rows.flatMap((row) => row.annotations), tags, resolutions, variables);
    onProgress?.({ phase: 'merging', done: 2, total: 3 });
    // Each coder's record of each page, by annotation id; the plan's annotations replace theirs by id.
    const coderKey = (url: string, annotator: string) => `${url}\u0000${annotator}`;
    const coders = new Map(rows.map((row) => [coderKey(row.url, row.annotator), { row, annotations: new Map(row.annotations.map((a) => [a.id, a])), changed: false }]));
    const holder = new Map(rows.flatMap((row) => row.annotations.map((a) => [a.id, coderKey(row.url, row.annotator)])));
    for (const a of plan.annotations) {
      const key = coderKey(a.pageUrl, a.annotator);
      const before = holder.get(a.id);
      if (before !== undefined && before !== key) {
        coders.get(before)!.annotations.delete(a.id);
        coders.get(before)!.changed = true;
      }
      if (!coders.has(key)) coders.set(key, { row: { url: a.pageUrl, annotator: a.annotator, annotations: [], rev: 0 }, annotations: new Map(), changed: true });
      const coder = coders.get(key)!;
      coder.annotations.set(a.id, a);
      coder.changed = true;
    }
    const merged = [...coders.values()].map(({ row, annotations }) => ({ ...row, annotations: [...annotations.values()] }));
    const annotationsOf = new Map<string, Annotation[]>();
    for (const row of merged) annotationsOf.set(row.url, [...annotationsOf.get(row.url) ?? [], ...row.annotations]);
    const mergedPages: PageRecord[] = data.pages.map((incoming, i) => {
      const current = pages[i];
      const codedCount = codedCountOf(annotationsOf.get(incoming.url) ?? []);
      if (!current) return { ...incoming, codedCount };
      return {
        ...current,
        metadata: current.metadata ?? incoming.metadata,
        layout: current.layout ?? incoming.layout,
        firstSeen: current.firstSeen < incoming.firstSeen ? current.firstSeen : incoming.firstSeen,
        lastSeen: current.lastSeen > incoming.lastSeen ? current.lastSeen : incoming.lastSeen,
        codedCount,
      };
    });
    // Snapshots already stored win (they are what the annotator saw): the file's others are added.
    const newComments = new Map<string, ExportedComment[]>();
    for (const c of data.comments) {
      if (threads.get(c.pageUrl)?.some((s) => s.key === c.key) || newComments.get(c.pageUrl)?.some((s) => s.key === c.key)) continue;
      newComments.set(c.pageUrl, [...newComments.get(c.pageUrl) ?? [], c]);
    }
    onProgress?.({ phase: 'writing', done: 0, total: 1 });
    await Promise.all([
      db.tags.bulkAdd(plan.tags),
      db.variables.bulkAdd(plan.variables),
      db.pages.bulkPut(mergedPages),
      ...[...coders.values()].filter((c) => c.changed).map(({ row, annotations }) => replaceCoderPage(db, { ...row, annotations: [...annotations.values()], rev: row.rev + 1 }, row.rev > 0 || row.annotations.length > 0)),
      ...[...newComments].map(([url, comments]) => addToThread(db, url, comments, now)),
    ]);
    return { preview: plan.preview, codebookChanged: plan.tags.length + plan.variables.length > 0 };
  });
  announce(db, { kind: 'pages', pageUrls: urls.length <= MAX_NAMED_PAGES ? urls : null });
  if (codebookChanged) announce(db, { kind: 'codebook' });
  return preview;
}

/** Checks and merges a native export file's text; refuses (changing nothing) with a clear message. */
export async function importFile(db: AnnotatorDB, text: string, size = text.length): Promise<Checked<ImportPreview>> {
  const checked = checkExportFile(text, size);
  if (!checked.ok) return checked;
  return { ok: true, data: await applyImport(db, checked.data) };
}
