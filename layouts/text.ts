/** Text and date helpers shared by the layouts; plain DOM, no layout engine needed (runs in Node). */

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'tr', 'ul',
]);
/** Elements whose text is never a comment's: scripts, styles, buttons, forms. */
export const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'button', 'svg', 'form']);

// blockText's working state. Module-level rather than closures: it runs once per comment on
// threads of thousands, and the closures were most of its garbage. It never re-enters itself.
let out = '';
let paragraph = '';
/** Raw text of the current line; whitespace is folded once per line, not once per text node. */
let line = '';
let skipElement: ((el: Element) => boolean) | undefined;

function endLine(): void {
  // Blocks end lines too: most ends find the line empty already.
  if (!line) return;
  let text = line.trim();
  line = '';
  if (!text) return;
  // Testing is cheaper than replacing, and most trimmed lines have nothing to fold. Once per
  // line, not once on the whole text: a line is mostly one text node's string, the whole text a
  // rope of them that a test must first copy out (that alone made extraction of the
  // 10,000-comment page 17 % slower).
  if (IRREGULAR_SPACE.test(text)) text = text.replace(WHITESPACE, ' ');
  paragraph = paragraph ? `${paragraph}\n${text}` : text;
}

function endParagraph(): void {
  endLine();
  if (!paragraph) return;
  out = out ? `${out}\n\n${paragraph}` : paragraph;
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
    // nodeValue, not data: the same string, which Chromium answers faster (the 40,252 text nodes
    // of the 10,000-comment page's paragraphs: 8.1-8.3 against 19.3-20.4 ms with their strings
    // not yet cached, 7.5-7.6 against 7.9-8.0 ms cached).
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
    // Most elements in a comment are leaves (a <p> of plain text), read whole (leafText).
    // Only leaves, though: for an element of several text nodes Chromium builds a new string,
    // and that costs more than the nodes' wrappers it saves. Measured on the 10,000-comment
    // page, reading paragraphs of text and <br>s through textContent cut at the breaks made
    // extraction 18 % slower, through innerHTML 17 %; reading a root's textContent, to learn that
    // the text between its paragraphs is whitespace without touching those nodes, cost 10 %
    // where skipping them saves 4 %.
    if (tag === 'pre') walkPre(el);
    else if (el.firstElementChild === null) line += leafText(el);
    else walk(el);
    if (block) endParagraph();
  }
}

/**
 * A leaf's textContent, read from its text node when that is its only child: Chromium answers
 * that node's nodeValue faster than the element's textContent (the 6,637 such paragraphs of the
 * 10,000-comment page: 2.4-2.7 against 3.7-6.6 ms, with and without their strings cached).
 */
function leafText(el: Element): string {
  const only = el.firstChild;
  return only !== null && only === el.lastChild && only.nodeType === 3 ? only.nodeValue! : el.textContent!;
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
// Whitespace other than a single space: \s spelt out (two spaces, or any other space character), which V8 tests faster than /\s\s|[^\S ]/.
const IRREGULAR_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

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

// Month names (and their usual abbreviations) in English, German, French, Spanish, Italian and
// Dutch; accents folded off before lookup so "février" and "fevrier" both work.
const MONTHS = new Map<string, number>();
const MONTH_NAMES = [
  'january jan januar janvier enero ene gennaio gen januari',
  'february feb februar fevrier fev febrero febbraio februari',
  'march mar marz maerz mrz mars marzo maart mrt',
  'april apr avril avr abril aprile',
  'may mai mayo maggio mag mei',
  'june jun juni juin junio giugno giu',
  'july jul juli juillet juil julio luglio lug',
  'august aug aout agosto ago augustus',
  'september sep sept septembre septiembre set settembre',
  'october oct oktober okt octobre octubre ottobre ott',
  'november nov novembre noviembre',
  'december dec dezember dez decembre diciembre dic dicembre',
];
MONTH_NAMES.forEach((names, i) => names.split(' ').forEach((name) => MONTHS.set(name, i + 1)));
const ASCII = /^[\x00-\x7f]*$/;

/** The month (1–12) a month name or abbreviation in one of the known languages stands for, else 0. */
export function monthOf(name: string): number {
  const lower = name.toLowerCase();
  // Author lines are read word by word for dates: most words are plain ASCII and need no folding.
  if (ASCII.test(lower)) return MONTHS.get(lower) ?? 0;
  return MONTHS.get(lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) ?? 0;
}

const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function localIso(y: number, mo: number, d: number, h: number, mi: number): string | null {
  if (y < 100) y += 2000;
  if (!mo || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || y < 1990 || y > 2100) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00`;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem[0].toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

// The time of day after a date: "at 5:49 am", "um 15:28 Uhr", "@ 2:28 pm", "à 17h49", "alle 17:49".
const TIME = String.raw`(?:[,\s]+(?:at|um|@|à|a|a las|alle|om|-|–|—)?\s*(\d{1,2})[:.h](\d{2})(?:\s*([ap]\.?\s?m\.?))?)?`;
const WORD = String.raw`([A-Za-zÀ-ÿ]+)\.?`;
/** "October 12th, 2012 at 5:49 am", "Monday, September 23, 2013 5:49 PM". */
const MONTH_FIRST = new RegExp(String.raw`${WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}`, 'i');
/** "12 October 2012", "19. Juni 2018 um 15:28 Uhr", "12 de octubre de 2012", "7 Aug 12 at 11:21 pm". */
const DAY_FIRST = new RegExp(String.raw`(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?${WORD},?\s+(?:de\s+)?(\d{4}|\d{2}\b)${TIME}`, 'i');
/** "16.03.2016 um 18:40", "24.12.2024, 18:00", "12-10-2012". */
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})[.-](\d{1,2})[.-](\d{4}|\d{2}\b)${TIME}`, 'i');
/** "2012/10/12", "2012-10-12 14:05". */
const YEAR_FIRST = new RegExp(String.raw`\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b${TIME}`, 'i');

// "3 days ago", "vor 2 Stunden", "il y a 3 jours", "hace 2 días": only with a reference date.
const UNIT_MS: Record<string, number> = { s: 1e3, mi: 6e4, h: 36e5, d: 864e5, w: 6048e5, mo: 2592e6, y: 31536e6 };
const UNITS: [RegExp, string][] = [
  [/^(sec|sek|seg)/, 's'], [/^min/, 'mi'], [/^(hour|hr|stunde|heure|hora|ora|uur)/, 'h'],
  [/^(day|tag|jour|d[ií]a|giorn|dag)/, 'd'], [/^(week|woche|semaine|semana|settiman)/, 'w'],
  [/^(month|monat|mois|mes|mese|maand)/, 'mo'], [/^(year|jahr|an|año|ann|jaar)/, 'y'],
];
const RELATIVE = /^(?:about |vor |il y a |hace |circa )?(\d+|an?|one|einer?m?) ([a-zäéíñ]+)(?: ago| fa| geleden)?$/i;

function relativeDate(text: string, reference: Date | string): string | null {
  const match = RELATIVE.exec(text.replace(/^(vor|il y a|hace)\s+/i, (m) => `${m.trim().toLowerCase()} `));
  if (!match || !/ago|^vor |^il y a |^hace | fa$| geleden$/i.test(text)) return null;
  const unit = UNITS.find(([pattern]) => pattern.test(match[2].toLowerCase()))?.[1];
  if (!unit) return null;
  const count = /^\d+$/.test(match[1]) ? Number(match[1]) : 1;
  const local = typeof reference === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(reference);
  const base = typeof reference === 'string' ? Date.parse(local ? `${reference}Z` : reference) : reference.getTime();
  if (Number.isNaN(base)) return null;
  const iso = new Date(base - count * UNIT_MS[unit]).toISOString();
  return local ? `${iso.slice(0, 16)}:00` : iso;
}

/**
 * Reads a machine or human date into ISO 8601. Machine values (`datetime` attributes, ISO with a
 * zone) keep their zone; human ones ("October 12th, 2013 at 5:49 am", "19. Juni 2018 um 15:28 Uhr",
 * "16.03.2016 um 18:40", "12 octobre 2012 à 17:49", "2012/10/12") carry none, so they become local
 * ISO times. Relative ones ("3 days ago", "vor 2 Stunden") need `reference`, the page's own date;
 * without it they give null, never a guess.
 */
export function parseDate(value: string | null | undefined, reference?: Date | string | null): string | null {
  // WordPress prints UTC as "+00:00": that needs no Date round trip, nor folding (thousands per thread).
  if (value && UTC_SECONDS.test(value)) return `${value.slice(0, 19)}.000Z`;
  const text = foldSpace(value ?? '');
  if (!text) return null;
  const zoned = ZONED.exec(text);
  if (zoned) {
    const ms = Date.parse(`${zoned[1]}T${zoned[2]}${zoned[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return human(+yearFirst[1], +yearFirst[2], +yearFirst[3], yearFirst, 4);
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst && monthOf(monthFirst[1])) return human(+monthFirst[3], monthOf(monthFirst[1]), +monthFirst[2], monthFirst, 4);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst && monthOf(dayFirst[2])) return human(+dayFirst[3], monthOf(dayFirst[2]), +dayFirst[1], dayFirst, 4);
  const numeric = DAY_MONTH_YEAR.exec(text);
  if (numeric) return human(+numeric[3], +numeric[2], +numeric[1], numeric, 4);
  return reference ? relativeDate(text, reference) : null;
}

/** A human date's local ISO form, its time read from the match's groups from `at` on. */
function human(y: number, mo: number, d: number, match: RegExpExecArray, at: number): string | null {
  const hour = to24h(Number(match[at] ?? 0), match[at + 2]);
  return localIso(y, mo, d, hour, Number(match[at + 1] ?? 0));
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
