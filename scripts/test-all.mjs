// Runs every suite — typecheck, unit (vitest, happy-dom), the production build, end-to-end (vitest +
// playwright-core in headless Chromium), the Firefox build's smoke test and end-to-end suite
// (vitest + puppeteer-core over WebDriver BiDi in headless Firefox ESR) — and ends with one line:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainLog } from './plain-log.mjs';

const dir = mkdtempSync(join(tmpdir(), 'ca-tests-'));
let passed = 0;
let failed = 0;

// NO_COLOR, not FORCE_COLOR=0: vitest reads any FORCE_COLOR as "colour on".
const env = { ...process.env, NO_COLOR: '1' };

/** Runs a suite in view; `plain`: its output is cleaned of spinners when it goes to a log, not a terminal. */
function run(label, command, args, { plain = false } = {}) {
  console.log(`\n=== ${label} ===`);
  if (!plain || process.stdout.isTTY) return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
  const result = spawnSync(command, args, { encoding: 'utf8', env });
  process.stdout.write(plainLog(result.stdout));
  process.stderr.write(plainLog(result.stderr));
  return result.status === 0;
}

function vitest(label, config) {
  const report = join(dir, `${label}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    failed += 1; // the suite could not even start: count it as one failure, never as a pass
    return;
  }
  const totals = JSON.parse(readFileSync(report, 'utf8'));
  passed += totals.numPassedTests;
  failed += totals.numFailedTests + (ok || totals.numFailedTests ? 0 : 1);
}

// The typecheck counts as one test: strict TypeScript over the whole tree.
if (run('typecheck', 'npx', ['tsc', '--noEmit'])) passed += 1;
else failed += 1;
vitest('unit', 'vitest.config.ts');
if (run('build (chrome-mv3)', 'npx', ['wxt', 'build'], { plain: true })) vitest('e2e', 'vitest.e2e.config.ts');
else failed += 1;

// Firefox: lint and a headless install (scripts/firefox-smoke.mjs prints "ok …" or "FAILED …" per check).
if (run('build (firefox-mv2)', 'npx', ['wxt', 'build', '-b', 'firefox'], { plain: true })) {
  console.log('\n=== firefox smoke ===');
  const smoke = spawnSync('node', ['scripts/firefox-smoke.mjs'], { encoding: 'utf8' });
  process.stdout.write(plainLog(smoke.stdout));
  const lines = smoke.stdout.split('\n');
  const oks = lines.filter((line) => line.startsWith('ok ')).length;
  const bad = lines.filter((line) => line.startsWith('FAILED ')).length;
  passed += oks;
  failed += bad + (oks + bad === 0 ? 1 : 0);
  // End to end in Firefox: the core flows (counts, Disqus frame, keyboard tagging, reload, export).
  vitest('firefox e2e', 'vitest.firefox.config.ts');
} else failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
