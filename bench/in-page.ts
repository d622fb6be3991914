// Bundled into the bench pages (see bench/detection.ts): runs inside Chromium, next to the page.
import { allowGenericLayout } from '../layouts/generic';
import { detectLayout, extractComments } from '../layouts/registry';

/** One plain full-document traversal: querySelectorAll('*') plus reading every text node. */
function traverseDocument(doc: Document): number {
  let chars = doc.querySelectorAll('*').length;
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n.nodeValue ?? '').length;
  return chars;
}

function time(fn: () => unknown, samples: number, inner: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) fn();
    out.push((performance.now() - start) / inner);
  }
  return out;
}

/**
 * Times detection, extraction and the traversal yardstick; each sample repeats the work `inner` times.
 * All extraction samples, then all traversal samples, each with the wrappers its own previous run
 * left. Measured on the 10,000-comment page, and left as it is: interleaving the two (extract,
 * traverse, extract…) made extraction 5–10 % faster, as it found the text nodes' wrappers the
 * traversal had just made; a forced full collection before every sample made the traversal 28 %
 * slower (31 → 40 ms: the collection drops those wrappers), the ratio looking better for it.
 */
export function timeDetection(samples: number, inner: number) {
  const found = detectLayout(document);
  return {
    count: extractComments(document).comments.length,
    layout: found?.layout.name ?? null,
    detect: time(() => detectLayout(document), samples, inner),
    extract: time(() => extractComments(document), samples, inner),
    traverse: time(() => traverseDocument(document), samples, inner),
  };
}

/**
 * Times detection, then extraction, on a fresh copy of the document per run, so nothing a layout
 * remembers about a document (the generic detector's pick) makes later runs cheaper.
 */
export function timeFreshDocument(samples: number, generic: boolean) {
  const detect: number[] = [];
  const extract: number[] = [];
  const traverse: number[] = [];
  let count = 0;
  for (let s = 0; s < samples; s++) {
    const doc = document.cloneNode(true) as Document;
    if (generic) allowGenericLayout(doc, null);
    let start = performance.now();
    const found = detectLayout(doc);
    detect.push(performance.now() - start);
    start = performance.now();
    count = found ? found.layout.extract(found.thread, document.URL).length : 0;
    extract.push(performance.now() - start);
    start = performance.now();
    traverseDocument(doc);
    traverse.push(performance.now() - start);
  }
  return { detect, extract, traverse, count };
}
