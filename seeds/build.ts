import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtures, SEEDS_DIR } from './fixtures';

/** Writes every fixture page (and Disqus frame) to seeds/pages/; returns the written paths. */
export function buildFixturePages(options: { includeLarge?: boolean } = {}): string[] {
  const dir = join(SEEDS_DIR, 'pages');
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const f of loadFixtures()) {
    if (!f.committed && !options.includeLarge) continue;
    const write = (name: string, html: string) => {
      writeFileSync(join(dir, name), html);
      written.push(join(dir, name));
    };
    write(`${f.name}.html`, f.html());
    if (f.frame) write(`${f.name}.frame.html`, f.frame.html());
  }
  return written;
}

if (process.argv[1]?.endsWith('build.ts')) {
  const written = buildFixturePages({ includeLarge: process.argv.includes('--large') });
  console.log(`wrote ${written.length} pages to seeds/pages/`);
}
