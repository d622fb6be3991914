import type { LayoutName } from '../layouts/registry';
import type { ExtractedComment } from '../layouts/types';

/** The comments of one document of the page: the top document (frame 0) or an iframe. */
export interface DocumentComments {
  frameId: number;
  layout: LayoutName;
  comments: ExtractedComment[];
}

/** A snapshot of everything found on the page, top document first, then frames in frame order. */
export interface PageComments {
  frames: DocumentComments[];
  count: number;
}

/** Holds the comments found in the top document and reported by its frames; tells listeners on change. */
export class CommentStore {
  private readonly frames = new Map<number, DocumentComments>();
  private readonly listeners = new Set<(page: PageComments) => void>();
  private current: PageComments = { frames: [], count: 0 };

  /** Replaces what one document (frame 0 = top) holds. */
  set(report: DocumentComments): void {
    this.frames.set(report.frameId, report);
    const frames = [...this.frames.values()].sort((a, b) => a.frameId - b.frameId);
    this.current = { frames, count: frames.reduce((sum, f) => sum + f.comments.length, 0) };
    for (const listener of this.listeners) listener(this.current);
  }

  /** What is known now. */
  snapshot(): PageComments {
    return this.current;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (page: PageComments) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
