import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageContent } from '../page/page-content';

// The page script on the sites the reader chose "Always run on this site" for. Not in the
// manifest: the background registers it for exactly the granted sites (extension/always-sites.ts).
// A file of its own, so it knows it was not asked for on this page and keeps the panel closed.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    runPageContent(ctx, 'granted');
  },
});
