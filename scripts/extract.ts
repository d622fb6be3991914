/**
 * Reads saved article pages and prints their comments as JSON, with the same layout code the
 * extension runs in the browser:  npm run --silent extract -- [--jsonl] FILE...
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractComments } from '../layouts/registry';
import { readPageMetadata } from '../lib/page-metadata';

const USAGE = 'usage: npm run --silent extract -- [--jsonl] FILE...';

/** Parses one saved page and returns what the extension would find on it. */
export async function extractFile(file: string) {
  const html = await readFile(file, 'utf8');
  // linkedom gives no documentElement for fragments (or empty files); browsers would wrap them.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const fileUrl = pathToFileURL(resolve(file)).href;
  const page = readPageMetadata(document as unknown as Document, fileUrl);
  const { layout, comments } = extractComments(document as unknown as Document, page.url);
  return { file, layout, page, comments };
}

async function main(argv: string[]): Promise<number> {
  const jsonl = argv.includes('--jsonl');
  const files = argv.filter((arg) => arg !== '--jsonl');
  const unknown = files.filter((arg) => arg.startsWith('--'));
  if (unknown.length || !files.length) {
    console.error(unknown.length ? `extract: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const compact = jsonl || files.length > 1;
  let failed = 0;
  for (const file of files) {
    try {
      const result = await extractFile(file);
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
