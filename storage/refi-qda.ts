// What the REFI-QDA exports (.qdc codebook, .qdpx project) and their import share: GUIDs made
// from our ids, XML escaping, the codebook as nested <Code> elements, and how a variable's kind
// and a code's guidance travel in a <Description>. See docs/export-format.md and
// ../shared/standards/refi-qda/README.md.
import { codesByVariable, isCodable, TAGS_VARIABLE } from '../lib/codebook';
import type { CodebookGuidance, Tag, Variable } from '../lib/records';

/** The namespace of a .qdc file's root, `CodeBook`. */
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
/** The namespace of a .qdpx project's `project.qde`, root `Project`. */
export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
/** Written as the files' `origin`. */
export const ORIGIN = 'Comment Annotator';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A GUID (8-4-4-4-12 hex) for one of our records: the UUID in its id when it has one (codes and
 * variables made here: `tag_<uuid>`), else a 128-bit hash of `kind` and id, so the same data
 * always gets the same GUIDs and an exported code is recognised when it comes back.
 */
export function guidOf(kind: string, id: string): string {
  const own = UUID.exec(id);
  if (own) return own[0].toLowerCase();
  // cyrb128: four 32-bit lanes mixed over the string.
  const text = `${kind}:${id}`;
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A code's GUID. */
export const codeGuid = (tag: Pick<Tag, 'id'>) => guidOf('code', tag.id);
/** A codebook variable's GUID (the top-level code that groups its codes). */
export const variableGuid = (variable: Pick<Variable, 'id'>) => guidOf('variable', variable.id);

/**
 * The code a "no code applies" decision is coded with in a .qdpx (a whole-source coding), so
 * the decision survives the trip; it is not part of our codebook.
 */
export const NONE_CODE = { guid: guidOf('code', 'comment-annotator:none'), name: 'No code applies' } as const;

// XML 1.0 allows neither control characters other than tab and line ends, nor lone surrogates.
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Text as element content: escaped, characters XML cannot hold dropped, `\r` kept as a reference. */
export const xmlText = (text: string) => text.replace(NOT_XML, '').replace(/[&<>\r]/g, (c) => ESCAPES[c]);
/** Text as an attribute value (in double quotes): line ends and tabs kept as references. */
export const xmlAttr = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"\r\n\t]/g, (c) => ESCAPES[c]);

/** ` name="value"` for each defined attribute, in order. */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== null) out += ` ${name}="${xmlAttr(String(value))}"`;
  return out;
}

// A Description holds the definition, then our guidance and a variable's kind as labelled
// paragraphs, which other QDA programs show as they are and the import reads back.
const LABELS = { include: 'Include', exclude: 'Exclude', examples: 'Examples', kind: 'Choice' } as const;
type Described = CodebookGuidance & { description: string; kind?: Variable['kind'] };

/** A code's or variable's Description text: its definition and labelled guidance paragraphs. */
export function descriptionOf(entry: Described): string {
  const parts = entry.description ? [entry.description] : [];
  for (const field of ['include', 'exclude', 'examples', 'kind'] as const) {
    if (entry[field]) parts.push(`${LABELS[field]}: ${entry[field]}`);
  }
  return parts.join('\n\n');
}

const LABELLED = new RegExp(`(?:^|\\n\\n)(${Object.values(LABELS).join('|')}): `);

/** The definition and guidance a Description holds (the inverse of descriptionOf). */
export function readDescription(text: string): Described {
  const [description, ...rest] = text.split(LABELLED);
  const out: Described = { description: description.trim() === '' ? '' : description };
  for (let i = 0; i < rest.length; i += 2) {
    const field = (Object.keys(LABELS) as (keyof typeof LABELS)[]).find((key) => LABELS[key] === rest[i])!;
    if (field === 'kind') out.kind = rest[i + 1] === 'single' ? 'single' : 'multiple';
    else out[field] = rest[i + 1];
  }
  return out;
}

/**
 * The codebook as REFI-QDA `<Code>` elements: each variable a top-level code that only groups
 * (`isCodable="false"`), its codes nested under it and under their parent codes; a v4 codebook
 * (no variables) is one such group, TAGS_VARIABLE.
 */
export function codeElements(variables: readonly Variable[], codebook: readonly Tag[]): string {
  let out = '';
  for (const { variable, codes } of codesByVariable(variables, codebook)) {
    const ids = new Set(codes.map((c) => c.id));
    const children = new Map<string | null, Tag[]>();
    for (const code of codes) {
      const parent = code.parentId && ids.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), code]);
    }
    const seen = new Set<string>();
    const nested = (parent: string | null): string => (children.get(parent) ?? []).filter((code) => !seen.has(code.id) && seen.add(code.id)).map((code) =>
      element('Code', { guid: codeGuid(code), name: code.name, isCodable: isCodable(code), color: code.colour }, descriptionElement(code), nested(code.id))).join('');
    let body = nested(null);
    // Codes whose parents form a circle are reached from no root: they stand at the top.
    for (const code of codes) if (!seen.has(code.id)) body += nested(code.parentId ?? null);
    const kind = variable.id === TAGS_VARIABLE.id ? undefined : variable.kind;
    out += element('Code', { guid: variableGuid(variable), name: variable.name, isCodable: false }, descriptionElement({ ...variable, kind }), body);
  }
  return out;
}

const descriptionElement = (entry: Described) => {
  const text = descriptionOf(entry);
  return text ? `<Description>${xmlText(text)}</Description>` : '';
};

/** An element with attributes and content (self-closed when it has none). */
export function element(name: string, attributes: Parameters<typeof attrs>[0], ...content: string[]): string {
  const inner = content.join('');
  return inner ? `<${name}${attrs(attributes)}>${inner}</${name}>` : `<${name}${attrs(attributes)}/>`;
}

/** The XML declaration every file starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
