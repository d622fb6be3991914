import { readProject, readSyncState, type Project, type SyncState } from '../../storage/project';
import type { AnnotatorDB } from '../../storage/schema';
import { useStored } from './useStored';

/** What the status line says of a joined project's sync. */
export function syncStatusText(state: SyncState): string {
  const waiting = Object.keys(state.pending).length;
  const pages = `${waiting} page${waiting === 1 ? '' : 's'}`;
  if (state.error) return `Not synced: ${state.error}${waiting ? ` (${pages} waiting, kept here)` : ''}`;
  if (waiting) return `${pages} waiting to be sent…`;
  if (!state.lastSync) return 'Connecting…';
  return `synced · last ${new Date(state.lastSync).toLocaleString()}`;
}

/** What the project status says of blind coding (nothing while it is off). */
export function blindStatusText(state: SyncState): string | null {
  if (!state.blind) return null;
  return state.lead ? 'Blind coding: on — each coder sees only their own codings; you see everyone\'s' : 'Blind coding: on — you see only your own codings';
}

/** The joined project and where its sync stands, read again when either changes. */
export function useProject(db: AnnotatorDB): { project: Project | null; state: SyncState | null } {
  return useStored(db, async () => ({ project: await readProject(db), state: await readSyncState(db) }), { project: null as Project | null, state: null as SyncState | null }, (change) => change.kind === 'project');
}

/** The project's sync in one line (nothing when no project is joined). */
export function SyncStatus({ db, testId = 'ca-sync-status' }: { db: AnnotatorDB; testId?: string }) {
  const { project, state } = useProject(db);
  if (!project) return null;
  const blind = state && blindStatusText(state);
  return (
    <>
      <p role="status" data-testid={testId} class={state?.error ? 'sync error' : 'sync'} title={project.url}>
        {state ? syncStatusText(state) : 'Connecting…'}
      </p>
      {blind && <p data-testid={`${testId}-blind`} class="sync">{blind}</p>}
    </>
  );
}
