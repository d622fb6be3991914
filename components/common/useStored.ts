import { useEffect, useState } from 'preact/hooks';
import { followChanges } from '../../storage/changes';
import type { StoreChange } from '../../lib/changes';

/**
 * The result of `read`, read again whenever storage announces a change `relevant` accepts (a
 * write in any tab or context: storage/changes.ts). The popup and the options page show stored
 * data this way, as the review page's worker and the background hear it: one change signal.
 * `read` and `relevant` are taken once per database (they may only use what never changes).
 */
export function useStored<T>(db: { readonly name: string }, read: () => Promise<T>, initial: T, relevant?: (change: StoreChange) => boolean): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => followChanges(db, read, setValue, relevant), [db]);
  return value;
}
