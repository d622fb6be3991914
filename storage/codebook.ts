import { recountCoded } from './codings';
import { tagIdsOf } from './coding-parts';
import { announce } from './changes';
import { SETTING_KEYS, type AnnotatorDB } from './schema';
import { HOTKEYS } from '../lib/hotkeys';
import type { CodingPart, Tag } from '../lib/records';

/** The codebook new users start with: common categories of comment analysis. */
export const DEFAULT_CODEBOOK: readonly Omit<Tag, 'id' | 'order'>[] = [
  { name: 'on-topic', colour: '#1a7f37', hotkey: '1', description: 'Engages with the article’s subject.' },
  { name: 'off-topic', colour: '#656d76', hotkey: '2', description: 'About something else.' },
  { name: 'question', colour: '#0969da', hotkey: '3', description: 'Asks for information or clarification.' },
  { name: 'argument', colour: '#8250df', hotkey: '4', description: 'Makes a claim and gives reasons.' },
  { name: 'praise', colour: '#9a6700', hotkey: '5', description: 'Approves of the article, a product or a person.' },
  { name: 'complaint', colour: '#bc4c00', hotkey: '6', description: 'Expresses dissatisfaction.' },
  { name: 'incivility', colour: '#cf222e', hotkey: '7', description: 'Insults, name-calling, vulgarity.' },
  { name: 'spam', colour: '#bf3989', hotkey: '8', description: 'Advertising, link drops, bots.' },
];

/** Waits for a committed codebook write, then announces it. */
async function announced<T>(db: AnnotatorDB, write: Promise<T>): Promise<T> {
  const result = await write;
  announce(db, { kind: 'codebook' });
  return result;
}

/** A new tag id: random, so tags from colleagues' codebooks never collide. */
export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/** The codebook in display order; seeds the defaults into an empty database, once. */
export async function loadCodebook(db: AnnotatorDB): Promise<Tag[]> {
  let seeded = false;
  const tags = await db.transaction('rw', db.tags, db.settings, async () => {
    if (!(await db.settings.get(SETTING_KEYS.codebookSeeded))) {
      if ((await db.tags.count()) === 0) {
        // Default tags have the same ids in every install, so colleagues' files merge by id.
        await db.tags.bulkAdd(DEFAULT_CODEBOOK.map((tag, order) => ({ ...tag, id: `tag_${tag.name}`, order })));
        seeded = true;
      }
      await db.settings.put({ key: SETTING_KEYS.codebookSeeded, value: 'yes' });
    }
    return db.tags.orderBy('order').toArray();
  });
  if (seeded) announce(db, { kind: 'codebook' });
  return tags;
}

/** Adds a tag at the end, with the first free hotkey. */
export async function addTag(db: AnnotatorDB, fields: Pick<Tag, 'name'> & Partial<Omit<Tag, 'id' | 'order'>>): Promise<Tag> {
  return announced(db, db.transaction('rw', db.tags, async () => {
    const tags = await db.tags.orderBy('order').toArray();
    const name = fields.name.trim();
    if (!name) throw new Error('A tag needs a name.');
    if (tags.some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new Error(`There is already a tag called "${name}".`);
    const used = new Set(tags.map((t) => t.hotkey));
    const tag: Tag = {
      id: newId('tag'),
      name,
      colour: fields.colour ?? '#6e7781',
      hotkey: fields.hotkey !== undefined ? fields.hotkey : HOTKEYS.find((key) => !used.has(key)) ?? null,
      description: fields.description ?? '',
      order: tags.length ? tags[tags.length - 1].order + 1 : 0,
    };
    await db.tags.add(tag);
    return tag;
  }));
}

/** Renames, recolours, re-keys or re-describes a tag. A hotkey taken by another tag moves here. */
export async function updateTag(db: AnnotatorDB, id: string, changes: Partial<Omit<Tag, 'id' | 'order'>>): Promise<void> {
  await announced(db, db.transaction('rw', db.tags, async () => {
    if (changes.name !== undefined) {
      const name = changes.name.trim();
      if (!name) throw new Error('A tag needs a name.');
      const clash = (await db.tags.toArray()).find((t) => t.id !== id && t.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new Error(`There is already a tag called "${name}".`);
      changes = { ...changes, name };
    }
    if (changes.hotkey) await db.tags.where('id').notEqual(id).filter((t) => t.hotkey === changes.hotkey).modify({ hotkey: null });
    await db.tags.update(id, changes);
  }));
}

/** Moves a tag one place up (-1) or down (+1) in the codebook. */
export async function moveTag(db: AnnotatorDB, id: string, step: -1 | 1): Promise<void> {
  await announced(db, db.transaction('rw', db.tags, async () => {
    const tags = await db.tags.orderBy('order').toArray();
    const from = tags.findIndex((t) => t.id === id);
    const to = from + step;
    if (from === -1 || to < 0 || to >= tags.length) return;
    [tags[from], tags[to]] = [tags[to], tags[from]];
    await db.tags.bulkPut(tags.map((tag, order) => ({ ...tag, order })));
  }));
}

/** How many annotations use a tag (asked before deleting it). */
export async function tagUsage(db: AnnotatorDB, id: string): Promise<number> {
  const parts = await db.codings.where('tagIds').equals(id).toArray();
  return parts.reduce((sum, part) => sum + part.annotations.filter((a) => a.tagIds.includes(id)).length, 0);
}

/**
 * Deletes a tag and takes it off every annotation, in one transaction; annotations left with
 * neither tags nor note are kept (their history matters) but no longer count as tagged.
 * Returns how many annotations it touched.
 */
export async function deleteTag(db: AnnotatorDB, id: string): Promise<number> {
  return announced(db, db.transaction('rw', [db.tags, db.codings, db.pages], async () => {
    const now = new Date().toISOString();
    let touched = 0;
    const parts = await db.codings.where('tagIds').equals(id).toArray();
    const key = (p: Pick<CodingPart, 'url' | 'annotator' | 'part'>) => JSON.stringify([p.url, p.annotator, p.part]);
    const changed = new Map(parts.map((part) => {
      const annotations = part.annotations.map((a) => {
        if (!a.tagIds.includes(id)) return a;
        touched++;
        return { ...a, tagIds: a.tagIds.filter((t) => t !== id), updatedAt: now };
      });
      return [key(part), { ...part, annotations, tagIds: tagIdsOf(annotations) }];
    }));
    // Each coder's revision of each page counts up once (it lives in the coder's head, part 0).
    const coders = [...new Map(parts.map((p) => [key({ ...p, part: 0 }), [p.url, p.annotator, 0] as [string, string, number]])).values()];
    for (const head of await db.codings.bulkGet(coders)) {
      const current = changed.get(key(head!)) ?? head!;
      changed.set(key(head!), { ...current, rev: current.rev + 1 });
    }
    await db.codings.bulkPut([...changed.values()]);
    await Promise.all([db.tags.delete(id), recountCoded(db, parts.map((part) => part.url))]);
    return touched;
  }));
}
