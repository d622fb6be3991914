import type { LayoutName } from '../layouts/registry';
import { applyEdit, type AnnotationEdit, type AnnotationState } from '../lib/edits';
import { boundComment } from '../lib/bounds';
import type { CommentStore } from './comment-store';
import type { PageState, Request, Response, TargetInput, ToContentScript } from '../lib/messages';
import { reidentify } from './reidentify';
import type { PanelComment, PanelSession, SessionState } from '../components/panel/model';
import { FOREIGN_PAGE } from '../lib/site';
import type { Annotation, Change, CommentSnapshot, PageMetadata } from '../lib/records';

/** A message to the background and its answer. */
export type Send = <T>(request: Request) => Promise<Response<T>>;

/** One change the panel asks for, as the message states it: a tag on or off, or the note. */
type Edit = { tagId: string; on: boolean } | { note: string };

/**
 * An action and its inverse, both stated as changes: undo takes off the tag the press put on (or
 * sets the note back), never writes back a whole earlier row over what others changed since.
 */
interface HistoryEntry {
  /** The comment's key in the panel (its stored key is the target's). */
  key: string;
  target: TargetInput;
  undo: Edit;
  redo: Edit;
}

const HISTORY = 20;
const stateOf = (a: Annotation | null | undefined): AnnotationState | null => (a ? { tagIds: a.tagIds, note: a.note } : null);
const asEdit = (edit: Edit): AnnotationEdit => ('note' in edit ? { note: edit.note } : { tags: { [edit.tagId]: edit.on } });

/**
 * The annotator on one page: the comments found, this annotator's annotations of them, the
 * selection and the undo history. Talks to the database only through the background.
 */
export class AnnotatorSession implements PanelSession {
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
  /** Edits sent but not answered yet, by comment key (the panel's): the next press builds on them. */
  private readonly inFlight = new Map<string, Edit[]>();
  /** The bundle revision each stored annotation was last heard of at, by stored comment key. */
  private readonly heardAt = new Map<string, number>();
  /** The revision the page's annotations were loaded at: older news is no news. */
  private loadedAt = 0;
  /** load() was called: the session shows stored data, and reads it again when it changes (not before). */
  private following = false;
  private url: string;

  /**
   * `page.url` is the address the page names for itself (its canonical link); `page.ownUrl` the
   * address it is shown under, used instead when the background refuses the first (a canonical
   * link to another site).
   */
  constructor(
    private readonly store: CommentStore,
    private readonly page: { url: string; ownUrl?: string; layout(): LayoutName | null; metadata(): PageMetadata | null },
    private readonly send: Send,
  ) {
    this.url = page.url;
    store.subscribe(() => this.recompute({}));
  }

  /** The address this page's codings are read from and saved under. */
  pageUrl(): string {
    return this.url;
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
    this.following = true;
    const response = await this.send<PageState>({ type: 'get-page-state', pageUrl: this.url });
    if (!response.ok && response.error.startsWith(FOREIGN_PAGE) && this.page.ownUrl && this.url !== this.page.ownUrl) {
      this.url = this.page.ownUrl;
      return this.load();
    }
    if (!response.ok) return this.update({ status: { kind: 'error', text: response.error } });
    this.annotations = response.value.annotations;
    this.snapshots = response.value.snapshots;
    this.loadedAt = response.value.rev;
    this.heardAt.clear();
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

  /**
   * Toggles a tag on a comment (the selected one by default): the request says which way, from
   * what the panel shows plus the presses still on their way, so a resent request cannot undo it.
   */
  toggleTag(tagId: string, key = this.state.selectedKey): Promise<void> {
    const on = !key || !this.intended(key)?.tagIds.includes(tagId);
    return this.act(key, { tagId, on });
  }

  /** Sets the note of a comment. */
  setNote(key: string, note: string): Promise<void> {
    if ((this.intended(key)?.note ?? '') === note) return Promise.resolve();
    return this.act(key, { note });
  }

  /** Undoes the last action (of the last 20). */
  async undo(): Promise<void> {
    const entry = this.undoStack.pop();
    if (!entry) return this.update({ status: { kind: 'info', text: 'Nothing to undo.' } });
    if (await this.restore(entry, entry.undo)) this.redoStack.push(entry);
    else this.undoStack.push(entry);
    this.update({});
  }

  /** Redoes the last undone action. */
  async redo(): Promise<void> {
    const entry = this.redoStack.pop();
    if (!entry) return this.update({ status: { kind: 'info', text: 'Nothing to redo.' } });
    if (await this.restore(entry, entry.redo)) this.undoStack.push(entry);
    else this.redoStack.push(entry);
    this.update({});
  }

  /**
   * Follows what storage announced and the background relayed: a write in another tab, on the
   * review page, an import, the codebook or the annotator's name changed on the options page.
   */
  async onMessage(message: ToContentScript): Promise<void> {
    if (message.type !== 'stored-change') return;
    const { change } = message;
    switch (change.kind) {
      case 'annotation':
        if (change.pageUrl === this.url && change.annotator === this.state.annotator) this.applySaved(change.commentKey, change.annotation, change.rev);
        return;
      case 'pages':
        if (this.following && (change.pageUrls === null || change.pageUrls.includes(this.url))) return this.load();
        return;
      case 'codebook':
        if (this.following) return this.load();
        return;
      case 'annotator':
        // Renamed: the annotations moved to the new name; read them (and the name) again, so
        // news for the new name is taken and the next press changes them, as before the rename.
        if (this.following && change.name !== this.state.annotator) return this.load();
    }
  }

  /** Shows a message in the panel's status line. */
  report(kind: 'error' | 'info', text: string): void {
    this.update({ status: { kind, text } });
  }

  /** Sets whether the thread can be picked, and whether the reader is picking it now. */
  setPicking(picking: { canPick?: boolean; picking?: boolean }): void {
    this.update(picking);
  }

  /** What a comment's annotation will be once the edits on their way are stored. */
  private intended(key: string): AnnotationState | null {
    const order = this.state.codebook.map((t) => t.id);
    return (this.inFlight.get(key) ?? []).reduce<AnnotationState | null>((state, edit) => applyEdit(state, asEdit(edit), order), stateOf(this.state.annotationOf.get(key)));
  }

  /**
   * Sends a change; it counts as unsaved until the background confirms it is stored (a refusal
   * keeps counting), and the panel's next press on the comment builds on it meanwhile.
   */
  private async sendChange(key: string, target: TargetInput, asked: Edit): Promise<Response<Change>> {
    this.state = { ...this.state, unsaved: this.state.unsaved + 1 };
    // A copy: undo and redo send the same entry's edits again, possibly while one is still on its way.
    const edit = { ...asked };
    this.inFlight.set(key, [...this.inFlight.get(key) ?? [], edit]);
    const request: Request = 'note' in edit ? { type: 'set-note', target, note: edit.note } : { type: 'set-tag', target, tagId: edit.tagId, on: edit.on };
    const response = await this.send<Change>(request);
    const left = (this.inFlight.get(key) ?? []).filter((e) => e !== edit);
    if (left.length) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    if (response.ok) this.state = { ...this.state, unsaved: this.state.unsaved - 1 };
    return response;
  }

  private async act(key: string | null, edit: Edit): Promise<void> {
    if (!key) return this.update({ status: { kind: 'info', text: 'Select a comment first (j / k).' } });
    const target = this.targetFor(key);
    if (!target) return;
    const undo: Edit = 'note' in edit ? { note: this.intended(key)?.note ?? '' } : { tagId: edit.tagId, on: !edit.on };
    const started = performance.now();
    const response = await this.sendChange(key, target, edit);
    if (!response.ok) return this.update({ status: { kind: 'error', text: response.error } });
    this.undoStack.push({ key, target, undo, redo: edit });
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
    this.applySaved(target.comment.key, response.value.after, response.value.rev, {
      lastSaveMs: performance.now() - started, saveCount: this.state.saveCount + 1, status: null,
    });
  }

  private async restore({ key, target }: HistoryEntry, edit: Edit): Promise<boolean> {
    const response = await this.sendChange(key, target, edit);
    if (!response.ok) {
      this.update({ status: { kind: 'error', text: response.error } });
      return false;
    }
    this.applySaved(target.comment.key, response.value.after, response.value.rev, { status: null });
    return true;
  }

  /** Takes news of a stored annotation, unless the panel heard of a later revision of it already. */
  private applySaved(commentKey: string, annotation: Annotation | null, rev: number, extra: Partial<SessionState> = {}): void {
    if (rev < Math.max(this.loadedAt, this.heardAt.get(commentKey) ?? 0)) return this.recompute(extra);
    this.heardAt.set(commentKey, rev);
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
    // The metadata names the address the codings are saved under, not a canonical link the background refused.
    const metadata = this.page.metadata();
    return {
      page: { url: this.url, layout: this.page.layout(), metadata: metadata && { ...metadata, url: this.url }, commentCount: this.state.comments.length },
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
