// Firefox smoke test (issue 5): the Firefox build passes `web-ext lint` with no errors, and
// Firefox ESR, headless, installs it as a temporary add-on with no error from the extension.
// The flows themselves are tested in Firefox by tests/firefox (puppeteer-core over WebDriver BiDi).
// Prints one line per check ("ok …" / "FAILED …") and exits with the number of failures.
import { spawn, spawnSync } from 'node:child_process';
import { lintLines } from './lint-report.mjs';

const SOURCE = '.output/firefox-mv2';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'comment-annotator@example.org';
let failures = 0;
const report = (ok, what) => {
  console.log(`${ok ? 'ok' : 'FAILED'} ${what}`);
  if (!ok) failures++;
};

const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE, '--output', 'json'], { encoding: 'utf8' });
try {
  const parsed = JSON.parse(lint.stdout);
  const [head, ...details] = lintLines(parsed);
  report(parsed.summary.errors === 0, head);
  // Indented, so the runner counts only the "ok"/"FAILED" line but the reader sees every warning.
  for (const line of details) console.log(line);
} catch {
  report(false, `web-ext lint gave no report: ${lint.stderr.slice(0, 500)}`);
}

const run = spawn('npx', ['web-ext', 'run', '--source-dir', SOURCE, '--firefox', FIREFOX, '--no-input', '--no-reload', '--verbose'], {
  env: { ...process.env, MOZ_HEADLESS: '1' },
  detached: true,
});
let log = '';
const installed = await new Promise((resolve) => {
  const timer = setTimeout(() => resolve(false), 90_000);
  const read = (chunk) => {
    log += chunk;
    if (log.includes('as a temporary add-on')) {
      clearTimeout(timer);
      setTimeout(() => resolve(true), 3_000); // let the background start and report errors, if any
    }
  };
  run.stdout.on('data', read);
  run.stderr.on('data', read);
  run.on('exit', () => resolve(false));
});
process.kill(-run.pid, 'SIGTERM');
const ourErrors = log.split('\n').filter((line) => /error/i.test(line) && (line.includes(ADDON_ID) || line.includes('moz-extension://')));
report(installed, `Firefox ESR (headless) installs the build as a temporary add-on${installed ? '' : `: ${log.slice(-800)}`}`);
report(installed && ourErrors.length === 0, `no errors from the extension while it starts${ourErrors.length ? `: ${ourErrors.slice(0, 3).join(' | ')}` : ''}`);
process.exit(failures);
