// What the panel shows and what it may ask for. The page's annotator session implements it;
// the panel knows nothing else of the page (hypothesis keeps its sidebar apart the same way).
import type { ExtractedComment } from '../../layouts/types';
import type { Annotation, CommentSnapshot, Tag } from '../../lib/records';

/** A comment in the panel: where it came from (frame 0 = the page itself, else an iframe). */
export type PanelComment = ExtractedComment & { frameId: number };

/** A saved annotation whose comment is not on the page any more, with the text it had. */
export interface MissingComment {
  annotation: Annotation;
  snapshot: CommentSnapshot | undefined;
}

/** Everything the panel shows. Replaced (never mutated) on every change. */
export interface SessionState {
  open: boolean;
  loaded: boolean;
  comments: PanelComment[];
  codebook: Tag[];
  annotator: string;
  /** The annotation of each comment on the page, by the comment's current key. */
  annotationOf: Map<string, Annotation>;
  /** Tagged comments that are not on the page any more. */
  missing: MissingComment[];
  selectedKey: string | null;
  status: { kind: 'error' | 'info'; text: string } | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Milliseconds from the last action to its commit in the database (read by the benchmark). */
  lastSaveMs: number | null;
  /** How many actions this panel has saved. */
  saveCount: number;
  /** When the panel was last asked to open (performance.now()), to time its first render. */
  openedAt: number;
  /** On a page the reader opened the panel on by hand: the thread can be picked by clicking a comment. */
  canPick: boolean;
  /** Waiting for the reader to click a comment on the page. */
  picking: boolean;
  /** Changes not confirmed saved: still on their way, or refused (the status line said why). */
  unsaved: number;
}

/** What the panel asks of the session behind it. */
export interface PanelSession {
  snapshot(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  setOpen(open: boolean): void;
  select(key: string | null): void;
  /** Moves the selection by one among `keys` (the rows shown); returns the newly selected key. */
  move(by: 1 | -1, keys: readonly string[]): string | null;
  /** Selects the next comment in `keys` without tags, wrapping around; returns its key. */
  nextUntagged(keys: readonly string[]): string | null;
  toggleTag(tagId: string, key?: string | null): Promise<void>;
  setNote(key: string, note: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}
