import { storedAnnotatorName } from './annotations';
import { announced, variableOrThrow } from './codebook';
import { readPageParts, rewriteParts } from './codings';
import type { AnnotatorDB } from './schema';
import { variableIdOf } from '../lib/codebook';
import type { Annotation, Tag } from '../lib/records';

// Deleting and merging codes safely (issue 13, point 8): each says first how many annotations of
// which coders it changes; by default only this browser's annotator's annotations change, and a
// code other coders' annotations still use stays in the codebook until the reader allows
// changing theirs too; the last change can be undone from what it kept.

/** How many annotations of one annotator use a code (whole-comment or on a segment). */
export interface CodeUse {
  annotator: string;
  count: number;
}

/** Whether an annotation uses the code `id`, on the whole comment or on a segment. */
const usesCode = (a: Annotation, id: string) => a.tagIds.includes(id) || !!a.segments?.some((s) => s.tagId === id);

/** The coding records holding an annotation that uses the code `id` (the tag index covers segments). */
const partsUsing = (db: AnnotatorDB, id: string) => db.codings.where('tagIds').equals(id).toArray();

/** The annotations that use a code, counted per annotator (sorted by name). */
export async function tagUsage(db: AnnotatorDB, id: string): Promise<CodeUse[]> {
  const counts = new Map<string, number>();
  for (const part of await partsUsing(db, id)) {
    for (const a of part.annotations) if (usesCode(a, id)) counts.set(a.annotator, (counts.get(a.annotator) ?? 0) + 1);
  }
  return [...counts].map(([annotator, count]) => ({ annotator, count })).sort((a, b) => a.annotator.localeCompare(b.annotator));
}

/** Who may be changed: this browser's annotator only, or every annotator (asked separately). */
export interface ChangeScope {
  others?: boolean;
}

/** One annotation a change rewrote: as it was, and as the change wrote it. */
interface Rewritten {
  before: Annotation;
  after: Annotation;
}

/** What a delete or merge changed, kept to undo it. */
export interface CodeChange {
  kind: 'delete' | 'merge';
  /** The code deleted or merged away, as it was. */
  tag: Tag;
  /** The merge's target code. */
  intoId?: string;
  /** Whether the code left the codebook (it stays while annotations the change did not touch use it). */
  removed: boolean;
  /** Codes that were nested under it and moved up to its parent, with their parent before. */
  nested: { id: string; parentId: string | null }[];
  annotations: Rewritten[];
  /** The annotations left alone (other coders', when not allowed), per annotator. */
  kept: CodeUse[];
}

/** `a` with the code `from` taken off (delete) or replaced by `into` (merge), whole-comment and segments. */
function rewrite(a: Annotation, from: string, into: string | null, now: string): Annotation {
  const tagIds = a.tagIds.flatMap((t) => (t !== from ? [t] : into && !a.tagIds.includes(into) ? [into] : []));
  const next: Annotation = { ...a, tagIds, updatedAt: now };
  if (a.segments?.some((s) => s.tagId === from)) {
    next.segments = a.segments.flatMap((s) => (s.tagId !== from ? [s] : into ? [{ ...s, tagId: into }] : []));
  }
  return next;
}

/** Counts uses per annotator. */
function countUses(annotations: readonly Annotation[]): CodeUse[] {
  const counts = new Map<string, number>();
  for (const a of annotations) counts.set(a.annotator, (counts.get(a.annotator) ?? 0) + 1);
  return [...counts].map(([annotator, count]) => ({ annotator, count })).sort((a, b) => a.annotator.localeCompare(b.annotator));
}

/** The shared body of delete and merge: rewrites the allowed annotations and removes the code if no other use is left. */
async function changeCode(db: AnnotatorDB, kind: CodeChange['kind'], id: string, intoId: string | null, scope: ChangeScope): Promise<CodeChange> {
  return announced(db, db.transaction('rw', [db.tags, db.variables, db.codings, db.pages, db.settings], async () => {
    // This browser's annotator, as stored (none yet: no annotation is this browser's).
    const me = scope.others ? null : await storedAnnotatorName(db) ?? '';
    const tags = await db.tags.toArray();
    const tag = tags.find((t) => t.id === id);
    if (!tag) throw new Error('That code no longer exists.');
    const now = new Date().toISOString();
    const annotations: Rewritten[] = [];
    const kept: Annotation[] = [];
    const parts = (await partsUsing(db, id)).map((part) => ({
      ...part,
      annotations: part.annotations.map((a) => {
        if (!usesCode(a, id)) return a;
        if (me !== null && a.annotator !== me) {
          kept.push(a);
          return a;
        }
        const after = rewrite(a, id, intoId, now);
        annotations.push({ before: a, after });
        return after;
      }),
    }));
    if (intoId) {
      const into = tags.find((t) => t.id === intoId);
      if (!into) throw new Error('The code to merge into no longer exists.');
      const variable = await variableOrThrow(db, variableIdOf(into));
      const codes = new Set(tags.filter((t) => variableIdOf(t) === variable.id).map((t) => t.id));
      if (variable.kind === 'single' && annotations.some(({ after }) => after.tagIds.filter((t) => codes.has(t)).length > 1)) {
        const clashing = annotations.filter(({ after }) => after.tagIds.filter((t) => codes.has(t)).length > 1).map((r) => r.after);
        throw new Error(`Cannot merge “${tag.name}” into “${into.name}”: “${variable.name}” is single choice, and ${clashing.length} annotation${clashing.length === 1 ? '' : 's'} (by ${countUses(clashing).map((u) => u.annotator).join(', ')}) would hold two of its codes. Take one of them off first.`);
      }
    }
    const rewritten = new Set(annotations.map((r) => r.after));
    await rewriteParts(db, parts.filter((p) => p.annotations.some((a) => rewritten.has(a))));
    const removed = kept.length === 0;
    const nested = removed ? tags.filter((t) => t.parentId === id).map((t) => ({ id: t.id, parentId: t.parentId ?? null })) : [];
    if (removed) {
      await db.tags.bulkPut(tags.filter((t) => t.parentId === id).map((t) => ({ ...t, parentId: tag.parentId ?? null })));
      await db.tags.delete(id);
    }
    return { kind, tag, intoId: intoId ?? undefined, removed, nested, annotations, kept: countUses(kept) };
  }));
}

/**
 * Deletes a code: takes it off this browser's annotator's annotations (and everyone's with
 * `others`), whole-comment and segments; the code leaves the codebook once no annotation uses
 * it, and codes nested under it move up to its parent. Annotations left empty are kept (their
 * history matters). Answers what it changed (CodeChange: undoCodeChange puts it back).
 */
export function deleteTag(db: AnnotatorDB, id: string, scope: ChangeScope = {}): Promise<CodeChange> {
  return changeCode(db, 'delete', id, null, scope);
}

/**
 * Merges code `id` into `intoId`: the annotations allowed (as deleteTag) get `intoId` where they
 * had `id` (segments too), and `id` leaves the codebook once nothing uses it. Refused when the
 * target's variable is single choice and an annotation would hold two of its codes.
 */
export function mergeTag(db: AnnotatorDB, id: string, intoId: string, scope: ChangeScope = {}): Promise<CodeChange> {
  if (id === intoId) return Promise.reject(new Error('Choose another code to merge into.'));
  return changeCode(db, 'merge', id, intoId, scope);
}

/** `current` with the change that made `after` from `before` reversed (the annotation changed since). */
function reverse(current: Annotation, { before, after }: Rewritten, change: CodeChange, now: string): Annotation {
  const id = change.tag.id;
  const addedInto = change.intoId && !before.tagIds.includes(change.intoId) && after.tagIds.includes(change.intoId);
  const tagIds = current.tagIds.filter((t) => !(addedInto && t === change.intoId));
  if (before.tagIds.includes(id) && !tagIds.includes(id)) tagIds.push(id);
  const changedSegments = new Map((before.segments ?? []).filter((s) => s.tagId === id).map((s) => [s.id, s]));
  const segments = (current.segments ?? []).map((s) => changedSegments.get(s.id) ?? s);
  for (const [segmentId, segment] of changedSegments) if (!segments.some((s) => s.id === segmentId)) segments.push(segment);
  return { ...current, tagIds, ...(segments.length || current.segments ? { segments } : {}), updatedAt: now };
}

/**
 * Undoes a delete or merge: the code comes back as it was (its hotkey if still free; its nested
 * codes under it again) and each annotation it rewrote gets its code back. An annotation nobody
 * changed since is restored exactly; one changed since keeps those changes. Answers how many
 * annotations it restored.
 */
export async function undoCodeChange(db: AnnotatorDB, change: CodeChange): Promise<number> {
  return announced(db, db.transaction('rw', db.tags, db.codings, db.pages, async () => {
    const now = new Date().toISOString();
    if (change.removed) {
      const tags = await db.tags.toArray();
      const keyTaken = tags.some((t) => t.hotkey && t.hotkey === change.tag.hotkey);
      const nameTaken = tags.some((t) => t.name.toLowerCase() === change.tag.name.toLowerCase());
      await db.tags.put({ ...change.tag, hotkey: keyTaken ? null : change.tag.hotkey, name: nameTaken ? `${change.tag.name} (restored)` : change.tag.name });
      for (const { id, parentId } of change.nested) await db.tags.update(id, { parentId });
    }
    const byPage = new Map<string, Rewritten[]>();
    for (const r of change.annotations) byPage.set(r.before.pageUrl, [...(byPage.get(r.before.pageUrl) ?? []), r]);
    const parts = await readPageParts(db, [...byPage.keys()]);
    let restored = 0;
    const changed = parts.filter((part) => {
      const rewritten = new Map(byPage.get(part.url)!.map((r) => [r.before.id, r]));
      if (!part.annotations.some((a) => rewritten.has(a.id))) return false;
      part.annotations = part.annotations.map((a) => {
        const r = rewritten.get(a.id);
        if (!r) return a;
        restored++;
        return JSON.stringify(a) === JSON.stringify(r.after) ? r.before : reverse(a, r, change, now);
      });
      return true;
    });
    await rewriteParts(db, changed);
    return restored;
  }));
}
