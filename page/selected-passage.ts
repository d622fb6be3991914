import type { LayoutName } from '../layouts/registry';
import type { LayoutSet } from '../layouts/layout-set';
import { mapText, passageIn } from '../lib/passages';
import type { CommentPassage } from '../lib/messages';

const elementOf = (node: Node): Element | null => (node.nodeType === 1 ? node as Element : node.parentElement);

/**
 * The passage of a comment's text the reader has selected in `doc` (comments found by
 * `layout`, their text as the layout extracted it from `textOf`), or null: nothing selected, or
 * no comment text selected. A selection that runs on past its comment (a triple click ends at
 * the start of the next block) counts up to the comment's end. A passage found is taken: the
 * selection is cleared, as the passage is coded now.
 */
export function takeSelectedPassage(doc: Document, layouts: LayoutSet<LayoutName>, layout: LayoutName | null, textOf: (key: string) => string | undefined): CommentPassage | null {
  const selection = doc.getSelection();
  if (!layout || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const key = layouts.keyAt(elementOf(range.startContainer), layout);
  const text = key ? textOf(key) : undefined;
  const el = key ? layouts.locate(doc, key) : null;
  if (!key || !text || !el) return null;
  if (!el.contains(range.endContainer)) range.setEnd(el, el.childNodes.length);
  const passage = passageIn(mapText(el, text), range);
  if (passage) selection.removeAllRanges();
  return passage && { key, ...passage };
}
