import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageContent } from '../../page/page-content';
import { COMMENT_SITES, isCommentSite } from '../../lib/sites';

// The article page's top frame. Declared for the known comment sites; anywhere else it is
// injected when the reader asks (extension/open-panel.ts). (On the sites the reader granted, its twin
// entrypoints/granted-site.content.ts runs instead.) The database is reached only through the
// background.
export default defineContentScript({
  matches: COMMENT_SITES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    runPageContent(ctx, isCommentSite(location.href) ? 'seed' : 'asked');
  },
});
