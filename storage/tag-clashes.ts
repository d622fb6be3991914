import type { NativeExport } from './export';
import type { Tag } from '../lib/records';
import type { Checked } from './import-schema';

// A colleague's codebook can reuse one of our tag ids under another name ("tag_on-topic" named
// "sarcasm"), or name a code like one of ours under another id. Merging by id alone would make
// their sarcasm codings read on-topic here; so every such clash is shown in the import preview
// and resolved by the reader: mapped onto one of our codes, kept apart as a new code, or renamed.

/** A tag of the file that clashes with our codebook. */
export interface TagClash {
  /** The file's tag. */
  incoming: Tag;
  /** Our tag with the same id but another name, if any: merging by id would rename their code. */
  sameId: Tag | null;
  /** Our tag with the same name (ignoring case and spaces) under another id, if any. */
  sameName: Tag | null;
  /** How many of the file's annotations use the tag. */
  uses: number;
}

/** What to do with a clashing tag of the file. */
export type TagResolution =
  /** Its codings become codings with our tag `to`. */
  | { action: 'map'; to: string }
  /** A new code of ours with the file's name (marked "(imported)" if we use that name already). */
  | { action: 'separate' }
  /** A new code of ours under the name the reader gave. */
  | { action: 'rename'; name: string };

/** The reader's choices, by the file's tag id. */
export type TagResolutions = Record<string, TagResolution>;

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every tag of the file whose id or name meets one of ours with a different partner. */
export function findTagClashes(data: Pick<NativeExport, 'codebook' | 'annotations'>, ours: Tag[]): TagClash[] {
  const byId = new Map(ours.map((t) => [t.id, t]));
  const byName = new Map(ours.map((t) => [nameKey(t.name), t]));
  const clashes: TagClash[] = [];
  for (const incoming of data.codebook) {
    const idTwin = byId.get(incoming.id);
    const nameTwin = byName.get(nameKey(incoming.name));
    const sameId = idTwin && nameKey(idTwin.name) !== nameKey(incoming.name) ? idTwin : null;
    const sameName = nameTwin && nameTwin.id !== incoming.id ? nameTwin : null;
    if (sameId || sameName) clashes.push({ incoming, sameId, sameName, uses: 0 });
  }
  if (clashes.length) {
    const byIncoming = new Map(clashes.map((c) => [c.incoming.id, c]));
    for (const annotation of data.annotations) {
      for (const tagId of [...annotation.tagIds, ...(annotation.segments ?? []).map((s) => s.tagId)]) {
        const clash = byIncoming.get(tagId);
        if (clash) clash.uses++;
      }
    }
  }
  return clashes;
}

/** The choice offered first: onto our code of the same name if there is one, else kept apart. */
export function defaultResolution(clash: TagClash): TagResolution {
  return clash.sameName ? { action: 'map', to: clash.sameName.id } : { action: 'separate' };
}

/** The first id of the form `<id>-imported`, `<id>-imported-2`, … that no tag uses. */
function freshId(id: string, taken: Set<string>): string {
  const base = `${id.slice(0, 80)}-imported`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The file with its clashing tags resolved: mapped tags leave its codebook and its codings
 * use our tag; kept-apart and renamed tags get an id of their own (so nothing merges with our
 * code of that id) and a name no tag of ours has. Annotations and their histories follow.
 * Clashes without a choice take `defaultResolution`. Refuses a rename to a name in use, or a
 * mapping onto a tag we do not have.
 */
export function resolveTagClashes(data: NativeExport, ours: Tag[], resolutions: TagResolutions = {}): Checked<NativeExport> {
  const clashes = findTagClashes(data, ours);
  if (!clashes.length) return { ok: true, data };
  const ourIds = new Set(ours.map((t) => t.id));
  const takenIds = new Set([...ourIds, ...data.codebook.map((t) => t.id)]);
  // Names of the codebook after the import: ours, and the file's tags that clash with nothing.
  const clashing = new Set(clashes.map((c) => c.incoming.id));
  const takenNames = new Set([...ours, ...data.codebook.filter((t) => !clashing.has(t.id) && !ourIds.has(t.id))].map((t) => nameKey(t.name)));
  const rename = new Map<string, string>();
  const codebook = new Map(data.codebook.map((t) => [t.id, t]));
  for (const clash of clashes) {
    const { incoming } = clash;
    const choice = resolutions[incoming.id] ?? defaultResolution(clash);
    if (choice.action === 'map') {
      if (!ourIds.has(choice.to)) return { ok: false, error: `“${incoming.name}”: there is no tag of ours to map it onto.` };
      rename.set(incoming.id, choice.to);
      codebook.delete(incoming.id);
      continue;
    }
    let name = (choice.action === 'rename' ? choice.name : incoming.name).trim().replace(/\s+/g, ' ');
    if (choice.action === 'rename') {
      if (!name) return { ok: false, error: `“${incoming.name}”: the new name must not be empty.` };
      if (name.length > 100) return { ok: false, error: `“${incoming.name}”: the new name is longer than 100 characters.` };
      if (takenNames.has(nameKey(name))) return { ok: false, error: `“${incoming.name}”: a tag named “${name}” exists already; choose another name.` };
    } else {
      const base = name.slice(0, 85);
      for (let n = 1; takenNames.has(nameKey(name)); n++) name = `${base} (imported${n > 1 ? ` ${n}` : ''})`;
    }
    takenNames.add(nameKey(name));
    const id = freshId(incoming.id, takenIds);
    rename.set(incoming.id, id);
    codebook.set(incoming.id, { ...incoming, id, name });
  }
  const remap = (tagIds: string[]) => {
    if (!tagIds.some((t) => rename.has(t))) return tagIds;
    return [...new Set(tagIds.map((t) => rename.get(t) ?? t))];
  };
  return {
    ok: true,
    data: {
      ...data,
      codebook: [...codebook.values()],
      annotations: data.annotations.map((a) => {
        const tagIds = remap(a.tagIds);
        const history = a.history?.map((version) => {
          const ids = remap(version.tagIds);
          return ids === version.tagIds ? version : { ...version, tagIds: ids };
        });
        const segments = a.segments?.some((s) => rename.has(s.tagId)) ? a.segments.map((s) => ({ ...s, tagId: rename.get(s.tagId) ?? s.tagId })) : a.segments;
        return tagIds === a.tagIds && segments === a.segments && history?.every((h, i) => h === a.history![i]) !== false ? a : { ...a, tagIds, ...(segments ? { segments } : {}), ...(history ? { history } : {}) };
      }),
    },
  };
}
