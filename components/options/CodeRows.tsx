import { useState } from 'preact/hooks';
import { Field } from './Field';
import { subtreeOf, type CodeFields } from '../../storage/codebook';
import { HOTKEYS } from '../../lib/hotkeys';
import { isCodable, variableIdOf } from '../../lib/codebook';
import type { Tag, Variable } from '../../lib/records';

/** What a code's rows can do: save fields, move among siblings, ask to delete or merge. */
export interface CodeActions {
  /** Saves changes; answers false when refused (the field then shows the stored value again). */
  update(tag: Tag, changes: CodeFields): Promise<boolean>;
  move(tag: Tag, step: -1 | 1): void;
  askDelete(tag: Tag): void;
  askMerge(tag: Tag): void;
}

/** One code's row (and its details row when open): key, colour, name, definition, order, details, delete. */
export function CodeRows({ tag, depth, siblings, codes, variables, actions }: {
  tag: Tag;
  depth: number;
  /** The codes with the same variable and parent, in order. */
  siblings: Tag[];
  /** Every code of the variable. */
  codes: Tag[];
  variables: Variable[];
  actions: CodeActions;
}) {
  const [open, setOpen] = useState(false);
  const at = siblings.indexOf(tag);
  const detailsId = `code-details-${tag.id}`;
  const nested = new Set(subtreeOf(codes, tag.id).map((t) => t.id));
  const save = (changes: CodeFields) => actions.update(tag, changes);
  return (
    <>
      <tr data-tag={tag.name} class={isCodable(tag) ? undefined : 'group'}>
        <td>
          <select aria-label={`Key for ${tag.name}`} value={tag.hotkey ?? ''} disabled={!isCodable(tag)} onChange={(e) => {
            void save({ hotkey: (e.target as HTMLSelectElement).value || null });
          }}>
            <option value="">—</option>
            {HOTKEYS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </td>
        <td><input type="color" aria-label={`Colour of ${tag.name}`} value={tag.colour} onChange={(e) => void save({ colour: (e.target as HTMLInputElement).value })} /></td>
        <td style={{ paddingLeft: `${0.4 + depth * 1.4}em` }}>
          {depth > 0 && <span class="nest" aria-hidden="true">↳ </span>}
          <Field label={`Name of ${tag.name}`} value={tag.name} save={(name) => save({ name })} />
          {!isCodable(tag) && <span class="hint"> (groups)</span>}
        </td>
        <td><Field className="wide" label={`Description of ${tag.name}`} value={tag.description} save={(description) => save({ description })} /></td>
        <td class="nowrap">
          <button type="button" aria-label={`Move ${tag.name} up`} disabled={at <= 0} onClick={() => actions.move(tag, -1)}>↑</button>
          <button type="button" aria-label={`Move ${tag.name} down`} disabled={at === siblings.length - 1} onClick={() => actions.move(tag, 1)}>↓</button>
        </td>
        <td class="nowrap">
          <button type="button" aria-label={`Details of ${tag.name}`} aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen(!open)}>Details</button>{' '}
          <button type="button" aria-label={`Delete ${tag.name}`} onClick={() => actions.askDelete(tag)}>Delete</button>
        </td>
      </tr>
      {open && (
        <tr class="details" id={detailsId} data-details-of={tag.name}>
          <td colSpan={6}>
            <div class="grid">
              <label>Inclusion notes <Field long label={`Inclusion notes of ${tag.name}`} value={tag.include ?? ''} save={(include) => save({ include })} /></label>
              <label>Exclusion notes <Field long label={`Exclusion notes of ${tag.name}`} value={tag.exclude ?? ''} save={(exclude) => save({ exclude })} /></label>
              <label>Examples (one a line) <Field long label={`Examples of ${tag.name}`} value={tag.examples ?? ''} save={(examples) => save({ examples })} /></label>
            </div>
            <p class="row">
              <label>Nested under{' '}
                <select aria-label={`Parent of ${tag.name}`} value={tag.parentId ?? ''} onChange={(e) => void save({ parentId: (e.target as HTMLSelectElement).value || null })}>
                  <option value="">— (top level)</option>
                  {codes.filter((c) => !nested.has(c.id)).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
              </label>
              <label>
                <input type="checkbox" aria-label={`${tag.name} can be coded`} checked={isCodable(tag)} onChange={(e) => void save({ codable: (e.target as HTMLInputElement).checked })} />
                {' '}Can be coded (unticked: it only groups the codes under it)
              </label>
              <label>Variable{' '}
                <select aria-label={`Variable of ${tag.name}`} value={variableIdOf(tag)} onChange={(e) => void save({ variableId: (e.target as HTMLSelectElement).value })}>
                  {variables.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
                </select>
              </label>
              <button type="button" aria-label={`Merge ${tag.name} into another code`} onClick={() => actions.askMerge(tag)}>Merge</button>
            </p>
          </td>
        </tr>
      )}
    </>
  );
}
