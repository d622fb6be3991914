import * as v from 'valibot';
import { applyCodebook, checkCodebookFile } from './import';
import type { AnnotatorDB } from './schema';
import { TagSchema, VariableSchema, type Checked } from './import-schema';
import { codeGuid, CODEBOOK_NS, NONE_CODE, readDescription, variableGuid } from './refi-qda';
import { TAGS_VARIABLE } from '../lib/codebook';
import type { Tag, Variable } from '../lib/records';

// Reads REFI-QDA XML (docs/export-format.md): the codebook of a .qdc (and of a .qdpx's project,
// storage/import-qdpx.ts) into variables and codes. Parsed with DOMParser, so it runs on the
// review page (and in happy-dom), not in a worker.

/** A codebook as a REFI-QDA file holds it: variables and their codes. */
export interface RefiCodebook {
  variables: Variable[];
  tags: Tag[];
}

/** Our codebook, so a code or variable that comes back keeps its id (and a code its hotkey). */
export interface OurCodebook {
  variables: readonly Variable[];
  tags: readonly Tag[];
}

/** A broken or foreign file: its message is shown after the file's name. */
export class Refused extends Error {}

/** `name` and its message when `error` is a refusal; any other error is thrown on. */
export function refusedFile(name: string, error: unknown): { ok: false; error: string } {
  if (error instanceof Refused) return { ok: false, error: `${name} was not imported: ${error.message}` };
  throw error;
}

const DEFAULT_COLOUR = '#656d76';
/** The child elements named `name` (any namespace). */
export const children = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name);
/** The first child element named `name`, or null. */
export const child = (el: Element, name: string) => children(el, name)[0] ?? null;
/** An element's text, '' when there is none. */
export const textOf = (el: Element | null) => el?.textContent ?? '';
/** A GUID as written in an attribute, in the form we compare: lower case, without braces. */
export const guidIn = (value: string | null | undefined) => value?.replace(/[{}]/g, '').toLowerCase() ?? '';

/** The document element of `text`, checked to be `root` in `namespace`; `what` names the file in messages. */
export function parseXml(text: string, root: string, namespace: string, what: string): Element {
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  // Chromium and Safari put the message in a div between headings of their own ("This page contains the following errors:" …).
  const message = (error?.getElementsByTagName('div')[0] ?? error)?.textContent?.trim().split('\n')[0];
  if (error || !doc.documentElement) throw new Refused(`${what} is not well-formed XML${message ? ` (${message})` : ''}.`);
  const found = doc.documentElement;
  if (found.localName !== root) throw new Refused(`${what} has the root <${found.localName}>, not <${root}>${found.localName === 'Project' ? ': a REFI-QDA project (.qdpx) is imported with “Import annotations”' : found.localName === 'CodeBook' ? ': a REFI-QDA codebook (.qdc) is imported with “Import a codebook”' : ''}.`);
  if (found.namespaceURI && found.namespaceURI !== namespace) throw new Refused(`${what} is in the namespace ${found.namespaceURI}, not REFI-QDA's ${namespace}.`);
  return found;
}

const colourOf = (value: string | null) => {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value ?? '')?.[1];
  if (!hex) return DEFAULT_COLOUR;
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`.toLowerCase();
};

/** An element's `guid`, or a refusal naming `where` when it has none. */
export const guidAttr = (el: Element, where: string) => {
  const guid = guidIn(el.getAttribute('guid'));
  if (!guid || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid)) throw new Refused(`${where} has no valid guid.`);
  return guid;
};

/**
 * The codebook of a <Codes> element: a top-level code that only groups (isCodable false) and
 * holds codes is a variable (TAGS_VARIABLE's code: no variable), any other top-level code a
 * code without variable; codes nest under codes by parentId. A code or variable whose GUID
 * is one of ours keeps our id; others get `tag_<guid>` / `var_<guid>`.
 */
export function readCodes(codes: Element, ours: OurCodebook): RefiCodebook & { codeIds: Map<string, string> } {
  const ourTags = new Map(ours.tags.map((t) => [codeGuid(t), t]));
  // Variables are known by the codes that name them too (their store may not hold them yet).
  const ourVariableIds = [...ours.variables.map((x) => x.id), ...ours.tags.flatMap((t) => (t.variableId ? [t.variableId] : []))];
  const ourVariables = new Map(ourVariableIds.map((id) => [variableGuid({ id }), id]));
  const variables: Variable[] = [];
  const tags: Tag[] = [];
  const codeIds = new Map<string, string>();
  const check = <T,>(schema: v.GenericSchema<unknown, T>, value: unknown, where: string): T => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new Refused(`${where}: ${result.issues[0].message}`);
    return result.output;
  };
  const addCode = (el: Element, path: string, variableId: string | undefined, parentId: string | undefined) => {
    const guid = guidAttr(el, path);
    const name = el.getAttribute('name') ?? '';
    const mine = ourTags.get(guid);
    const { kind: _, ...described } = readDescription(textOf(child(el, 'Description')));
    const tag = check(TagSchema, {
      id: mine?.id ?? `tag_${guid}`, name, colour: colourOf(el.getAttribute('color')), hotkey: mine?.hotkey ?? null, order: tags.length, ...described,
      ...(variableId ? { variableId } : {}), ...(parentId ? { parentId } : {}), ...(el.getAttribute('isCodable') === 'false' ? { codable: false } : {}),
    }, `${path} “${name}”`);
    tags.push(tag as Tag);
    codeIds.set(guid, tag.id);
    children(el, 'Code').forEach((sub, i) => addCode(sub, `${path}.Code[${i}]`, variableId, tag.id));
  };
  children(codes, 'Code').forEach((el, i) => {
    const path = `Code[${i}]`;
    const guid = guidAttr(el, path);
    if (guid === NONE_CODE.guid) return;
    const subs = children(el, 'Code');
    if (guid === variableGuid(TAGS_VARIABLE)) return subs.forEach((sub, j) => addCode(sub, `${path}.Code[${j}]`, undefined, undefined));
    if (el.getAttribute('isCodable') !== 'false' || !subs.length) return addCode(el, path, undefined, undefined);
    const name = el.getAttribute('name') ?? '';
    const { kind, ...described } = readDescription(textOf(child(el, 'Description')));
    const variable = check(VariableSchema, { id: ourVariables.get(guid) ?? `var_${guid}`, name, kind: kind ?? 'multiple', order: variables.length, ...described }, `${path} “${name}”`);
    variables.push(variable as Variable);
    subs.forEach((sub, j) => addCode(sub, `${path}.Code[${j}]`, variable.id, undefined));
  });
  const ids = new Set<string>();
  for (const tag of tags) {
    if (ids.has(tag.id)) throw new Refused(`The code “${tag.name}” appears twice (guid ${tag.id.replace(/^tag_/, '')}).`);
    ids.add(tag.id);
  }
  return { variables, tags, codeIds };
}

/** Reads a .qdc file's text: its variables and codes, or why it cannot be imported. */
export function readQdc(text: string, ours: OurCodebook, name = 'The file'): Checked<RefiCodebook> {
  try {
    const root = parseXml(text, 'CodeBook', CODEBOOK_NS, name);
    const codes = child(root, 'Codes');
    if (!codes) throw new Refused(`${name} has no <Codes>.`);
    const { variables, tags } = readCodes(codes, ours);
    return { ok: true, data: { variables, tags } };
  } catch (error) {
    return refusedFile(name, error);
  }
}

/** Our codebook as the readers match against it. */
export const ourCodebook = async (db: AnnotatorDB): Promise<OurCodebook> => ({ variables: await db.variables.toArray(), tags: await db.tags.toArray() });

/**
 * Imports a codebook file: a REFI-QDA .qdc (XML) or our codebook JSON. Nothing changes when
 * it is refused; the error says why.
 */
export async function importCodebookFile(db: AnnotatorDB, text: string, name: string, size = text.length): Promise<Checked<{ added: number; updated: number }>> {
  if (text.replace(/^\uFEFF/, '').trimStart().startsWith('<')) {
    const read = readQdc(text, await ourCodebook(db), name);
    if (!read.ok) return read;
    return { ok: true, data: await applyCodebook(db, read.data.tags, read.data.variables) };
  }
  const checked = checkCodebookFile(text, size);
  if (!checked.ok) return { ok: false, error: `${name} was not imported: ${checked.error}` };
  return { ok: true, data: await applyCodebook(db, checked.data.codebook, checked.data.variables) };
}
