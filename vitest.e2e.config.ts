import { defineConfig } from 'vitest/config';

// End-to-end: the production build in real headless Chromium. One file at a time: each launches a browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
