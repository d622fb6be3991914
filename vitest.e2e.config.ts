import { defineConfig } from 'vitest/config';

// End-to-end: the production build in real headless Chromium. One file at a time: each launches a browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A loaded 2-core machine can take over a second for a save or a render that usually takes
    // milliseconds: polls wait up to 5 s (a wait for something that should not happen never polls).
    expect: { poll: { timeout: 5_000 } },
  },
});
