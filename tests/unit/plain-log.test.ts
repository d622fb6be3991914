import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { plainLog } from '../../scripts/plain-log.mjs';

const plain = plainLog as (text: string) => string;

describe('build output in the test log', () => {
  it('drops the spinner frames and escape codes of wxt build, keeping what it says', () => {
    // Recorded from `npx wxt build | cat` (output not a terminal), shortened.
    const recorded = '\nWXT \x1B[1m\x1B[90m0.21.4\x1B[39m\x1B[22m\n\x1B[36mℹ\x1B[39m Building chrome-mv3 for production with Vite 8.3.8\n'
      + '\x1B[?25l\r\x1B[36m⠋\x1B[39m Preparing...\x1B[K\r\x1B[36m⠙\x1B[39m [1/5] background\x1B[K\r\x1B[36m⠹\x1B[39m [5/5] page\x1B[K'
      + '\r\x1B[K\x1B[?25h\r\x1B[K\x1B[?25h\x1B[32m✔\x1B[39m Built extension in 2.028 s\n  ├─ .output/chrome-mv3/manifest.json  1.04 kB\n';
    const log = plain(recorded);
    expect(log).toBe('\nWXT 0.21.4\nℹ Building chrome-mv3 for production with Vite 8.3.8\n✔ Built extension in 2.028 s\n  ├─ .output/chrome-mv3/manifest.json  1.04 kB\n');
    expect(log).not.toMatch(/[\x1B\r]/);
  });

  it('keeps Windows line ends’ lines and leaves plain text alone', () => {
    expect(plain('one\r\ntwo\n')).toBe('one\ntwo\n');
    expect(plain('no escapes here: 3 passed, 0 failed')).toBe('no escapes here: 3 passed, 0 failed');
  });
});
