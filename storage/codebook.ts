import { announce } from './changes';
import { DEFAULT_CODEBOOK } from './default-codebook';
import { SETTING_KEYS, type AnnotatorDB } from './schema';
import { TAGS_VARIABLE, variableIdOf } from '../lib/codebook';
import { HOTKEYS } from '../lib/hotkeys';
import type { Tag, Variable } from '../lib/records';

export { DEFAULT_CODEBOOK };

/** Waits for a committed codebook write, then announces it. */
export async function announced<T>(db: AnnotatorDB, write: Promise<T>): Promise<T> {
  const result = await write;
  announce(db, { kind: 'codebook' });
  return result;
}

/** A new tag or variable id: random, so entries from colleagues' codebooks never collide. */
export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/** Seeds the default codebook into an empty database, once (call inside a rw transaction on tags, variables, settings); answers whether it did. */
async function seedOnce(db: AnnotatorDB): Promise<boolean> {
  if (await db.settings.get(SETTING_KEYS.codebookSeeded)) return false;
  const empty = (await db.tags.count()) === 0 && (await db.variables.count()) === 0;
  if (empty) {
    await db.variables.bulkAdd(DEFAULT_CODEBOOK.variables.map((v) => ({ ...v })));
    await db.tags.bulkAdd(DEFAULT_CODEBOOK.tags.map((t) => ({ ...t })));
  }
  await db.settings.put({ key: SETTING_KEYS.codebookSeeded, value: 'yes' });
  return empty;
}

/** Runs `read` after seeding the defaults if this is the database's first read of its codebook. */
async function readSeeded<T>(db: AnnotatorDB, read: () => Promise<T>): Promise<T> {
  let seeded = false;
  const result = await db.transaction('rw', db.tags, db.variables, db.settings, async () => {
    seeded = await seedOnce(db);
    return read();
  });
  if (seeded) announce(db, { kind: 'codebook' });
  return result;
}

/** The codebook's codes (tags) in display order; seeds the defaults into an empty database, once. */
export function loadCodebook(db: AnnotatorDB): Promise<Tag[]> {
  return readSeeded(db, () => db.tags.orderBy('order').toArray());
}

/**
 * The codebook's variables in order (seeding the defaults like loadCodebook). Codes whose
 * variable is not stored (a v4 file's tags) belong to TAGS_VARIABLE: lib/codebook.ts
 * codesByVariable lists it for them.
 */
export function loadVariables(db: AnnotatorDB): Promise<Variable[]> {
  return readSeeded(db, () => db.variables.orderBy('order').toArray());
}

/** Annotations that hold more than one of `codeIds` (what a single-choice variable forbids), and whose they are. */
async function severalCodesUsage(db: AnnotatorDB, codeIds: ReadonlySet<string>): Promise<{ count: number; annotators: string[] }> {
  if (codeIds.size < 2) return { count: 0, annotators: [] };
  const parts = await db.codings.where('tagIds').anyOf([...codeIds]).distinct().toArray();
  const hits = parts.flatMap((p) => p.annotations).filter((a) => a.tagIds.filter((t) => codeIds.has(t)).length > 1);
  return { count: hits.length, annotators: [...new Set(hits.map((a) => a.annotator))].sort() };
}

/** Refuses when `variable` is single choice and annotations hold two of `codeIds` (the codes it would have). */
export async function refuseSeveralInSingle(db: AnnotatorDB, variable: Pick<Variable, 'name' | 'kind'>, codeIds: ReadonlySet<string>, doing: string): Promise<void> {
  if (variable.kind !== 'single') return;
  const { count, annotators } = await severalCodesUsage(db, codeIds);
  if (!count) return;
  throw new Error(`Cannot ${doing}: “${variable.name}” is single choice, and ${count} annotation${count === 1 ? '' : 's'} (by ${annotators.join(', ')}) would hold more than one of its codes. Take the extra codes off first (the review page filters by code).`);
}

/** The stored variable `id`, TAGS_VARIABLE for its id while not stored, or an error. */
export async function variableOrThrow(db: AnnotatorDB, id: string): Promise<Variable> {
  const variable = (await db.variables.get(id)) ?? (id === TAGS_VARIABLE.id ? TAGS_VARIABLE : undefined);
  if (!variable) throw new Error('That variable no longer exists.');
  return variable;
}

/** The codes a code and its nested codes make (the code first). */
export function subtreeOf(tags: readonly Tag[], id: string): Tag[] {
  const out: Tag[] = [];
  const visit = (tagId: string) => {
    const tag = tags.find((t) => t.id === tagId);
    if (!tag || out.includes(tag)) return;
    out.push(tag);
    for (const child of tags.filter((t) => t.parentId === tagId)) visit(child.id);
  };
  visit(id);
  return out;
}

/** What a code may be given besides its name: the fields addTag and updateTag take. */
export type CodeFields = Partial<Omit<Tag, 'id' | 'order'>>;

function checkedName(tags: readonly Tag[], id: string | null, raw: string): string {
  const name = raw.trim();
  if (!name) throw new Error('A code needs a name.');
  if (tags.some((t) => t.id !== id && t.name.toLowerCase() === name.toLowerCase())) throw new Error(`There is already a code called "${name}".`);
  return name;
}

/** Refuses a parent that is not a code of the same variable, or that would make a cycle. */
function checkParent(tags: readonly Tag[], code: Pick<Tag, 'id'>, variableId: string, parentId: string | null | undefined): void {
  if (!parentId) return;
  const parent = tags.find((t) => t.id === parentId);
  if (!parent) throw new Error('That parent code no longer exists.');
  if (variableIdOf(parent) !== variableId) throw new Error(`“${parent.name}” belongs to another variable: a code nests only under a code of its own variable.`);
  if (subtreeOf(tags, code.id).some((t) => t.id === parentId)) throw new Error(`“${parent.name}” is nested under this code: a code cannot be its own ancestor.`);
}

/**
 * Adds a code at the end of its variable (without one: the last variable, or TAGS_VARIABLE,
 * stored then, in a codebook with none), with the first free hotkey unless it only groups.
 */
export async function addTag(db: AnnotatorDB, fields: Pick<Tag, 'name'> & CodeFields): Promise<Tag> {
  return announced(db, db.transaction('rw', db.tags, db.variables, async () => {
    const tags = await db.tags.orderBy('order').toArray();
    const name = checkedName(tags, null, fields.name);
    const variable = fields.variableId ? await variableOrThrow(db, fields.variableId) : (await db.variables.orderBy('order').last()) ?? TAGS_VARIABLE;
    if (variable === TAGS_VARIABLE) await db.variables.put({ ...TAGS_VARIABLE, order: 0 });
    const used = new Set(tags.map((t) => t.hotkey));
    const codable = fields.codable !== false;
    const tag: Tag = {
      ...fields,
      id: newId('tag'),
      variableId: variable.id,
      name,
      colour: fields.colour ?? '#6e7781',
      hotkey: !codable ? null : fields.hotkey !== undefined ? fields.hotkey : HOTKEYS.find((key) => !used.has(key)) ?? null,
      description: fields.description ?? '',
      order: tags.length ? tags[tags.length - 1].order + 1 : 0,
    };
    checkParent(tags, tag, variableIdOf(tag), tag.parentId);
    if (tag.hotkey) await db.tags.filter((t) => t.hotkey === tag.hotkey).modify({ hotkey: null });
    await db.tags.add(tag);
    return tag;
  }));
}

/**
 * Changes a code: name, colour, hotkey (taken from the code that had it), definition and
 * guidance, parent (of its own variable, no cycles), codable (a code that only groups has no
 * hotkey), variable (its nested codes move along; a parent left behind is dropped). Moving codes
 * into a single-choice variable is refused while annotations would hold two of its codes.
 */
export async function updateTag(db: AnnotatorDB, id: string, changes: CodeFields): Promise<void> {
  await announced(db, db.transaction('rw', db.tags, db.variables, db.codings, async () => {
    const tags = await db.tags.toArray();
    const current = tags.find((t) => t.id === id);
    if (!current) throw new Error('That code no longer exists.');
    const next: Tag = { ...current, ...changes };
    if (changes.name !== undefined) next.name = checkedName(tags, id, changes.name);
    if (next.codable === false) {
      if (changes.hotkey) throw new Error(`“${next.name}” only groups codes: make it codable to give it a key.`);
      next.hotkey = null;
    }
    const moved = changes.variableId !== undefined && changes.variableId !== variableIdOf(current);
    if (moved) {
      const variable = await variableOrThrow(db, changes.variableId!);
      // A parent left in the old variable is dropped (unless a new one is given).
      if (changes.parentId === undefined) next.parentId = null;
      const subtree = subtreeOf(tags, id);
      const codes = new Set([...tags.filter((t) => variableIdOf(t) === variable.id), ...subtree].map((t) => t.id));
      await refuseSeveralInSingle(db, variable, codes, `move “${current.name}” into “${variable.name}”`);
      await db.tags.bulkPut(subtree.slice(1).map((t) => ({ ...t, variableId: variable.id })));
    }
    checkParent(tags, next, variableIdOf(next), next.parentId);
    if (next.hotkey && next.hotkey !== current.hotkey) await db.tags.where('id').notEqual(id).filter((t) => t.hotkey === next.hotkey).modify({ hotkey: null });
    await db.tags.put(next);
  }));
}

/** Moves a code one place up (-1) or down (+1) among its siblings (same variable, same parent). */
export async function moveTag(db: AnnotatorDB, id: string, step: -1 | 1): Promise<void> {
  await announced(db, db.transaction('rw', db.tags, async () => {
    const tags = await db.tags.orderBy('order').toArray();
    const tag = tags.find((t) => t.id === id);
    if (!tag) return;
    const siblings = tags.filter((t) => variableIdOf(t) === variableIdOf(tag) && (t.parentId ?? null) === (tag.parentId ?? null));
    const from = siblings.indexOf(tag);
    const other = siblings[from + step];
    if (!other) return;
    await db.tags.bulkPut([{ ...tag, order: other.order }, { ...other, order: tag.order }]);
  }));
}

/** Renumbers `items` 0, 1, 2 … in the given order (variables after a move). */
export const renumbered = <T extends { order: number }>(items: readonly T[]): T[] => items.map((item, order) => ({ ...item, order }));

