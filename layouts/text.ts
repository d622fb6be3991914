/** Text and date helpers shared by the layouts; plain DOM, no layout engine needed (runs in Node). */

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'tr', 'ul',
]);
const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'button', 'svg', 'form']);

// blockText's working state. Module-level rather than closures: it runs once per comment on
// threads of thousands, and the closures were most of its garbage. It never re-enters itself.
let out = '';
let paragraph = '';
/** Raw text of the current line; whitespace is folded once per line, not once per text node. */
let line = '';
let skipElement: ((el: Element) => boolean) | undefined;

function endLine(): void {
  let text = line.trim();
  // Testing is cheaper than replacing, and most trimmed lines have nothing to fold.
  if (IRREGULAR_SPACE.test(text)) text = text.replace(WHITESPACE, ' ');
  if (text) paragraph = paragraph ? `${paragraph}\n${text}` : text;
  line = '';
}

function endParagraph(): void {
  endLine();
  if (paragraph) out = out ? `${out}\n\n${paragraph}` : paragraph;
  paragraph = '';
}

function walkPre(node: Node): void {
  const rows = (node.textContent ?? '').split('\n');
  for (let i = 0; i < rows.length; i++) {
    if (i) endLine();
    line += rows[i];
  }
}

function walk(node: Node): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      line += child.nodeValue;
      continue;
    }
    if (type !== 1) continue;
    const el = child as Element;
    const tag = el.localName;
    if (tag === 'br') {
      endLine();
      continue;
    }
    if (HIDDEN_TAGS.has(tag) || (skipElement && skipElement(el))) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) endParagraph();
    // Most elements in a comment are leaves (a <p> of plain text): one native textContent
    // read is much cheaper than walking their text nodes from script.
    if (tag === 'pre') walkPre(el);
    else if (el.firstElementChild === null) line += el.textContent;
    else walk(el);
    if (block) endParagraph();
  }
}

/**
 * The readable text of `root`, block by block: paragraphs separated by a blank line, `<br>` as
 * a newline. Elements for which `skip` returns true (author lines, reply links, nested replies)
 * are left out.
 */
export function blockText(root: Element, skip?: (el: Element) => boolean): string {
  out = paragraph = line = '';
  skipElement = skip;
  try {
    walk(root);
    endParagraph();
    return out;
  } finally {
    skipElement = undefined;
    out = paragraph = line = '';
  }
}

const WHITESPACE = /\s+/g;
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

/** Folds every run of whitespace to one space and trims: the form texts are compared in. */
export function foldSpace(text: string): string {
  const trimmed = text.trim();
  return IRREGULAR_SPACE.test(trimmed) ? trimmed.replace(WHITESPACE, ' ') : trimmed;
}

/** The element's text with whitespace folded, or null when it is empty. */
export function textOf(el: Element | null | undefined): string | null {
  const text = foldSpace(el?.textContent ?? '');
  return text || null;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  januar: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, okt: 10,
  nov: 11, dec: 12, dez: 12, mai: 5,
};

const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/;

const pad = (n: number) => String(n).padStart(2, '0');

function localIso(y: number, mo: number, d: number, h: number, mi: number): string | null {
  if (!mo || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00`;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Reads a machine or human date into ISO 8601. Machine values (`datetime` attributes) keep
 * their zone; human ones ("October 12, 2013 at 5:49 am", "12. Oktober 2025 um 14:05 Uhr",
 * Disqus's "Monday, September 23, 2013 5:49 AM") carry none, so they become local ISO times.
 */
export function parseDate(value: string | null | undefined): string | null {
  const text = foldSpace(value ?? '');
  if (!text) return null;
  // WordPress prints UTC as "+00:00": that needs no Date round trip (thousands per thread).
  if (UTC_SECONDS.test(text)) return `${text.slice(0, 19)}.000Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const en = /([A-Za-z]+)\.? (\d{1,2}),? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2}) ?([AaPp][Mm])?)?/.exec(text);
  if (en && MONTHS[en[1].toLowerCase()]) {
    const hour = to24h(Number(en[4] ?? 0), en[6]);
    return localIso(Number(en[3]), MONTHS[en[1].toLowerCase()], Number(en[2]), hour, Number(en[5] ?? 0));
  }
  const de = /(\d{1,2})\. ?([A-Za-zäÄ]+)\.? (\d{4})(?:,? (?:um )?(\d{1,2}):(\d{2}))?/.exec(text);
  if (de && MONTHS[de[2].toLowerCase()]) {
    return localIso(Number(de[3]), MONTHS[de[2].toLowerCase()], Number(de[1]), Number(de[4] ?? 0), Number(de[5] ?? 0));
  }
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,? (?:um )?(\d{1,2}):(\d{2}))?/.exec(text);
  if (numeric) {
    return localIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), Number(numeric[4] ?? 0), Number(numeric[5] ?? 0));
  }
  return null;
}

const ABSOLUTE = /^https?:\/\/[\w.-]+(?::\d+)?(?:[/?#][^\s]*)?$/;

/** Resolves `href` against the page address; null when there is nothing usable. */
export function absoluteUrl(href: string | null | undefined, pageUrl: string): string | null {
  if (!href) return null;
  if (ABSOLUTE.test(href)) return href;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return null;
  }
}

/** A short, stable hash of a text (FNV-1a, 32 bits, hex): keys for rows that have no id. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
