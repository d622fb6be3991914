import { allowGenericLayout } from '../../layouts/generic';
import { extractComments } from '../../layouts/registry';
import type { LayoutName } from '../../layouts/registry';
import type { SeedComment } from '../../seeds/model';
import { disqusPostId } from '../../seeds/render/disqus';
import { discussionCommentId } from '../../seeds/render/giscus';
import { githubLogin } from '../../seeds/render/github';
import { issueCommentId } from '../../seeds/render/utterances';
import { typepadId } from '../../seeds/render/typepad';
import { commentoHex, coralId, objectId, openWebId } from '../../seeds/render/embed-page';

/** Parses an HTML document the way the content script would see it, without a network. */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Parses and extracts in one step; `onDemand` pages also allow the generic layout (as when the reader asks). */
export function extractHtml(html: string, url: string, onDemand = false) {
  const doc = parsePage(html);
  if (onDemand) allowGenericLayout(doc, null);
  return extractComments(doc, url);
}

/** The key a layout must give a seed comment (linkbacks without an id are keyed by text); TypePad fixtures print hex ids. */
export function expectedKey(layout: LayoutName, comment: SeedComment, fixtureName = ''): string | null {
  if (layout === 'typepad' && fixtureName.startsWith('typepad')) return `typepad:${typepadId(comment)}`;
  if (layout === 'disqus') return `disqus:${disqusPostId(comment)}`;
  if (layout === 'disqus-wp') return comment.kind === 'comment' ? `disqus-wp:${comment.id}` : null;
  if (layout === 'generic') return `generic:talk-${comment.id}`;
  if (layout === 'giscus') return `giscus:${discussionCommentId(comment)}`;
  if (layout === 'utterances') return `utterances:${issueCommentId(comment)}`;
  if (layout === 'coral') return `coral:${coralId(comment)}`;
  if (layout === 'openweb') return `openweb:${openWebId(comment)}`;
  if (layout === 'commento') return `commento:${commentoHex(comment)}`;
  if (layout === 'twikoo' || layout === 'valine') return `${layout}:${objectId(comment)}`;
  return `${layout}:${comment.id}`;
}

/** The author a layout must read: the GitHub embeds show the login the fixtures make of the name. */
export function expectedAuthor(layout: LayoutName, comment: SeedComment): string {
  return layout === 'giscus' || layout === 'utterances' ? githubLogin(comment.author) : comment.author;
}
