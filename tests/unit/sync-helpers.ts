import { setTag } from '../../storage/annotations';
import { readEverything } from '../../storage/codings';
import { loadCodebook } from '../../storage/codebook';
import { joinProject, noteChange } from '../../storage/project';
import { AnnotatorDB, SETTING_KEYS } from '../../storage/schema';
import { classicCodebook } from './classic';

// What the sync tests share: one browser's database joined to a project, tagging as the
// background does, and the codings a database holds, in one line each.

/** The thread every sync test codes. */
export const PAGE = 'https://www.xperiablog.net/2013/10/11/sony-xperia-z1/';
const page = { url: PAGE, layout: 'disqus' as const, metadata: null, commentCount: 3 };

/** Comment `n` of the thread. */
export const comment = (n: number) => ({ key: `disqus:${n}`, author: `Reader ${n}`, publishedAt: null, permalink: null, parentKey: null, text: `Comment ${n}` });

let dbs = 0;

/** A browser's fresh database annotating as `name`, with the classic codebook. */
export async function freshBrowser(name: string): Promise<AnnotatorDB> {
  const db = new AnnotatorDB(`sync-test-${++dbs}`);
  await db.settings.put({ key: SETTING_KEYS.annotator, value: name });
  await classicCodebook(db);
  return db;
}

/** A browser annotating as `name`, joined to the project database `url` as `user` (password pw-USER). */
export async function joinedBrowser(url: string, name: string, user = name): Promise<AnnotatorDB> {
  const db = await freshBrowser(name);
  await joinProject(db, { url, user, password: `pw-${user}` });
  return db;
}

/** Tags comment `n` as this browser's annotator and notes the change for sync, as the background does. */
export async function tag(db: AnnotatorDB, n: number, tagId: string, on = true) {
  const codebook = (await loadCodebook(db)).map((t) => t.id);
  const change = await setTag(db, { page, comment: comment(n) }, tagId, on, codebook);
  const me = (await db.settings.get(SETTING_KEYS.annotator))!.value;
  await noteChange(db, { kind: 'annotation', pageUrl: PAGE, commentKey: `disqus:${n}`, annotator: me, annotation: change.after, rev: change.rev }, me);
}

/** Every coding a browser holds, as 'ANNOTATOR COMMENT TAGS', sorted. */
export const codings = async (db: AnnotatorDB) => (await readEverything(db)).annotations
  .map((a) => `${a.annotator} ${a.commentKey} ${a.tagIds.join(',')}`).sort();
