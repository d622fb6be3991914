import { readProject, readSyncState } from './project';
import type { AnnotatorDB } from './schema';
import { databaseName } from '../lib/blind';
import type { PanelSync } from '../lib/messages';

/**
 * Where the joined project's sync stands, for a panel in a web page (null: no project). Only
 * words and counts leave: the page must not learn the server's address, the user or the
 * password, which an error's words are cleaned of too.
 */
export async function readPanelSync(db: AnnotatorDB): Promise<PanelSync | null> {
  const [project, state] = await Promise.all([readProject(db), readSyncState(db)]);
  if (!project) return null;
  const clean = (words: string) => (project.password ? words.split(project.password).join('…') : words);
  return {
    project: databaseName(project),
    lastSync: state.lastSync,
    waiting: Object.keys(state.pending).length,
    error: state.error === null ? null : clean(state.error),
  };
}
