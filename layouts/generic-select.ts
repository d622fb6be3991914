// Selectors for what the generic layout finds or the reader picks: shapes of blocks, a unique path
// to the thread, and the blocks a member selector finds inside it.

/** A class or id usable in a selector as it is. */
export const SAFE_CLASS = /^[A-Za-z_-][\w-]*$/;
const STATE_CLASS = /^(odd|even|alt|first|last|active|hover|hidden|new|clearfix|parent|selected|open|closed|collapsed|expanded)$/i;

/** The stable classes of an element: no digits (ids, depths, odd/even counters change). */
export function stableClasses(el: Element): string[] {
  const out: string[] = [];
  for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) {
    if (c && SAFE_CLASS.test(c) && !/\d/.test(c) && !STATE_CLASS.test(c)) out.push(c);
    if (out.length === 3) break;
  }
  return out;
}

/** A selector for elements like `el`: its tag and stable classes. */
export function shapeOf(el: Element): string {
  return el.localName + stableClasses(el).map((c) => `.${c}`).join('');
}

/** The element's shape, with its position when a sibling has the same shape. */
function nthShape(el: Element): string {
  const shape = shapeOf(el);
  const siblings = el.parentElement ? Array.from(el.parentElement.children) : [el];
  const twins = siblings.filter((s) => s.localName === el.localName && shapeOf(s) === shape);
  return twins.length > 1 ? `${shape}:nth-child(${siblings.indexOf(el) + 1})` : shape;
}

/** A selector that finds `el` alone in its document, built from ids and shapes of it and its ancestors. */
export function uniqueSelector(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node && node.localName !== 'html'; node = node.parentElement) {
    const part = node.id && SAFE_CLASS.test(node.id) && !/\d{3,}/.test(node.id) ? `#${node.id}` : nthShape(node);
    parts.unshift(part);
    const selector = parts.join(' > ');
    if (part.startsWith('#') || node.ownerDocument.querySelectorAll(selector).length === 1) return selector;
  }
  return parts.join(' > ');
}

/**
 * The thread's blocks: elements matching `member` inside `thread`. A member selector with a path
 * ("#comments > div") is matched from the document, as browsers do (happy-dom scopes it to `thread`).
 */
export function membersIn(thread: Element, member: string): Element[] {
  if (!/[\s>]/.test(member)) return Array.from(thread.querySelectorAll(member));
  return Array.from(thread.ownerDocument.querySelectorAll(member)).filter((el) => el !== thread && thread.contains(el));
}

/** An id with its numbers as `#` ("comment-1234" → "comment-#"), or null when it has no number. */
export function idPattern(id: string): string | null {
  if (!/\d/.test(id) || !SAFE_CLASS.test(id.replace(/^\d/, '_'))) return null;
  const pattern = id.replace(/[0-9a-f]*\d[0-9a-f]*/gi, (run) => (/^[a-z]+$/i.test(run) ? run : '#'));
  return /[a-z]{2}/i.test(pattern) ? pattern : null;
}
