import { Readability } from '@mozilla/readability';
import { normaliseUrl } from '../lib/urls';
import { boundMetadata } from '../lib/bounds';
import type { PageMetadata } from '../lib/records';

/**
 * The page's own address, as annotations are stored under it: its canonical link when it has
 * one, else `fallbackUrl`, normalised (no fragment, no tracking parameters).
 */
export function pageAddress(doc: Document, fallbackUrl: string): string {
  return normaliseUrl(fallbackUrl, doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
}

/**
 * Readability's metadata for the page, each field cut to its bound (lib/bounds.ts). Readability
 * changes the document it reads, so it gets a copy; the caller's document stays as it was.
 * `thread`, the comment thread, is left out of the copy: the metadata are the article's, and a
 * copy of 10,000 comments doubled the page's DOM for the garbage collector, whose next pass then
 * landed in the reader's first opening of the panel (~100 ms).
 */
export function readPageMetadata(doc: Document, fallbackUrl: string, thread?: Element | null): PageMetadata {
  const url = pageAddress(doc, fallbackUrl);
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(copyWithout(doc, thread)).parse();
  } catch {
    article = null;
  }
  const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || null;
  return boundMetadata({
    url,
    title: clean(article?.title) ?? clean(doc.title),
    byline: clean(article?.byline),
    siteName: clean(article?.siteName),
    publishedTime: clean(article?.publishedTime),
    excerpt: clean(article?.excerpt),
  });
}

/** A deep copy of `doc` without `left` (and what it holds); only the nodes around it are copied one by one. */
function copyWithout(doc: Document, left: Element | null | undefined): Document {
  if (!left || !doc.contains(left)) return doc.cloneNode(true) as Document;
  const copy = (node: Node): Node => {
    if (!node.contains(left)) return node.cloneNode(true);
    const shallow = node.cloneNode(false);
    for (let child = node.firstChild; child; child = child.nextSibling) if (child !== left) shallow.appendChild(copy(child));
    return shallow;
  };
  return copy(doc) as Document;
}
