import type { FullTarget } from '../lib/messages';
import type { HistoryState } from '../components/panel/model';
import { applyEdit } from '../lib/edits';
import type { AnnotationState, Tag } from '../lib/records';
import type { CodeEdit, Edit } from './save-tracker';

/**
 * An action and its inverse, both stated as changes: undo takes off the tag the press put on,
 * puts back the tags "no code applies" took off (or sets the note back), never writes back a
 * whole earlier row over what others changed since.
 */
export interface HistoryEntry {
  /** The comment's key in the panel (its stored key is the target's). */
  key: string;
  target: FullTarget;
  undo: Edit;
  redo: Edit;
}

/** How many actions can be undone. */
export const HISTORY_LIMIT = 20;

/** Sends an entry's edit; resolves true once it is stored. */
type Restore = (entry: HistoryEntry, edit: Edit) => Promise<boolean>;

/** The last actions, to undo, and the undone ones, to redo (until a new action). */
export class UndoHistory {
  private readonly undos: HistoryEntry[] = [];
  private readonly redos: HistoryEntry[] = [];

  /** Whether there is something to undo or redo. */
  state(): HistoryState {
    return { canUndo: this.undos.length > 0, canRedo: this.redos.length > 0 };
  }

  /** Records a new action: the oldest beyond HISTORY_LIMIT is forgotten, and nothing is left to redo. */
  record(entry: HistoryEntry): void {
    this.undos.push(entry);
    if (this.undos.length > HISTORY_LIMIT) this.undos.shift();
    this.redos.length = 0;
  }

  /** Undoes the last action through `restore`; false when there was nothing to undo. */
  undo(restore: Restore): Promise<boolean> {
    return step(this.undos, this.redos, (entry) => entry.undo, restore);
  }

  /** Redoes the last undone action through `restore`; false when there was nothing to redo. */
  redo(restore: Restore): Promise<boolean> {
    return step(this.redos, this.undos, (entry) => entry.redo, restore);
  }
}

/** Moves the last entry of `from` to `to` once its edit is stored; a refused one goes back. */
async function step(from: HistoryEntry[], to: HistoryEntry[], edit: (entry: HistoryEntry) => Edit, restore: Restore): Promise<boolean> {
  const entry = from.pop();
  if (!entry) return false;
  if (await restore(entry, edit(entry))) to.push(entry);
  else from.push(entry);
  return true;
}

/**
 * The edit that takes `edit` back, from the state it was made on: the note it had, the tags
 * whose presence the edit changed, "no code applies" as it was if the edit changed it.
 */
export function inverseOf(edit: Edit, before: AnnotationState | null): Edit {
  if ('note' in edit) return { note: before?.note ?? '' };
  if ('segments' in edit) {
    // Passages added are removed again; passages removed come back as they were.
    const removed = (before?.segments ?? []).filter((s) => edit.segments.remove?.includes(s.id));
    return { segments: { add: removed, remove: (edit.segments.add ?? []).map((s) => s.id) } };
  }
  const after = applyEdit(before, edit, []);
  const had = new Set(before?.tagIds ?? []);
  const has = new Set(after.tagIds);
  const changed = [...new Set([...had, ...has])].filter((id) => had.has(id) !== has.has(id));
  const inverse: CodeEdit = { tags: Object.fromEntries(changed.map((id) => [id, had.has(id)])) };
  if (!!before?.none !== !!after.none) inverse.none = !!before?.none;
  return inverse;
}

/** Which way through the history a change went, as the status line says it. */
export type Step = 'Undid' | 'Redid';

/** What an undo or redo did, for the status line: "Undid: removed “spam” from Anna’s comment." */
export function describeStep(step: Step, edit: Edit, author: string | null, codebook: readonly Tag[]): string {
  const comment = author ? `${author}’s comment` : 'a comment without author';
  const tagName = (tagId: string) => codebook.find((t) => t.id === tagId)?.name ?? tagId;
  if ('note' in edit) return `${step}: ${edit.note ? 'set' : 'cleared'} the note of ${comment}.`;
  if ('segments' in edit) {
    const added = edit.segments.add?.[0];
    if (!added) return `${step}: removed a coded passage from ${comment}.`;
    const quote = added.quote.length > 40 ? `${added.quote.slice(0, 40)}…` : added.quote;
    return `${step}: coded “${quote}” of ${comment} as “${tagName(added.tagId)}”${step === 'Undid' ? ' again' : ''}.`;
  }
  const names = (on: boolean) => Object.keys(edit.tags).filter((id) => edit.tags[id] === on).map((id) => `“${codebook.find((t) => t.id === id)?.name ?? id}”`).join(', ');
  // "No code applies" takes the tags off, and a tag put on clears it: neither is said twice.
  if (edit.none) return `${step}: set ${NO_CODE} on ${comment}.`;
  const phrases: string[] = [];
  if (names(true)) phrases.push(`put ${names(true)} ${step === 'Undid' ? 'back ' : ''}on`);
  if (names(false)) phrases.push(`removed ${names(false)} from`);
  if (edit.none === false && !names(true)) phrases.push(`cleared ${NO_CODE} from`);
  return `${step}: ${phrases.join(' and ')} ${comment}.`;
}

const NO_CODE = '“no code applies”';
