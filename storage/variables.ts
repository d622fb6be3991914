import { announced, newId, refuseSeveralInSingle, renumbered, variableOrThrow } from './codebook';
import type { AnnotatorDB } from './schema';
import { TAGS_VARIABLE, variableIdOf } from '../lib/codebook';
import type { Variable } from '../lib/records';

// The codebook's variables: add, edit, reorder, delete (storage/codebook.ts loads them and edits
// their codes). TAGS_VARIABLE holds the codes that have no stored variable (a v4 codebook, a v4
// colleague's file); editing it stores it.

/** What a variable says besides its id and order. */
export type VariableFields = Partial<Omit<Variable, 'id' | 'order'>>;

function checkedName(variables: readonly Variable[], id: string | null, raw: string): string {
  const name = raw.trim();
  if (!name) throw new Error('A variable needs a name.');
  if (variables.some((v) => v.id !== id && v.name.toLowerCase() === name.toLowerCase())) throw new Error(`There is already a variable called "${name}".`);
  return name;
}

/** Adds a variable at the end (multiple choice unless `kind` says otherwise). */
export async function addVariable(db: AnnotatorDB, fields: Pick<Variable, 'name'> & VariableFields): Promise<Variable> {
  return announced(db, db.transaction('rw', db.variables, async () => {
    const variables = await db.variables.orderBy('order').toArray();
    const variable: Variable = {
      ...fields,
      id: newId('var'),
      name: checkedName(variables, null, fields.name),
      kind: fields.kind ?? 'multiple',
      description: fields.description ?? '',
      order: variables.length ? variables[variables.length - 1].order + 1 : 0,
    };
    await db.variables.add(variable);
    return variable;
  }));
}

/**
 * Changes a variable's name, kind or guidance. Making it single choice is refused while
 * annotations hold two of its codes (the message says how many and whose): which code should
 * stay is the coders' decision, not the codebook editor's.
 */
export async function updateVariable(db: AnnotatorDB, id: string, changes: VariableFields): Promise<void> {
  await announced(db, db.transaction('rw', db.variables, db.tags, db.codings, async () => {
    const variables = await db.variables.toArray();
    const current = await variableOrThrow(db, id);
    const next: Variable = { ...current, ...changes };
    if (changes.name !== undefined) next.name = checkedName(variables, id, changes.name);
    if (next.kind === 'single' && current.kind !== 'single') {
      const codes = new Set((await db.tags.toArray()).filter((t) => variableIdOf(t) === id).map((t) => t.id));
      await refuseSeveralInSingle(db, next, codes, `make “${current.name}” single choice`);
    }
    // TAGS_VARIABLE, stored for the first time, goes first as it is shown.
    if (!variables.some((v) => v.id === id)) next.order = Math.min(0, ...variables.map((v) => v.order)) - 1;
    await db.variables.put(next);
  }));
}

/** Moves a variable one place up (-1) or down (+1). */
export async function moveVariable(db: AnnotatorDB, id: string, step: -1 | 1): Promise<void> {
  await announced(db, db.transaction('rw', db.variables, db.tags, async () => {
    const variables = await db.variables.orderBy('order').toArray();
    // Codes without a stored variable show first, under TAGS_VARIABLE: store it so it can move.
    if (!variables.some((v) => v.id === TAGS_VARIABLE.id) && (await db.tags.filter((t) => !variables.some((v) => v.id === variableIdOf(t))).count())) {
      variables.unshift({ ...TAGS_VARIABLE });
    }
    const from = variables.findIndex((v) => v.id === id);
    const to = from + step;
    if (from === -1 || to < 0 || to >= variables.length) return;
    [variables[from], variables[to]] = [variables[to], variables[from]];
    await db.variables.bulkPut(renumbered(variables));
  }));
}

/**
 * Deletes a variable. One that still has codes is refused unless `moveCodesTo` names another
 * variable: its codes (nesting kept) then move there first, which a single-choice target refuses
 * while annotations would hold two of its codes. Annotations are never touched: deleting codes
 * is deleteTag's (and says whose annotations it changes). Answers how many codes moved.
 */
export async function deleteVariable(db: AnnotatorDB, id: string, moveCodesTo?: string): Promise<number> {
  return announced(db, db.transaction('rw', db.variables, db.tags, db.codings, async () => {
    const current = await variableOrThrow(db, id);
    const codes = (await db.tags.toArray()).filter((t) => variableIdOf(t) === id);
    if (codes.length) {
      if (!moveCodesTo) throw new Error(`“${current.name}” still has ${codes.length} code${codes.length === 1 ? '' : 's'}: move them to another variable, or delete them, first.`);
      if (moveCodesTo === id) throw new Error('Choose another variable to move the codes to.');
      const target = await variableOrThrow(db, moveCodesTo);
      const targetCodes = (await db.tags.toArray()).filter((t) => variableIdOf(t) === target.id);
      await refuseSeveralInSingle(db, target, new Set([...targetCodes, ...codes].map((t) => t.id)), `move the codes of “${current.name}” into “${target.name}”`);
      await db.tags.bulkPut(codes.map((t) => ({ ...t, variableId: target.id })));
    }
    await db.variables.delete(id);
    return codes.length;
  }));
}
