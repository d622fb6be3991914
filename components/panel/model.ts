// What the panel shows and what it may ask for. The page's annotator session implements it;
// the panel knows nothing else of the page (hypothesis keeps its sidebar apart the same way).
import type { ExtractedComment } from '../../layouts/types';
import type { Annotation, CommentSnapshot, Tag, Variable } from '../../lib/records';
import type { Passage } from '../../lib/passages';
import type { PanelSync } from '../../lib/messages';

/** A comment in the panel: where it came from (frame 0 = the page itself, else an iframe). */
export type PanelComment = ExtractedComment & { frameId: number };

/** A saved annotation whose comment is not on the page any more, with the text it had. */
export interface MissingComment {
  annotation: Annotation;
  snapshot: CommentSnapshot | undefined;
}

/** A line for the reader under the header: what went wrong, or what just happened. */
export interface StatusLine {
  kind: 'error' | 'info';
  text: string;
}

/** The page's comments and this annotator's codings of them. */
export interface ThreadState {
  /** Set once the page's codings are loaded from the background. */
  loaded: boolean;
  comments: PanelComment[];
  codebook: Tag[];
  /** The codebook's variables (none: every code is one of TAGS_VARIABLE's, lib/codebook.ts). */
  variables: Variable[];
  annotator: string;
  /** The annotation of each comment on the page, by the comment's current key. */
  annotationOf: Map<string, Annotation>;
  /** Tagged comments that are not on the page any more. */
  missing: MissingComment[];
}

/** Whether there is an action to undo or redo. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Showing the annotator the thread by clicking one comment on the page. */
export interface PickState {
  /** On a page the reader opened the panel on by hand: the thread can be picked. */
  available: boolean;
  /** Waiting for the reader to click a comment on the page. */
  active: boolean;
}

/**
 * Everything the panel shows, grouped by concern: the panel itself (open, selection, status
 * line), the thread and its codings, the undo history, thread picking, the project's sync. Replaced (never mutated)
 * on every change; a group is replaced only when something in it changed.
 */
export interface SessionState {
  open: boolean;
  selectedKey: string | null;
  status: StatusLine | null;
  thread: ThreadState;
  history: HistoryState;
  pick: PickState;
  /** Where the team project's sync stands; null when no project is joined. */
  sync: PanelSync | null;
}

/** What the panel asks of the session behind it. */
export interface PanelSession {
  snapshot(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  setOpen(open: boolean): void;
  select(key: string | null): void;
  /** Moves the selection by one among `keys` (the rows shown); returns the newly selected key. */
  move(by: 1 | -1, keys: readonly string[]): string | null;
  /** Selects the next comment in `keys` not coded (lib/edits.ts isCoded), wrapping around; returns its key. */
  nextUncoded(keys: readonly string[]): string | null;
  /** Puts a code on a comment (the selected one by default; in a single-choice variable replacing the previous choice) or takes it off. */
  toggleTag(tagId: string, key?: string | null): Promise<void>;
  /** Sets "no code applies" on a comment (taking its codes off), or clears it. */
  toggleNone(key?: string | null): Promise<void>;
  setNote(key: string, note: string): Promise<void>;
  /** Codes a passage of a comment (a segment) with a tag and selects the comment. */
  codePassage(key: string, tagId: string, passage: Passage): Promise<void>;
  /** Takes a coded passage off a comment. */
  removeSegment(key: string, segmentId: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Shows a message in the status line. */
  report(kind: StatusLine['kind'], text: string): void;
}
