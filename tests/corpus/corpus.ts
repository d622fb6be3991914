import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real saved pages beside the repository (`../shared/corpus/blogs-2012`); absent on some machines. */
export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/blogs-2012');

/** One saved page of the corpus with its family and the text of its gold comments. */
export interface CorpusPage {
  id: string;
  family: string;
  file: string;
  gold: string;
}

/** Every page the corpus lists, or [] when the corpus is not on this machine. */
export function corpusPages(dir = CORPUS_DIR): CorpusPage[] {
  const list = join(dir, 'families.tsv');
  if (!existsSync(list)) return [];
  return readFileSync(list, 'utf8').trim().split('\n').slice(1).map((line) => {
    const [id, family] = line.split('\t');
    return { id, family, file: join(dir, 'pages', `${id}.html`), gold: join(dir, 'gold', `${id}.txt`) };
  });
}
