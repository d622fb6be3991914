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
 */
export function readPageMetadata(doc: Document, fallbackUrl: string): PageMetadata {
  const url = pageAddress(doc, fallbackUrl);
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc.cloneNode(true) as Document).parse();
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
