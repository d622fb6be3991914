import type { CommentStore, DocumentComments } from './comment-store';
import type { ExtractedComment } from '../layouts/types';
import { reidentify } from './reidentify';
import type { PanelComment, ThreadState } from '../components/panel/model';
import type { Annotation, CommentSnapshot } from '../lib/records';

/** What the background loaded for a page: its annotations, the texts of their comments, and at which revision. */
export interface LoadedCodings {
  annotations: Annotation[];
  snapshots: CommentSnapshot[];
  rev: number;
}

/**
 * The comments the page shows (from the comment store) and this annotator's saved annotations
 * of them, kept current by news of each stored change; puts the two together for the panel.
 */
export class ThreadCodings {
  private annotations: Annotation[] = [];
  private snapshots: CommentSnapshot[] = [];
  /** The revision (of this coder's record of the page) each stored annotation was last heard of at, by stored comment key. */
  private readonly heardAt = new Map<string, number>();
  /** The revision the page's annotations were loaded at: older news is no news. */
  private loadedAt = 0;
  private framesSeen: unknown;
  private flat: PanelComment[] = [];
  /** Each frame's comments as last flattened: late comments appended to a frame cost their own number. */
  private readonly flattened = new Map<number, { from: readonly ExtractedComment[]; to: PanelComment[] }>();

  constructor(private readonly store: CommentStore) {}

  /** Replaces the annotations with what the background loaded. */
  load(loaded: LoadedCodings): void {
    this.annotations = loaded.annotations;
    this.snapshots = loaded.snapshots;
    this.loadedAt = loaded.rev;
    this.heardAt.clear();
  }

  /** Takes news of a stored annotation (null: deleted), unless its revision or a later one was heard of already; false when it was. */
  take(commentKey: string, annotation: Annotation | null, rev: number): boolean {
    // A revision is one write of this coder's record of the page: heard of (or loaded) already, it is nothing new.
    if (rev <= Math.max(this.loadedAt, this.heardAt.get(commentKey) ?? 0)) return false;
    this.heardAt.set(commentKey, rev);
    this.annotations = this.annotations.filter((a) => a.commentKey !== commentKey);
    if (annotation) this.annotations.push(annotation);
    return true;
  }

  /** The page's comments in thread order, each with its annotation (re-found by text where keys changed), and the missing ones. */
  read(): Pick<ThreadState, 'comments' | 'annotationOf' | 'missing'> {
    // Rebuild the flat list only when the page's comments changed, not on every tag.
    const frames = this.store.snapshot().frames;
    if (frames !== this.framesSeen) {
      this.framesSeen = frames;
      const lists = frames.map((f) => this.flatten(f));
      this.flat = lists.length === 1 ? lists[0] : lists.flat();
    }
    const { byKey, missing } = reidentify(this.flat, this.annotations, this.snapshots);
    return { comments: this.flat, annotationOf: byKey, missing };
  }

  /** One frame's comments with their frame id; when the frame only gained comments at its end, only those are new. */
  private flatten({ frameId, comments }: DocumentComments): PanelComment[] {
    const before = this.flattened.get(frameId);
    let to: PanelComment[];
    if (before?.from === comments) return before.to;
    if (before && extendsList(comments, before.from)) to = before.to.concat(comments.slice(before.from.length).map((c) => ({ ...c, frameId })));
    else to = comments.map((c) => ({ ...c, frameId }));
    this.flattened.set(frameId, { from: comments, to });
    return to;
  }
}

/** Whether `list` is `start` followed by more (the same comment objects, in the same order). */
function extendsList(list: readonly ExtractedComment[], start: readonly ExtractedComment[]): boolean {
  if (list.length < start.length) return false;
  for (let i = 0; i < start.length; i++) if (list[i] !== start[i]) return false;
  return true;
}
