import { parseHTML } from 'linkedom';
import { allowGenericLayout } from '../layouts/generic';
import { extractComments } from '../layouts/registry';
import { readPageMetadata } from '../page/page-metadata';

/**
 * Reads a saved page's HTML in Node (linkedom) with the same layout code the extension runs in
 * the browser. `generic`: also try the generic detector, as the panel does where the reader
 * opened it by hand.
 */
export function readSavedPage(html: string, url: string, options: { generic?: boolean } = {}) {
  // linkedom gives no documentElement for fragments (or empty files); browsers would wrap them.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const doc = document as unknown as Document;
  if (options.generic) allowGenericLayout(doc, null);
  const page = readPageMetadata(doc, url);
  const { layout, comments } = extractComments(doc, page.url);
  return { layout, page, comments };
}
