import { defineConfig } from 'vitest/config';

// Firefox end-to-end: the Firefox build in headless Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
