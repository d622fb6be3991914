import type { StoreChange } from '../../lib/changes';
import { shownAnnotator } from '../../storage/project';
import type { AnnotatorDB } from '../../storage/schema';

/**
 * Which changes the review page's reading follows, given whose codings the last reading showed
 * (`shown`: a name, null for everyone's, undefined before the first): every write of codings,
 * pages, the codebook or the annotator's name; never a thread's snapshot growing (the table shows
 * coded comments' snapshots, stored with their codings); the team project's state only when it
 * changes whose codings this browser may show (blind coding turned on or off, the project left).
 * A sync round announces its state several times; the codings it merged are announced as such.
 */
export const reviewFollows = (db: AnnotatorDB, shown: () => string | null | undefined) => (change: StoreChange): boolean | Promise<boolean> => {
  if (change.kind === 'thread') return false;
  if (change.kind !== 'project') return true;
  return shownAnnotator(db).then((annotator) => annotator !== shown());
};
