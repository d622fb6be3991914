import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, kept current as the database changes (in any tab or context).
 * While `paused` the last result stays and nothing is read; resuming reads once, afresh.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T, paused = false): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (paused) return undefined;
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error) => console.error(error) });
    return () => subscription.unsubscribe();
  }, [...deps, paused]);
  return value;
}
