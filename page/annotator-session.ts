import type { LayoutName } from '../layouts/registry';
import type { AnnotationState } from '../lib/records';
import { boundComment } from '../lib/bounds';
import type { CommentStore } from './comment-store';
import type { FullTarget, PageInfoInput, PageState, Request, Response, ToContentScript } from '../lib/messages';
import type { PanelComment, PanelSession, PickState, SessionState, StatusLine } from '../components/panel/model';
import { FOREIGN_PAGE } from '../lib/site';
import { TIMINGS, startTiming } from '../lib/timings';
import type { Annotation, PageMetadata, Segment } from '../lib/records';
import type { Passage } from '../lib/passages';
import { SaveTracker, type Edit } from './save-tracker';
import { ThreadCodings } from './thread-codings';
import { ThreadSnapshots } from './thread-snapshots';
import { UndoHistory, describeStep, inverseOf, type HistoryEntry, type Step } from './undo-history';
import { movedKey, nextUncodedKey } from './selection';
import { isCodable, tagToggleEdit } from '../lib/codebook';
import { isCoded, stateOf } from '../lib/edits';
import { followSync, sameSync } from './panel-sync';

/** A message to the background and its answer. */
export type Send = <T>(request: Request) => Promise<Response<T>>;

/** What keys that act on a comment say on a page without any. */
const NO_COMMENTS = 'This page has no comments to tag.';

/**
 * The annotator on one page: the comments found and this annotator's annotations of them
 * (ThreadCodings), the selection, the undo history (UndoHistory), the changes on their way
 * (SaveTracker) and the thread's snapshots (ThreadSnapshots). Talks to the database only
 * through the background.
 */
export class AnnotatorSession implements PanelSession {
  private state: SessionState = {
    open: false, selectedKey: null, status: null,
    thread: { loaded: false, comments: [], codebook: [], variables: [], annotator: '', annotationOf: new Map(), missing: [] },
    history: { canUndo: false, canRedo: false },
    pick: { available: false, active: false },
    sync: null,
  };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private readonly codings: ThreadCodings;
  private readonly history = new UndoHistory();
  private readonly saves: SaveTracker;
  private readonly snapshots: ThreadSnapshots;
  /** Reads where the project's sync stands again. */
  private readonly readSync: () => void;
  /** load() was called: the session shows stored data, and reads it again when it changes (not before). */
  private following = false;
  private url: string;

  /**
   * `page.url` is the address the page names for itself (its canonical link); `page.ownUrl` the
   * address it is shown under, used instead when the background refuses the first (a canonical
   * link to another site). `page.reveal` shows a comment on the page (scrolls to and outlines
   * it): undo and redo select the comment they changed, which may be far from the selection.
   */
  constructor(
    store: CommentStore,
    private readonly page: { url: string; ownUrl?: string; layout(): LayoutName | null; metadata(): PageMetadata | null; reveal?(comment: PanelComment): void },
    private readonly send: Send,
  ) {
    this.url = page.url;
    this.codings = new ThreadCodings(store);
    this.saves = new SaveTracker(send);
    this.snapshots = new ThreadSnapshots(send);
    this.readSync = followSync(send, (sync) => {
      if (!sameSync(sync, this.state.sync)) this.update({ sync });
    });
    store.subscribe(() => {
      this.recompute({});
      this.keepThread();
    });
  }

  /** The address this page's codings are read from and saved under. */
  pageUrl(): string {
    return this.url;
  }

  /** The current state. */
  snapshot(): SessionState {
    return this.state;
  }

  /** Changes not confirmed saved: still on their way, or refused (the status line said why). */
  unsaved(): number {
    return this.saves.unsaved();
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
    if (!response.ok) return this.report('error', response.error);
    // After the codings (the panel's first paint waits for them): where the project's sync stands.
    this.readSync();
    this.codings.load(response.value);
    this.snapshots.load(response.value.threadKeys);
    const { codebook, variables = [], annotator } = response.value;
    this.recompute({ loaded: true, codebook, variables, annotator });
    // Coding started here before: keep the comments that arrived since.
    if (response.value.annotations.length) this.snapshots.start();
    this.keepThread();
  }

  /** Opens or closes the panel. */
  setOpen(open: boolean): void {
    if (open) performance.mark(TIMINGS.open);
    this.update({ open, selectedKey: open ? this.state.selectedKey ?? this.state.thread.comments[0]?.key ?? null : this.state.selectedKey });
  }

  /** Selects a comment by key. */
  select(key: string | null): void {
    if (key !== this.state.selectedKey) this.update({ selectedKey: key });
  }

  /** Moves the selection within `keys` (the rows the panel shows). */
  move(by: 1 | -1, keys: readonly string[]): string | null {
    const next = movedKey(keys, this.state.selectedKey, by);
    if (next) this.select(next);
    return next;
  }

  /** Selects the next comment after the selection that is not coded: no code, no "no code applies" (wrapping around). */
  nextUncoded(keys: readonly string[]): string | null {
    const next = nextUncodedKey(keys, this.state.selectedKey, (key) => isCoded(this.state.thread.annotationOf.get(key)));
    if (next) this.select(next);
    else this.report('info', this.state.thread.comments.length ? 'Every comment shown is coded.' : NO_COMMENTS);
    return next;
  }

  /**
   * Toggles a code on a comment (the selected one by default); putting on a code of a
   * single-choice variable takes the variable's other code off. The request says which way,
   * from what the panel shows plus the presses still on their way, so a resent request cannot
   * undo it. A code that only groups others is not applied.
   */
  toggleTag(tagId: string, key = this.state.selectedKey): Promise<void> {
    const { codebook, variables } = this.state.thread;
    const tag = codebook.find((t) => t.id === tagId);
    if (tag && !isCodable(tag)) {
      this.report('info', `“${tag.name}” only groups codes: apply one of the codes under it.`);
      return Promise.resolve();
    }
    const current = key ? this.intended(key)?.tagIds ?? [] : [];
    return this.act(key, { tags: tagToggleEdit(tagId, current, variables, codebook) });
  }

  /** Sets "no code applies" on a comment (the selected one by default), which takes its codes off, or clears it. */
  toggleNone(key = this.state.selectedKey): Promise<void> {
    return this.act(key, { tags: {}, none: !(key && this.intended(key)?.none) });
  }

  /** Sets the note of a comment. */
  setNote(key: string, note: string): Promise<void> {
    if ((this.intended(key)?.note ?? '') === note) return Promise.resolve();
    return this.act(key, { note });
  }

  /**
   * Codes a passage of a comment (a segment) with a tag, and selects the comment: what a tag's
   * key does while the reader has text of that comment selected.
   */
  codePassage(key: string, tagId: string, passage: Passage): Promise<void> {
    this.select(key);
    const segment: Segment = { id: `seg_${crypto.randomUUID()}`, tagId, ...passage, createdAt: new Date().toISOString() };
    return this.act(key, { segments: { add: [segment] } });
  }

  /** Takes a coded passage off a comment. */
  removeSegment(key: string, segmentId: string): Promise<void> {
    return this.act(key, { segments: { remove: [segmentId] } });
  }

  /** Undoes the last action (of the last HISTORY_LIMIT): selects and shows its comment, and says what it undid. */
  async undo(): Promise<void> {
    if (await this.history.undo((entry, edit) => this.restore(entry, edit, 'Undid'))) this.update({});
    else this.report('info', 'Nothing to undo.');
  }

  /** Redoes the last undone action, as undo does. */
  async redo(): Promise<void> {
    if (await this.history.redo((entry, edit) => this.restore(entry, edit, 'Redid'))) this.update({});
    else this.report('info', 'Nothing to redo.');
  }

  /**
   * Follows what storage announced and the background relayed: a write in another tab, on the
   * review page, an import, the codebook or the annotator's name changed on the options page,
   * the team project's sync moved on.
   */
  async onMessage(message: ToContentScript): Promise<void> {
    if (message.type !== 'stored-change') return;
    const { change } = message;
    switch (change.kind) {
      case 'annotation':
        if (change.pageUrl === this.url && change.annotator === this.state.thread.annotator) this.applySaved(change.commentKey, change.annotation, change.rev);
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
        if (this.following && change.name !== this.state.thread.annotator) return this.load();
        return;
      case 'project':
        // Joined, left, or a round moved on: the status line reads where sync stands again.
        if (this.following) this.readSync();
    }
  }

  /** Shows a message in the panel's status line. */
  report(kind: StatusLine['kind'], text: string): void {
    this.update({ status: { kind, text } });
  }

  /** Sets whether the thread can be picked, and whether the reader is picking it now. */
  setPick(pick: Partial<PickState>): void {
    this.update({ pick: { ...this.state.pick, ...pick } });
  }

  /** What a comment's annotation will be once the edits on their way are stored. */
  private intended(key: string): AnnotationState | null {
    const { codebook, annotationOf } = this.state.thread;
    return this.saves.intended(key, stateOf(annotationOf.get(key)), codebook.map((t) => t.id));
  }

  private async act(key: string | null, edit: Edit): Promise<void> {
    if (!key) return this.report('info', this.state.thread.comments.length ? 'Select a comment first (j / k).' : NO_COMMENTS);
    const target = this.targetFor(key);
    if (!target) return;
    const undo = inverseOf(edit, this.intended(key));
    const stored = startTiming(TIMINGS.press, TIMINGS.saved);
    const response = await this.sendChange(key, target, edit);
    if (!response.ok) return this.report('error', response.error);
    stored();
    this.history.record({ key, target, undo, redo: edit });
    this.applySaved(target.comment.key, response.value.after, response.value.rev, { status: null });
    // Coding started: the rest of the thread follows, after this press was answered.
    if (!this.snapshots.isStarted()) {
      this.snapshots.start();
      this.keepThread();
    }
  }

  /** Sends a change; the comment's text goes with it only while its snapshot is not known stored. */
  private async sendChange(key: string, target: FullTarget, edit: Edit) {
    const { comment } = target;
    const known = this.snapshots.has(comment.key);
    const response = await this.saves.save(key, known ? { page: target.page, comment: { key: comment.key } } : target, edit);
    if (response.ok && !known) this.snapshots.confirm(comment.key);
    return response;
  }

  /** Sends the snapshots of the page's comments not stored yet, once coding started. */
  private keepThread(): void {
    void this.snapshots.keep(this.pageInfo(), this.state.thread.comments);
  }

  /** The edit that takes `edit` back, from what the comment's annotation will be before it. */

  /** Stores an undo or redo; the comment it changed becomes the selection, shown in the list and on the page. */
  private async restore({ key, target }: HistoryEntry, edit: Edit, step: Step): Promise<boolean> {
    const response = await this.sendChange(key, target, edit);
    if (!response.ok) {
      this.report('error', response.error);
      return false;
    }
    const status: StatusLine = { kind: 'info', text: describeStep(step, edit, target.comment.author, this.state.thread.codebook) };
    const comment = this.state.thread.comments.find((c) => c.key === key);
    this.applySaved(target.comment.key, response.value.after, response.value.rev, { status, selectedKey: comment ? key : this.state.selectedKey });
    if (comment) this.page.reveal?.(comment);
    return true;
  }

  /**
   * Takes news of a stored annotation (ThreadCodings ignores news it heard already). The relay
   * brings each of this panel's own presses back after their answer: that news redraws nothing.
   */
  private applySaved(commentKey: string, annotation: Annotation | null, rev: number, changes: Partial<SessionState> = {}): void {
    if (this.codings.take(commentKey, annotation, rev)) this.recompute({}, changes);
    else if (Object.keys(changes).length) this.update(changes);
  }

  /** The page as saves describe it. */
  private pageInfo(): PageInfoInput {
    // The metadata names the address the codings are saved under, not a canonical link the background refused.
    const metadata = this.page.metadata();
    return { url: this.url, layout: this.page.layout(), metadata: metadata && { ...metadata, url: this.url }, commentCount: this.state.thread.comments.length };
  }

  /** The message target for a comment on the page; re-found comments keep their stored key. */
  private targetFor(key: string): FullTarget | null {
    const { comments, annotationOf } = this.state.thread;
    const comment = comments.find((c) => c.key === key);
    if (!comment) {
      this.report('error', 'That comment is no longer on the page.');
      return null;
    }
    const storedKey = annotationOf.get(key)?.commentKey ?? key;
    return {
      page: this.pageInfo(),
      comment: boundComment({ key: storedKey, author: comment.author, publishedAt: comment.publishedAt, permalink: comment.permalink, parentKey: comment.parentKey, text: comment.text }),
    };
  }

  /** Puts the page's comments and the annotations together again; `thread` and `changes` are set with them. */
  private recompute(thread: Partial<SessionState['thread']>, changes: Partial<SessionState> = {}): void {
    const next = { ...this.state.thread, ...this.codings.read(), ...thread };
    // Opened before the thread arrived (a frame's comments, a lazy embed): the panel shows the
    // first comment selected, as opening does, so the keys must act on it too.
    const { open, selectedKey } = { ...this.state, ...changes };
    const first = open && selectedKey === null ? next.comments[0]?.key : undefined;
    this.update({ ...changes, ...(first ? { selectedKey: first } : {}), thread: next });
  }

  private update(changes: Partial<SessionState>): void {
    this.state = { ...this.state, ...changes, history: this.history.state() };
    for (const listener of this.listeners) listener(this.state);
  }
}
