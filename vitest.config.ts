import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    // Fixture pages hold Disqus, giscus and utterances iframes; unit tests read markup and must
    // not load them. happy-dom prints a stack trace for every iframe when iframe loading is
    // disabled, so frames are created but may not navigate: they stay empty, silently.
    environmentOptions: { happyDOM: { settings: { enableIframePageLoading: true, navigation: { disableChildFrameNavigation: true }, handleDisabledFileLoadingAsSuccess: true } } },
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 30_000,
  },
});
