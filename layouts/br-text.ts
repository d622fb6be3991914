import { blockText } from './text';

/** True for text nodes that are only whitespace: line breaks between `<br>` tags. */
const isBlank = (node: Node | null) => node?.nodeType === 3 && !(node.nodeValue ?? '').trim();

/**
 * The text of a comment body that marks paragraphs with `<br><br>` instead of `<p>` (Blogger keeps
 * a comment as one block; JComments, JomComment, Komento turn newlines into `<br />`): a run of two or more breaks becomes a blank
 * line. Works on a copy, so the page is left as it is.
 */
export function brBlockText(root: Element): string {
  if (!root.querySelector('br')) return blockText(root);
  const copy = root.cloneNode(true) as Element;
  for (const br of Array.from(copy.querySelectorAll('br'))) {
    if (!br.parentNode) continue;
    let next = br.nextSibling;
    while (isBlank(next)) next = next!.nextSibling;
    if ((next as Element | null)?.localName !== 'br') continue;
    // An <hr> is a block with no text: blockText ends the paragraph there and adds nothing.
    br.parentNode.replaceChild(copy.ownerDocument.createElement('hr'), br);
    while (next && (isBlank(next) || (next as Element).localName === 'br')) {
      const after: ChildNode | null = next.nextSibling;
      next.parentNode?.removeChild(next);
      next = after;
    }
  }
  return blockText(copy);
}
