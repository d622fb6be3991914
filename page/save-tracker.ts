import { applyEdit, type AnnotationEdit } from '../lib/edits';
import type { AnnotationState } from '../lib/records';
import type { Request, Response, TargetInput } from '../lib/messages';
import type { Change } from '../lib/records';

/** A change of a comment's codes: tags put on (true) or taken off (false), "no code applies" set or cleared. */
export interface CodeEdit {
  tags: Record<string, boolean>;
  none?: boolean;
}

/** Coded passages added and removed (by id) in one change. */
export type SegmentEdit = NonNullable<AnnotationEdit['segments']>;

/** One change the panel asks for, as the message states it: codes, the note, or coded passages added or removed. */
export type Edit = CodeEdit | { note: string } | { segments: SegmentEdit };

const asEdit = (edit: Edit): AnnotationEdit => ('note' in edit ? { note: edit.note } : 'segments' in edit ? { segments: edit.segments } : edit);

/** The message that asks for `edit`: one tag on or off goes as set-tag, the press every multiple-choice code makes. */
function requestFor(target: TargetInput, edit: Edit): Request {
  if ('note' in edit) return { type: 'set-note', target, note: edit.note };
  if ('segments' in edit) return { type: 'edit-segments', target, segments: edit.segments };
  const tagIds = Object.keys(edit.tags);
  if (edit.none === undefined && tagIds.length === 1) return { type: 'set-tag', target, tagId: tagIds[0], on: edit.tags[tagIds[0]] };
  return edit.none === undefined ? { type: 'set-codes', target, tags: edit.tags } : { type: 'set-codes', target, tags: edit.tags, none: edit.none };
}

/**
 * The changes sent to the background and not answered yet, by comment key (the panel's), and
 * how many are not confirmed saved: a change counts until the background confirms it is stored
 * (a refusal keeps counting), and the panel's next press on the comment builds on it meanwhile.
 */
export class SaveTracker {
  private readonly inFlight = new Map<string, Edit[]>();
  private unconfirmed = 0;

  constructor(private readonly send: (request: Request) => Promise<Response<Change>>) {}

  /** Changes not confirmed saved: still on their way, or refused. */
  unsaved(): number {
    return this.unconfirmed;
  }

  /** What a comment's annotation will be once the edits on their way are stored (`order`: the codebook's tag ids). */
  intended(key: string, saved: AnnotationState | null, order: readonly string[]): AnnotationState | null {
    return (this.inFlight.get(key) ?? []).reduce<AnnotationState | null>((state, edit) => applyEdit(state, asEdit(edit), order), saved);
  }

  /** Sends a change to the comment `key` shows (`target`) and resolves with the background's answer. */
  async save(key: string, target: TargetInput, asked: Edit): Promise<Response<Change>> {
    this.unconfirmed++;
    // A copy: undo and redo send the same entry's edits again, possibly while one is still on its way.
    const edit = { ...asked };
    this.inFlight.set(key, [...this.inFlight.get(key) ?? [], edit]);
    const response = await this.send(requestFor(target, edit));
    const left = (this.inFlight.get(key) ?? []).filter((e) => e !== edit);
    if (left.length) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    if (response.ok) this.unconfirmed--;
    return response;
  }
}
