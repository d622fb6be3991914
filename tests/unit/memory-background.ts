import { AnnotatorSession, type Send } from '../../page/annotator-session';
import { CommentStore } from '../../page/comment-store';
import { applyEdit } from '../../lib/edits';
import type { Request, Response } from '../../lib/messages';
import type { Annotation, CommentSnapshot, Tag, Variable } from '../../lib/records';

// A page's session (page/annotator-session.ts) on a page of a few comments, against a background
// kept in memory that answers as the router does: for the session's and the panel's tests.

/** The page's address. */
export const URL = 'https://phandroid.com/a/';
/** Two codes without a variable (a codebook from before variables). */
export const TAGS: Tag[] = ['on-topic', 'off-topic'].map((name, order) => ({ id: `tag_${name}`, name, colour: '#000', hotkey: String(order + 1), description: '', order }));
/** A top-level comment by A. */
export const comment = (key: string, text = `comment ${key}`) => ({ key, parentKey: null, depth: 0, kind: 'comment' as const, author: 'A', publishedAt: null, permalink: null, text });
/** This annotator's annotation of a comment with `tagIds`. */
export const annotation = (commentKey: string, tagIds: string[]): Annotation => ({ id: `ann_${commentKey}`, pageUrl: URL, commentKey, tagIds, note: '', annotator: 'me', createdAt: '', updatedAt: '' });

/** A single-choice variable "stance", beside TAGS (without a variable). */
export const STANCE: Variable = { id: 'var_stance', name: 'stance', kind: 'single', description: 'Where the comment stands.', order: 0 };
/** The stance's codes: two, and one that only groups. */
export const STANCE_CODES: Tag[] = [
  { id: 'tag_for', name: 'for', colour: '#000', hotkey: '3', description: '', order: 2, variableId: STANCE.id },
  { id: 'tag_against', name: 'against', colour: '#000', hotkey: '4', description: '', order: 3, variableId: STANCE.id },
  { id: 'tag_mixed', name: 'mixed', colour: '#000', hotkey: '5', description: '', order: 4, variableId: STANCE.id, codable: false },
];

/** A background that stores annotations by comment key, as the router answers, and records every request. */
export function memoryBackground(saved: { annotations?: Annotation[]; snapshots?: CommentSnapshot[]; codebook?: Tag[]; variables?: Variable[] } = {}) {
  const stored = new Map((saved.annotations ?? []).map((a) => [a.commentKey, a]));
  const codebook = saved.codebook ?? TAGS;
  // The comments whose snapshots are stored (get-page-state's threadKeys).
  const threadKeys = new Set((saved.snapshots ?? []).map((c) => c.key));
  const requests: Request[] = [];
  let rev = 1;
  const send = (async (request: Request): Promise<Response> => {
    requests.push(request);
    if (request.type === 'get-page-state') return { ok: true, value: { codebook, variables: saved.variables, annotator: 'me', annotations: [...stored.values()], snapshots: saved.snapshots ?? [], threadKeys: [...threadKeys], rev } };
    if (request.type === 'save-thread') {
      for (const c of request.comments) threadKeys.add(c.key);
      return { ok: true, value: request.comments.length };
    }
    if (request.type !== 'set-tag' && request.type !== 'set-codes' && request.type !== 'set-note' && request.type !== 'edit-segments') return { ok: false, error: `not faked: ${request.type}` };
    if ('text' in request.target.comment) threadKeys.add(request.target.comment.key);
    const key = request.target.comment.key;
    const before = stored.get(key) ?? null;
    const edit = request.type === 'set-tag' ? { tags: { [request.tagId]: request.on } }
      : request.type === 'set-codes' ? { tags: request.tags, none: request.none }
      : request.type === 'edit-segments' ? { segments: request.segments } : { note: request.note };
    const after = { ...annotation(key, []), ...applyEdit(before, edit, codebook.map((t) => t.id)) };
    stored.set(key, after);
    return { ok: true, value: { before, after, rev: ++rev } };
  }) as Send;
  return { send, stored, requests, threadKeys };
}

/** A session on a page showing `keys`, loaded from `background`. */
export async function sessionOn(comments: ReturnType<typeof comment>[], background = memoryBackground()) {
  const store = new CommentStore();
  const session = new AnnotatorSession(store, { url: URL, layout: () => 'wp', metadata: () => null }, background.send);
  store.set({ frameId: 0, layout: 'wp', comments });
  await session.load();
  return { session, store, background };
}

