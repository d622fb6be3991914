import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules/.bin/depcruise');
const FOLDERS = ['entrypoints', 'background', 'page', 'components', 'extension', 'storage', 'lib', 'layouts'];

/** The rules dependency-cruiser reports as broken in `folders` of `cwd`. */
function brokenRules(cwd: string, folders: string[]): string[] {
  const run = spawnSync(BIN, [...folders, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`depcruise did not run: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('folder rules (.dependency-cruiser.cjs)', () => {
  it('every import points down a layer and nothing imports in a circle', () => {
    expect(brokenRules(ROOT, FOLDERS)).toEqual([]);
  }, 60_000);

  it('catches an import that points up, and a cycle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-layers-'));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    file('lib/shared.js', "import { annotate } from '../page/annotator.js';\nexport const x = annotate;\n");
    file('page/annotator.js', "export function annotate() {}\n");
    file('storage/a.js', "import { b } from './b.js';\nexport const a = b;\n");
    file('storage/b.js', "import { a } from './a.js';\nexport const b = () => a;\n");
    file('components/panel/row.js', "import { db } from '../../storage/db.js';\nexport const row = db;\n");
    file('storage/db.js', "export const db = {};\n");
    const broken = brokenRules(dir, ['lib', 'page', 'storage', 'components']);
    expect(broken).toContain('lib-imports-only-layouts: lib/shared.js → page/annotator.js');
    expect(broken).toContain('panel-never-opens-the-database: components/panel/row.js → storage/db.js');
    expect(broken.some((line) => line.startsWith('no-cycles: storage/'))).toBe(true);
  }, 60_000);
});

describe('docs/architecture.md stays true', () => {
  const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');

  it('every file it names exists', () => {
    const paths = [...doc.matchAll(/`((?:[\w.-]+\/)+[\w.-]+\.(?:ts|tsx|cjs|mjs|md|json))`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('every step of the key press names a function its file has', () => {
    const steps = [...doc.matchAll(/^\| \d+ \| [^|]+ \| `([^`]+)` \| `(\w+)` \|/gm)].map((m) => ({ file: m[1], name: m[2] }));
    expect(steps.length).toBeGreaterThanOrEqual(10);
    const missing = steps.filter(({ file, name }) => !new RegExp(`\\b${name}\\b`).test(readFileSync(join(ROOT, file), 'utf8')));
    expect(missing).toEqual([]);
  });
});
