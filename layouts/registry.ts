import { blogger } from './blogger';
import { commento } from './commento';
import { commentTree } from './commtree';
import { coral } from './coral';
import { disqusEmbed } from './disqus-embed';
import { disqusPlugin } from './disqus-plugin';
import { drupal } from './drupal';
import { generic } from './generic';
import { giscus } from './giscus';
import { hyvor } from './hyvor';
import { isso } from './isso';
import { jComments } from './jcomments';
import { jomComment } from './jomcomment';
import { komento } from './komento';
import { openWeb } from './openweb';
import { saved } from './saved';
import { twikoo } from './twikoo';
import { typepad } from './typepad';
import type { CommentLayout, ExtractedComment } from './types';
import { layoutSet } from './layout-set';
import { utterances } from './utterances';
import { valine } from './valine';
import { waline } from './waline';
import { wordpress } from './wordpress';
import { wpDiscuz } from './wpdiscuz';

/**
 * Every known layout, in the order they are tried. Most specific first: wpDiscuz and the Disqus
 * plugin also print WordPress-like ids, and Blogger's, TypePad's and Drupal's boxes (`li.comment`,
 * `div.comment#comment-N`, `article.comment#comment-N`) would pass WordPress's looser match.
 * WordPress comes next because most pages are WordPress and detection runs on every page: the
 * families after it (Joomla, the embeds, the comment frames) print no `comment-N` WordPress would
 * take, so they are looked for only where WordPress found nothing. The generic layout comes last and finds nothing unless allowed on
 * the document (layouts/generic.ts).
 * The extension's own saved copy of a thread (its thread page) is first: one query on pages
 * without it.
 * This list is the one place a family is named: a new family is a file in layouts/ and a line here.
 */
export const layouts = [
  saved, disqusEmbed, disqusPlugin, wpDiscuz, blogger, typepad, drupal, wordpress,
  jComments, komento, jomComment, commentTree,
  coral, openWeb, hyvor, commento, isso, waline, twikoo, valine, giscus, utterances,
  generic,
] as const satisfies readonly CommentLayout[];

/** The name of a layout family; also the prefix of every key it produces. */
export type LayoutName = (typeof layouts)[number]['name'];

/** Every family name, for the message and import schemas. */
export const LAYOUT_NAMES = layouts.map((layout) => layout.name) as [LayoutName, ...LayoutName[]];

/** Every family, looked up in their order; a saved copy of a thread holds any family's keys. */
export const PAGE_LAYOUTS = layoutSet<LayoutName>(layouts, saved);

/** The first layout whose thread is on the page, with that thread; null when none is. */
export const detectLayout = PAGE_LAYOUTS.detect;

/** Detects the page's layout and reads its comments; a page without a thread gives neither. */
export function extractComments(
  doc: Document,
  pageUrl: string = doc.URL,
): { layout: LayoutName | null; comments: ExtractedComment[] } {
  const found = detectLayout(doc);
  if (!found) return { layout: null, comments: [] };
  return { layout: found.layout.name, comments: found.layout.extract(found.thread, pageUrl) };
}

/**
 * The page element of the comment with this key, or null when it is not on the page: where its
 * family put it, or in a saved copy of its thread (which keeps every family's keys).
 */
export const locateComment = PAGE_LAYOUTS.locate;

/** The key of the comment `target` is in (a click anywhere inside a comment), or null. */
export const commentKeyAt = PAGE_LAYOUTS.keyAt;

/** A CSS selector for the comment with this key, or null (linkbacks without ids, unknown families). */
export const commentSelector = PAGE_LAYOUTS.selector;
