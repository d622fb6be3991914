import type { PanelSync, Request, Response } from '../lib/messages';

/**
 * Reads where the team project's sync stands from the background and hands it to `show`:
 * returns the function that reads it again (when storage announced that the project or its sync
 * moved). One request at a time; news during one makes one more after it, so a burst of rounds
 * costs two reads. An unanswered request shows nothing new.
 */
export function followSync(send: <T>(request: Request) => Promise<Response<T>>, show: (sync: PanelSync | null) => void): () => void {
  let reading = false;
  let again = false;
  const read = async () => {
    if (reading) return void (again = true);
    reading = true;
    try {
      do {
        again = false;
        const response = await send<PanelSync | null>({ type: 'get-sync-status' });
        if (response.ok) show(response.value);
      } while (again);
    } finally {
      reading = false;
    }
  };
  // A request that failed outright shows nothing new; the next news reads again.
  return () => void read().catch(() => undefined);
}

/** Whether two answers say the same (a round that changed nothing the line shows is no change). */
export const sameSync = (a: PanelSync | null, b: PanelSync | null) =>
  a === b || (!!a && !!b && a.project === b.project && a.lastSync === b.lastSync && a.waiting === b.waiting && a.error === b.error);
