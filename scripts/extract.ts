/**
 * Reads saved article pages and prints their comments as JSON, with the same layout code the
 * extension runs in the browser:  npm run --silent extract -- [--jsonl] [--generic] FILE...
 * `--generic` also tries the generic detector, as the panel does where the reader opened it by hand.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSavedPage } from './read-page';

const USAGE = 'usage: npm run --silent extract -- [--jsonl] [--generic] FILE...';
const OPTIONS = new Set(['--jsonl', '--generic']);

/** Parses one saved page and returns what the extension would find on it. */
async function extractFile(file: string, options: { generic?: boolean } = {}) {
  const html = await readFile(file, 'utf8');
  return { file, ...readSavedPage(html, pathToFileURL(resolve(file)).href, options) };
}

async function main(argv: string[]): Promise<number> {
  const jsonl = argv.includes('--jsonl');
  const generic = argv.includes('--generic');
  const files = argv.filter((arg) => !OPTIONS.has(arg));
  const unknown = files.filter((arg) => arg.startsWith('--'));
  if (unknown.length || !files.length) {
    console.error(unknown.length ? `extract: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const compact = jsonl || files.length > 1;
  let failed = 0;
  for (const file of files) {
    try {
      const result = await extractFile(file, { generic });
      process.stdout.write(`${compact ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      failed++;
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file'
        : (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory'
        : (error as Error).message;
      console.error(`extract: cannot read ${file}: ${reason}`);
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
