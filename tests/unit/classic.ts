import { CLASSIC_CODEBOOK, CLASSIC_VARIABLE } from '../classic-codebook';
import { loadCodebook } from '../../storage/codebook';
import { SETTING_KEYS, type AnnotatorDB } from '../../storage/schema';
import type { Tag } from '../../lib/records';

/**
 * Gives a test database the classic codebook (tests/classic-codebook.ts) instead of the example
 * new installs get, marked seeded, and answers its codes as loadCodebook reads them.
 */
export async function classicCodebook(db: AnnotatorDB): Promise<Tag[]> {
  await db.transaction('rw', db.tags, db.variables, db.settings, async () => {
    await Promise.all([db.tags.clear(), db.variables.clear()]);
    await db.variables.add({ ...CLASSIC_VARIABLE });
    await db.tags.bulkAdd(CLASSIC_CODEBOOK.map((t) => ({ ...t })));
    await db.settings.put({ key: SETTING_KEYS.codebookSeeded, value: 'yes' });
  });
  return loadCodebook(db);
}
