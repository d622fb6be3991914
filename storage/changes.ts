import { parseStoreChange, type StoreChange } from '../lib/changes';

// The one change signal. Every write function of storage/ announces what it changed once its
// transaction has committed; every context of the extension hears it the same way: the
// background (which relays it to the open panels: content scripts cannot join the channel), the
// popup, the options and review pages, and the review page's worker. A BroadcastChannel reaches
// all of them, since they share the extension's origin, and is per database, so tests apart.

/** The database the changes are of; its name names the channel. */
type Database = { readonly name: string };

const channelName = (db: Database) => `comment-annotator-changes:${db.name}`;

/** In Node (unit tests) a channel keeps the process alive; browsers have no such thing. */
const unref = (channel: BroadcastChannel) => (channel as { unref?: () => void }).unref?.();

/** One sending channel per database for the context's life (a channel closed at once could drop what it posted). */
const senders = new Map<string, BroadcastChannel>();

/** Tells every context of the extension (its own other listeners too) what a committed write changed. */
export function announce(db: Database, ...changes: StoreChange[]): void {
  const name = channelName(db);
  let channel = senders.get(name);
  if (!channel) {
    channel = new BroadcastChannel(name);
    unref(channel);
    senders.set(name, channel);
  }
  for (const change of changes) channel.postMessage(change);
}

/** Calls `listener` with every change announced in any context; returns the function that stops it. */
export function onChange(db: Database, listener: (change: StoreChange) => void): () => void {
  const channel = new BroadcastChannel(channelName(db));
  unref(channel);
  channel.onmessage = (event: MessageEvent) => {
    // Anything else (a page of an older version still open, say) is no news.
    const change = parseStoreChange(event.data);
    if (change) listener(change);
  };
  return () => channel.close();
}

/**
 * Hands `next` the result of `read` now and again after every change `relevant` accepts (at
 * once, or when its promise says yes: a verdict that must read something). One read at a time: changes announced during a read make one more read after it, so a burst of
 * presses costs two reads, not one each. Returns the function that stops.
 */
export function followChanges<T>(db: Database, read: () => Promise<T>, next: (value: T) => void, relevant: (change: StoreChange) => boolean | Promise<boolean> = () => true): () => void {
  let stopped = false;
  let reading = false;
  let again = false;
  const run = async () => {
    if (reading) return void (again = true);
    reading = true;
    do {
      again = false;
      try {
        const value = await read();
        if (!stopped) next(value);
      } catch (error) {
        console.error(error);
      }
    } while (again && !stopped);
    reading = false;
  };
  // Listening first: a change committed while the first read runs is read again, never missed.
  const stop = onChange(db, (change) => {
    if (stopped) return;
    const verdict = relevant(change);
    if (verdict === true) void run();
    else if (verdict) void verdict.then((yes) => { if (yes && !stopped) void run(); }, (error: unknown) => console.error(error));
  });
  void run();
  return () => {
    stopped = true;
    stop();
  };
}
