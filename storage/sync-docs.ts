import { deleteAnnotation } from './codings';
import { exportNative, FORMAT, FORMAT_VERSION, type ExportedComment, type ExportedPage, type NativeExport } from './export';
import { applyImport, checkExportFile, previewImport } from './import';
import type { AnnotatorDB } from './schema';
import type { Annotation, Tag } from '../lib/records';

// A project's database holds one document per coder per page (a deterministic id, so two coders
// never write the same document): the coder's annotations of the page, the comments they coded
// and the page's record. This file turns local codings into such documents and merges documents
// from the server into the local database, by the rule imports follow (newest change wins, the
// other kept in the annotation's history): never silently.

/** One coder's codings of one page, as the project's database holds it. */
export interface CodingDoc {
  _id: string;
  _rev?: string;
  type: 'coding';
  /** The project user who wrote it (the server's validation function lets only them write it again). */
  user?: string;
  annotator: string;
  pageUrl: string;
  /** The page's record as files carry it (without this database's count of coded comments). */
  page: ExportedPage | null;
  comments: ExportedComment[];
  annotations: Annotation[];
  /** The codebook's entries for the tags the annotations use (a coder's own tag reaches the others). */
  tags: Tag[];
  /** Comments whose coding this coder took off, with when: a removal travels like a change. */
  removed: Record<string, string>;
}

/** The id of a coder's document of a page. */
export const codingDocId = (annotator: string, pageUrl: string) => `coding:${annotator}:${pageUrl}`;

/** The document's content, without the server's bookkeeping, to compare two versions. */
const content = (doc: CodingDoc) => JSON.stringify([doc.page, doc.comments, doc.annotations, doc.tags, Object.entries(doc.removed).sort()]);

/** Whether two versions of a document say the same. */
export const sameCoding = (a: CodingDoc | null, b: CodingDoc | null) => (a && b ? content(a) === content(b) : a === b);

/** Comment keys whose coding was taken off here, with when (kept until the server has them). */
export type Removals = Record<string, string>;

/**
 * The document of `annotator`'s codings of `pageUrl` as this database has them, null when it has
 * none and none were ever sent. `previous` (the server's version, merged here already): a comment
 * coded there but not here any more was taken off here (`removedHere` says when, else now).
 */
export async function localCodingDoc(db: AnnotatorDB, annotator: string, pageUrl: string, previous: CodingDoc | null, removedHere: Removals = {}): Promise<CodingDoc | null> {
  const data = await exportNative(db, { kind: 'page', url: pageUrl });
  const annotations = data.annotations.filter((a) => a.annotator === annotator && a.pageUrl === pageUrl);
  const keys = new Set(annotations.map((a) => a.commentKey));
  const now = new Date().toISOString();
  const removed: Removals = {};
  for (const [key, at] of [...Object.entries(previous?.removed ?? {}), ...Object.entries(removedHere)]) {
    if (!keys.has(key) && !(removed[key] > at)) removed[key] = at;
  }
  for (const a of previous?.annotations ?? []) if (!keys.has(a.commentKey)) removed[a.commentKey] ??= now;
  if (!annotations.length && !Object.keys(removed).length) return null;
  return {
    _id: codingDocId(annotator, pageUrl),
    ...(previous?._rev && { _rev: previous._rev }),
    type: 'coding',
    annotator,
    pageUrl,
    page: data.pages.find((p) => p.url === pageUrl) ?? previous?.page ?? null,
    comments: data.comments.filter((c) => annotations.some((a) => a.commentKey === c.key)),
    annotations,
    tags: data.codebook.filter((t) => annotations.some((a) => a.tagIds.includes(t.id))),
    removed,
  };
}

/**
 * Merges a document from the server into this database: checked as an import file is (the
 * server is not trusted more than a file), then merged as one; a removal newer than the local
 * coding of that comment takes it off, and a coding taken off here (`removedHere`, not sent yet)
 * after the document's version of it is not brought back. Returns what it could not take, in
 * words, or null.
 */
export async function mergeCodingDoc(db: AnnotatorDB, doc: CodingDoc, removedHere: Removals = {}): Promise<string | null> {
  const file: NativeExport = {
    format: FORMAT, version: FORMAT_VERSION, exportedAt: new Date().toISOString(), scope: { kind: 'page', url: doc.pageUrl },
    codebook: doc.tags ?? [], pages: doc.page ? [doc.page] : [], comments: doc.comments ?? [],
    annotations: (doc.annotations ?? []).filter((a) => !(removedHere[a.commentKey] >= a.updatedAt)),
  };
  if (file.annotations.some((a) => a.annotator !== doc.annotator || a.pageUrl !== doc.pageUrl)) return `${doc._id}: holds codings of another coder or page`;
  const checked = checkExportFile(JSON.stringify(file));
  if (!checked.ok) return `${doc._id}: ${checked.error}`;
  // A version merged already (this coder's own, read back) writes nothing and announces nothing.
  const preview = checked.data.annotations.length ? await previewImport(db, checked.data) : null;
  if (preview && preview.new + preview.updated + preview.conflicting > 0) await applyImport(db, checked.data);
  const removals = Object.entries(doc.removed ?? {});
  if (removals.length) {
    const local = (await exportNative(db, { kind: 'page', url: doc.pageUrl })).annotations.filter((a) => a.annotator === doc.annotator);
    for (const [key, at] of removals) {
      const gone = local.find((a) => a.commentKey === key && a.updatedAt <= at);
      if (gone) await deleteAnnotation(db, gone);
    }
  }
  return null;
}
