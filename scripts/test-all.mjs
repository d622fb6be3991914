// Runs every suite — typecheck, unit (vitest, happy-dom), the production build, end-to-end (vitest +
// playwright-core in headless Chromium), the Firefox build's smoke test and end-to-end suite
// (vitest + puppeteer-core over WebDriver BiDi in headless Firefox ESR) — and ends with one line:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'ca-tests-'));
let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status === 0;
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
if (run('build (chrome-mv3)', 'npx', ['wxt', 'build'])) vitest('e2e', 'vitest.e2e.config.ts');
else failed += 1;

// Firefox: lint and a headless install (scripts/firefox-smoke.mjs prints "ok …" or "FAILED …" per check).
if (run('build (firefox-mv2)', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  console.log('\n=== firefox smoke ===');
  const smoke = spawnSync('node', ['scripts/firefox-smoke.mjs'], { encoding: 'utf8' });
  process.stdout.write(smoke.stdout);
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
