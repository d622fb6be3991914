import { loadCodebook, loadVariables } from './codebook';
import { CODEBOOK_FORMAT, FORMAT_VERSION } from './export';
import { applyCodebook, checkCodebookFile } from './import';
import type { AnnotatorDB } from './schema';
import type { Tag, Variable } from '../lib/records';

// The project's codebook as one document (id `codebook`), written by the lead only (the
// server's validation function refuses anyone else) and followed by every coder: its codes and
// variables merge into theirs as a shared codebook file does, and open panels follow.

/** The project's codebook document. */
export interface CodebookDoc {
  _id: 'codebook';
  _rev?: string;
  type: 'codebook';
  user: string;
  updatedAt: string;
  tags: Tag[];
  variables: Variable[];
}

/** Whether a document from the server is the project's codebook. */
export const isCodebookDoc = (doc: unknown): doc is CodebookDoc =>
  !!doc && (doc as CodebookDoc)._id === 'codebook' && (doc as CodebookDoc).type === 'codebook';

/** This database's codebook as the project's document, written by `user`. */
export async function localCodebookDoc(db: AnnotatorDB, user: string): Promise<CodebookDoc> {
  const [tags, variables] = await Promise.all([loadCodebook(db), loadVariables(db)]);
  return { _id: 'codebook', type: 'codebook', user, updatedAt: new Date().toISOString(), tags, variables };
}

/** Merges the project's codebook into this database, checked as a codebook file is; returns a problem in words, or null. */
export async function mergeCodebookDoc(db: AnnotatorDB, doc: CodebookDoc): Promise<string | null> {
  const checked = checkCodebookFile(JSON.stringify({ format: CODEBOOK_FORMAT, version: FORMAT_VERSION, exportedAt: doc.updatedAt, codebook: doc.tags, variables: doc.variables }));
  if (!checked.ok) return `The project's codebook: ${checked.error}`;
  await applyCodebook(db, checked.data.codebook, checked.data.variables ?? []);
  return null;
}
