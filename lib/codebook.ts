// The codebook's shape, read the same way everywhere (panel, review page, agreement, exports):
// codes grouped under their variables, with the codebooks from before variables existed
// (schema v4: tags without a variable) read as one multiple-choice variable.
import type { Tag, Variable } from './records';

/** The variable every code without one belongs to: today's tags, as one multiple-choice variable. */
export const TAGS_VARIABLE: Variable = {
  id: 'var_tags',
  name: 'Tags',
  kind: 'multiple',
  description: 'Codes that apply independently of each other.',
  order: -1,
};

/** The id of the variable a code belongs to. */
export const variableIdOf = (tag: Tag): string => tag.variableId ?? TAGS_VARIABLE.id;

/** Whether a code can be applied (a code with `codable: false` only groups the codes under it). */
export const isCodable = (tag: Tag): boolean => tag.codable !== false;

/** A variable with its codes, in codebook order. */
export interface VariableCodes {
  variable: Variable;
  codes: Tag[];
}

/**
 * The codebook as variables with their codes, both in order. Codes whose variable is unknown
 * (or that have none) fall under TAGS_VARIABLE, which is listed only when it holds a code.
 */
export function codesByVariable(variables: readonly Variable[], tags: readonly Tag[]): VariableCodes[] {
  const known = new Map(variables.map((v) => [v.id, v]));
  const groups = new Map<string, VariableCodes>();
  for (const variable of [...variables].sort((a, b) => a.order - b.order)) groups.set(variable.id, { variable, codes: [] });
  for (const tag of [...tags].sort((a, b) => a.order - b.order)) {
    const id = known.has(variableIdOf(tag)) ? variableIdOf(tag) : TAGS_VARIABLE.id;
    if (!groups.has(id)) groups.set(id, { variable: TAGS_VARIABLE, codes: [] });
    groups.get(id)!.codes.push(tag);
  }
  return [...groups.values()].filter((g) => g.variable !== TAGS_VARIABLE || g.codes.length > 0);
}

/**
 * The tag edit that applying `tagId` makes: in a single-choice variable the code replaces the
 * variable's other codes the annotation has; in a multiple-choice one it is only put on.
 */
export function tagOnEdit(tagId: string, current: readonly string[], variables: readonly Variable[], tags: readonly Tag[]): Record<string, boolean> {
  const edit: Record<string, boolean> = { [tagId]: true };
  const tag = tags.find((t) => t.id === tagId);
  const variable = tag && variables.find((v) => v.id === variableIdOf(tag));
  if (!tag || variable?.kind !== 'single') return edit;
  for (const other of current) {
    const otherTag = tags.find((t) => t.id === other);
    if (other !== tagId && otherTag && variableIdOf(otherTag) === variable.id) edit[other] = false;
  }
  return edit;
}

/** The tag edit a press of `tagId` makes: off when the annotation has it, else on as tagOnEdit puts it. */
export function tagToggleEdit(tagId: string, current: readonly string[], variables: readonly Variable[], tags: readonly Tag[]): Record<string, boolean> {
  return current.includes(tagId) ? { [tagId]: false } : tagOnEdit(tagId, current, variables, tags);
}
