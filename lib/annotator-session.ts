import type { LayoutName } from '../layouts/registry';
import type { ExtractedComment } from '../layouts/types';
import type { AnnotationState, Change } from '../storage/annotations';
import type { Annotation, CommentSnapshot, Tag } from '../storage/schema';
import { boundComment } from './bounds';
import type { CommentStore } from './comment-store';
import type { PageMetadata } from './page-metadata';
import type { PageState, Request, Response, TargetInput, ToContentScript } from './messages';
import { reidentify, type MissingComment } from './reidentify';

/** A comment in the panel: where it came from (frame 0 = the page itself, else an iframe). */
export type PanelComment = ExtractedComment & { frameId: number };

/** A message to the background and its answer. */
export type Send = <T>(request: Request) => Promise<Response<T>>;

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

interface HistoryEntry {
  target: TargetInput;
  before: AnnotationState | null;
  after: AnnotationState | null;
}

const HISTORY = 20;
const stateOf = (a: Annotation | null): AnnotationState | null => (a ? { tagIds: a.tagIds, note: a.note } : null);

/**
 * The annotator on one page: the comments found, this annotator's annotations of them, the
 * selection and the undo history. Talks to the database only through the background.
 */
export class AnnotatorSession {
  private state: SessionState = {
    open: false, loaded: false, comments: [], codebook: [], annotator: '', annotationOf: new Map(), missing: [],
    selectedKey: null, status: null, canUndo: false, canRedo: false, lastSaveMs: null, saveCount: 0, openedAt: 0,
    canPick: false, picking: false, unsaved: 0,
  };
  private annotations: Annotation[] = [];
  private snapshots: CommentSnapshot[] = [];
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private readonly listeners = new Set<(state: SessionState) => void>();
  private framesSeen: unknown;
  private flat: PanelComment[] = [];

  constructor(
    private readonly store: CommentStore,
    private readonly page: { url: string; layout(): LayoutName | null; metadata(): PageMetadata | null },
    private readonly send: Send,
  ) {
    store.subscribe(() => this.recompute({}));
  }

  /** The current state. */
  snapshot(): SessionState {
    return this.state;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the codebook and the saved annotations of this page. */
  async load(): Promise<void> {
    const response = await this.send<PageState>({ type: 'get-page-state', pageUrl: this.page.url });
    if (!response.ok) return this.update({ status: { kind: 'error', text: response.error } });
    this.annotations = response.value.annotations;
    this.snapshots = response.value.snapshots;
    this.recompute({ loaded: true, codebook: response.value.codebook, annotator: response.value.annotator });
  }

  /** Opens or closes the panel. */
  setOpen(open: boolean): void {
    this.update({
      open,
      openedAt: open ? performance.now() : this.state.openedAt,
      selectedKey: open ? this.state.selectedKey ?? this.state.comments[0]?.key ?? null : this.state.selectedKey,
    });
  }

  /** Selects a comment by key. */
  select(key: string | null): void {
    if (key !== this.state.selectedKey) this.update({ selectedKey: key });
  }

  /** Moves the selection within `keys` (the rows the panel shows). */
  move(by: 1 | -1, keys: readonly string[]): string | null {
    if (!keys.length) return null;
    const at = this.state.selectedKey ? keys.indexOf(this.state.selectedKey) : -1;
    const next = keys[at === -1 ? (by > 0 ? 0 : keys.length - 1) : Math.min(keys.length - 1, Math.max(0, at + by))];
    this.select(next);
    return next;
  }

  /** Selects the next comment after the selection without any tag (wrapping around). */
  nextUntagged(keys: readonly string[]): string | null {
    const at = this.state.selectedKey ? keys.indexOf(this.state.selectedKey) : -1;
    for (let step = 1; step <= keys.length; step++) {
      const key = keys[(at + step) % keys.length];
      if (!this.state.annotationOf.get(key)?.tagIds.length) {
        this.select(key);
        return key;
      }
    }
    this.update({ status: { kind: 'info', text: 'Every comment shown has a tag.' } });
    return null;
  }

  /** Toggles a tag on a comment (the selected one by default). */
  toggleTag(tagId: string, key = this.state.selectedKey): Promise<void> {
    return this.act(key, (target) => ({ type: 'toggle-tag', target, tagId }));
  }

  /** Sets the note of a comment. */
  setNote(key: string, note: string): Promise<void> {
    if ((this.state.annotationOf.get(key)?.note ?? '') === note) return Promise.resolve();
    return this.act(key, (target) => ({ type: 'set-note', target, note }));
  }

  /** Undoes the last action (of the last 20). */
  async undo(): Promise<void> {
    const entry = this.undoStack.pop();
    if (!entry) return this.update({ status: { kind: 'info', text: 'Nothing to undo.' } });
    if (await this.restore(entry.target, entry.before)) this.redoStack.push(entry);
    else this.undoStack.push(entry);
    this.update({});
  }

  /** Redoes the last undone action. */
  async redo(): Promise<void> {
    const entry = this.redoStack.pop();
    if (!entry) return this.update({ status: { kind: 'info', text: 'Nothing to redo.' } });
    if (await this.restore(entry.target, entry.after)) this.undoStack.push(entry);
    else this.redoStack.push(entry);
    this.update({});
  }

  /** Follows changes made elsewhere (another tab, the options page). */
  async onMessage(message: ToContentScript): Promise<void> {
    if (message.type === 'codebook-changed') return this.load();
    if (message.type !== 'annotation-changed' || message.pageUrl !== this.page.url || message.annotator !== this.state.annotator) return;
    this.applySaved(message.commentKey, message.annotation);
  }

  /** Shows a message in the panel's status line. */
  report(kind: 'error' | 'info', text: string): void {
    this.update({ status: { kind, text } });
  }

  /** Sets whether the thread can be picked, and whether the reader is picking it now. */
  setPicking(picking: { canPick?: boolean; picking?: boolean }): void {
    this.update(picking);
  }

  /** Sends a change; it counts as unsaved until the background confirms it (a refusal keeps counting). */
  private async sendChange(request: Request): Promise<Response<Change>> {
    this.state = { ...this.state, unsaved: this.state.unsaved + 1 };
    const response = await this.send<Change>(request);
    if (response.ok) this.state = { ...this.state, unsaved: this.state.unsaved - 1 };
    return response;
  }

  private async act(key: string | null, request: (target: TargetInput) => Request): Promise<void> {
    if (!key) return this.update({ status: { kind: 'info', text: 'Select a comment first (j / k).' } });
    const target = this.targetFor(key);
    if (!target) return;
    const started = performance.now();
    const response = await this.sendChange(request(target));
    if (!response.ok) return this.update({ status: { kind: 'error', text: response.error } });
    this.undoStack.push({ target, before: response.value.before, after: stateOf(response.value.after) });
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
    this.applySaved(target.comment.key, response.value.after, {
      lastSaveMs: performance.now() - started, saveCount: this.state.saveCount + 1, status: null,
    });
  }

  private async restore(target: TargetInput, state: AnnotationState | null): Promise<boolean> {
    const response = await this.sendChange({ type: 'restore-annotation', target, state });
    if (!response.ok) {
      this.update({ status: { kind: 'error', text: response.error } });
      return false;
    }
    this.applySaved(target.comment.key, response.value.after, { status: null });
    return true;
  }

  private applySaved(commentKey: string, annotation: Annotation | null, extra: Partial<SessionState> = {}): void {
    this.annotations = this.annotations.filter((a) => a.commentKey !== commentKey);
    if (annotation) this.annotations.push(annotation);
    this.recompute(extra);
  }

  /** The message target for a comment on the page; re-found comments keep their stored key. */
  private targetFor(key: string): TargetInput | null {
    const comment = this.state.comments.find((c) => c.key === key);
    if (!comment) {
      this.update({ status: { kind: 'error', text: 'That comment is no longer on the page.' } });
      return null;
    }
    const storedKey = this.state.annotationOf.get(key)?.commentKey ?? key;
    return {
      page: { url: this.page.url, layout: this.page.layout(), metadata: this.page.metadata(), commentCount: this.state.comments.length },
      comment: boundComment({ key: storedKey, author: comment.author, publishedAt: comment.publishedAt, permalink: comment.permalink, parentKey: comment.parentKey, text: comment.text }),
    };
  }

  private recompute(extra: Partial<SessionState>): void {
    // Rebuild the flat list only when the page's comments changed, not on every tag.
    const frames = this.store.snapshot().frames;
    if (frames !== this.framesSeen) {
      this.framesSeen = frames;
      this.flat = frames.flatMap((f) => f.comments.map((c) => ({ ...c, frameId: f.frameId })));
    }
    const comments = this.flat;
    const { byKey, missing } = reidentify(comments, this.annotations, this.snapshots);
    this.update({ comments, annotationOf: byKey, missing, ...extra });
  }

  private update(changes: Partial<SessionState>): void {
    this.state = { ...this.state, ...changes, canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0 };
    for (const listener of this.listeners) listener(this.state);
  }
}
