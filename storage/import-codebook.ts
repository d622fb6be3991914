import { announce } from './changes';
import type { NativeExport } from './export';
import type { AnnotatorDB } from './schema';
import { TAGS_VARIABLE } from '../lib/codebook';
import type { Tag, Variable } from '../lib/records';

// How a file's codebook (codes and, since schema v5, variables) joins ours: entries we have by id
// stay ours; new ones go after ours. Codes of files from before variables (none, or one we do
// not have) join TAGS_VARIABLE, which is stored then, so every stored code has a stored variable.

/** The file's variables we do not have (by id), after ours; a name of ours is marked "(imported)". */
function newVariablesOf(incoming: readonly Variable[] | undefined, ours: readonly Variable[]): Variable[] {
  const ids = new Set(ours.map((v) => v.id));
  const names = new Set(ours.map((v) => v.name.toLowerCase()));
  let order = ours.reduce((max, v) => Math.max(max, v.order), -1);
  return [...(incoming ?? [])].sort((a, b) => a.order - b.order).filter((v) => !ids.has(v.id)).map((v) => {
    const name = names.has(v.name.toLowerCase()) ? `${v.name} (imported)` : v.name;
    names.add(name.toLowerCase());
    return { ...v, name, order: ++order };
  });
}

/** The variables to add: the file's new ones, and TAGS_VARIABLE when a new code needs it and it is not stored. */
function withTagsVariable(added: Variable[], ours: readonly Variable[], codes: readonly Tag[]): Variable[] {
  const stored = [...ours, ...added].some((v) => v.id === TAGS_VARIABLE.id);
  if (stored || !codes.some((t) => t.variableId === TAGS_VARIABLE.id)) return added;
  return [...added, { ...TAGS_VARIABLE, order: [...ours, ...added].reduce((max, v) => Math.max(max, v.order), -1) + 1 }];
}

/**
 * The file's codes we do not have (by id), after ours: a hotkey of ours is dropped, the variable
 * kept when known (else TAGS_VARIABLE), a parent neither side has dropped, and with
 * `markShared` a name of ours marked "(shared)".
 */
function newCodesOf(incoming: readonly Tag[], ours: readonly Tag[], variableIds: ReadonlySet<string>, markShared: boolean): Tag[] {
  const known = new Set(ours.map((t) => t.id));
  const usedKeys = new Set(ours.map((t) => t.hotkey).filter(Boolean));
  const names = new Set(ours.map((t) => t.name.toLowerCase()));
  const codeIds = new Set([...known, ...incoming.map((t) => t.id)]);
  let order = ours.reduce((max, t) => Math.max(max, t.order), -1);
  return [...incoming].sort((a, b) => a.order - b.order).filter((t) => !known.has(t.id)).map((tag) => {
    const hotkey = tag.hotkey && !usedKeys.has(tag.hotkey) ? tag.hotkey : null;
    if (hotkey) usedKeys.add(hotkey);
    const name = markShared && names.has(tag.name.toLowerCase()) ? `${tag.name} (shared)` : tag.name;
    names.add(name.toLowerCase());
    const variableId = tag.variableId && variableIds.has(tag.variableId) ? tag.variableId : TAGS_VARIABLE.id;
    const placed: Tag = { ...tag, name, hotkey, order: ++order, variableId };
    if (tag.parentId && !codeIds.has(tag.parentId)) placed.parentId = null;
    return placed;
  });
}

/**
 * The file's codes we do not have (ours win for ids we have), placed after ours, and the
 * variables they need (see newCodesOf; name clashes are resolved before, storage/tag-clashes.ts).
 * A variable none of the added codes is in is left out: when the reader treats every code of it
 * as one of ours, it would join our codebook as an empty "NAME (imported)" (and the units export
 * would give it a table of "none").
 */
export function planCodebook(data: Pick<NativeExport, 'codebook' | 'variables'>, tags: Tag[], variables: Variable[]): { tags: Tag[]; variables: Variable[] } {
  const added = newVariablesOf(data.variables, variables);
  const codes = newCodesOf(data.codebook, tags, new Set([...variables, ...added].map((v) => v.id)), false);
  const used = new Set(codes.map((t) => t.variableId));
  return { tags: codes, variables: withTagsVariable(added.filter((v) => used.has(v.id)), variables, codes) };
}

/**
 * Adds a shared codebook's codes and variables (see newCodesOf) and brings same-id codes to its
 * names, colours and descriptions.
 */
export async function applyCodebook(db: AnnotatorDB, codebook: Tag[], variables: Variable[] = []): Promise<{ added: number; updated: number }> {
  const result = await db.transaction('rw', db.tags, db.variables, async () => {
    const [tags, ourVariables] = await Promise.all([db.tags.toArray(), db.variables.toArray()]);
    const byId = new Map(tags.map((t) => [t.id, t]));
    let updated = 0;
    for (const tag of codebook) {
      const current = byId.get(tag.id);
      if (current && (current.name !== tag.name || current.colour !== tag.colour || current.description !== tag.description)) {
        await db.tags.update(tag.id, { name: tag.name, colour: tag.colour, description: tag.description });
        updated++;
      }
    }
    const newVariables = newVariablesOf(variables, ourVariables);
    const codes = newCodesOf(codebook, tags, new Set([...ourVariables, ...newVariables].map((v) => v.id)), true);
    const addedVariables = withTagsVariable(newVariables, ourVariables, codes);
    await db.tags.bulkAdd(codes);
    await db.variables.bulkAdd(addedVariables);
    return { added: codes.length, updated, variables: addedVariables.length };
  });
  if (result.added || result.updated || result.variables) announce(db, { kind: 'codebook' });
  return { added: result.added, updated: result.updated };
}
