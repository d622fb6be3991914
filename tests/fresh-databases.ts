import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { AnnotatorDB } from '../storage/schema';

/** Returns a maker of new, opened databases named `prefix-UUID`; each is closed and deleted after its test. */
export function freshDatabases(prefix: string): () => Promise<AnnotatorDB> {
  const opened: AnnotatorDB[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return async () => {
    const db = new AnnotatorDB(`${prefix}-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    return db;
  };
}
