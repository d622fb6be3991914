import type { AnnotatorDB } from './schema';

/** The tables a raw transaction may use, as IndexedDB names them (Dexie's table names). */
export type Store = 'codings' | 'pages' | 'settings' | 'threads';

const promised = <T>(request: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/**
 * A readwrite transaction on the database's own IndexedDB connection, without Dexie's layers:
 * what one annotation's write (a key press) runs in. There Dexie's promise zones, middleware and
 * transaction set-up cost about as much as the database's own work (in Chromium, a press's reads
 * and writes took 3.4 ms through Dexie, 1.9 ms like this). Reads are promised; writes are only
 * issued (a failed one aborts the transaction, and inRawTransaction rejects with its error), so
 * the commit can be asked for together with them instead of a round trip after their answers.
 */
export class RawTransaction {
  constructor(private readonly tx: IDBTransaction) {}

  /** The row stored under `key`, or undefined. */
  get<T>(store: Store, key: IDBValidKey): Promise<T | undefined> {
    return promised(this.tx.objectStore(store).get(key));
  }

  /** The primary keys from `lower` to `upper`, both included. */
  keysBetween<K extends IDBValidKey>(store: Store, [lower, upper]: readonly [unknown, unknown]): Promise<K[]> {
    return promised(this.tx.objectStore(store).getAllKeys(IDBKeyRange.bound(lower, upper))) as Promise<K[]>;
  }

  /** Stores `row` (its key is in it), replacing what was stored under its key. */
  put(store: Store, row: object): void {
    this.tx.objectStore(store).put(row);
  }

  /** Stores `row` under a key not used yet (the transaction fails if it is). */
  add(store: Store, row: object): void {
    this.tx.objectStore(store).add(row);
  }
}

/**
 * Runs `body` in one readwrite transaction over `stores` and resolves with its result once the
 * transaction has committed (never before: an answer means stored). The commit is asked for as
 * soon as `body` is done, so `body` must have issued every write by then. A `body` that throws
 * aborts the transaction: nothing it wrote is kept.
 */
export async function inRawTransaction<T>(db: AnnotatorDB, stores: Store[], body: (tx: RawTransaction) => Promise<T>): Promise<T> {
  const connection = (db.isOpen() ? db : await db.open()).backendDB();
  const tx = connection.transaction(stores, 'readwrite', { durability: 'relaxed' });
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was cancelled.', 'AbortError'));
  });
  try {
    const result = await body(new RawTransaction(tx));
    tx.commit();
    await committed;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Finished already (it was the commit that failed).
    }
    await committed.catch(() => undefined);
    throw error;
  }
}
