import { disqusEmbed } from './disqus-embed';
import { disqusPlugin } from './disqus-plugin';
import type { CommentLayout, ExtractedComment, LayoutName } from './types';
import { wordpress } from './wordpress';
import { wpDiscuz } from './wpdiscuz';

/** Every known layout, most specific first: wpDiscuz and the Disqus plugin also print WordPress-like ids. */
export const layouts: readonly CommentLayout[] = [disqusEmbed, disqusPlugin, wpDiscuz, wordpress];

/** The first layout whose thread is on the page, with that thread; null when none is. */
export function detectLayout(doc: Document): { layout: CommentLayout; thread: Element } | null {
  for (const layout of layouts) {
    const thread = layout.findThread(doc);
    if (thread) return { layout, thread };
  }
  return null;
}

/** Detects the page's layout and reads its comments; a page without a thread gives neither. */
export function extractComments(
  doc: Document,
  pageUrl: string = doc.URL,
): { layout: LayoutName | null; comments: ExtractedComment[] } {
  const found = detectLayout(doc);
  if (!found) return { layout: null, comments: [] };
  return { layout: found.layout.name, comments: found.layout.extract(found.thread, pageUrl) };
}
