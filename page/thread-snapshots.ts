import { boundComment, THREAD_PART_LIMIT } from '../lib/bounds';
import type { PageInfoInput, Request, Response, SnapshotInput } from '../lib/messages';

/**
 * Which comments of the page have their snapshot stored, and the sending of the others once
 * coding started on the page: the whole thread a part at a time, then each comment as it
 * arrives. One part is on its way at a time, after the press that started coding was answered:
 * a press never waits behind the thread. A press on a comment not known stored carries its text.
 */
export class ThreadSnapshots {
  private stored = new Set<string>();
  /** Keys sent in a part not answered yet. */
  private readonly sending = new Set<string>();
  private started = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly send: (request: Request) => Promise<Response<number>>) {}

  /** Takes the keys the background has snapshots of (a load), forgetting what was known before. */
  load(keys: readonly string[]): void {
    this.stored = new Set(keys);
  }

  /** Whether the comment's snapshot is known stored (`key`: the stored key). */
  has(key: string): boolean {
    return this.stored.has(key);
  }

  /** A save that carried the comment's text was confirmed: its snapshot is stored. */
  confirm(key: string): void {
    this.stored.add(key);
  }

  /** Whether coding started on the page (the session then keeps the thread). */
  isStarted(): boolean {
    return this.started;
  }

  /** Coding started on the page: from now on its comments are kept. */
  start(): void {
    this.started = true;
  }

  /**
   * Sends the comments whose snapshots are neither stored nor on their way, a part at a time
   * (`comments` may carry more fields: only a snapshot's are sent). Before coding starts, nothing.
   */
  keep(page: PageInfoInput, comments: readonly SnapshotInput[]): Promise<void> {
    if (!this.started) return this.queue;
    const missing = comments.filter((c) => !this.stored.has(c.key) && !this.sending.has(c.key))
      .map((c) => boundComment({ key: c.key, author: c.author, publishedAt: c.publishedAt, permalink: c.permalink, parentKey: c.parentKey, text: c.text }));
    for (let at = 0; at < missing.length; at += THREAD_PART_LIMIT) {
      const part = missing.slice(at, at + THREAD_PART_LIMIT);
      for (const c of part) this.sending.add(c.key);
      this.queue = this.queue.then(async () => {
        const response = await this.send({ type: 'save-thread', page, comments: part });
        for (const c of part) {
          this.sending.delete(c.key);
          // Refused (or lost): the next change of the page's comments sends it again.
          if (response.ok) this.stored.add(c.key);
        }
      });
    }
    return this.queue;
  }
}
