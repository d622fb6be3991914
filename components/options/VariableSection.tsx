import { useState } from 'preact/hooks';
import { CodeRows, type CodeActions } from './CodeRows';
import { DeleteVariableDialog } from './DeleteVariableDialog';
import { Field } from './Field';
import type { VariableFields } from '../../storage/variables';
import type { Tag, Variable } from '../../lib/records';

/** What a variable's section can do besides its codes'. */
export interface VariableActions {
  /** Saves changes; answers false when refused. */
  update(variable: Variable, changes: VariableFields): Promise<boolean>;
  move(variable: Variable, step: -1 | 1): void;
  /** Deletes it, moving its codes to `moveCodesTo` when it has any. */
  remove(variable: Variable, moveCodesTo?: string): void;
}

/** The codes of one variable in tree order (each code followed by the codes nested under it), with their depth. */
function treeOrder(codes: Tag[]): { tag: Tag; depth: number; siblings: Tag[] }[] {
  const ids = new Set(codes.map((c) => c.id));
  const childrenOf = (parent: string | null) => codes.filter((c) => (c.parentId && ids.has(c.parentId) ? c.parentId : null) === parent);
  const out: { tag: Tag; depth: number; siblings: Tag[] }[] = [];
  const visit = (parent: string | null, depth: number) => {
    const siblings = childrenOf(parent);
    for (const tag of siblings) {
      out.push({ tag, depth, siblings });
      visit(tag.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** One variable: its name, kind, definition and guidance, order, delete, and its codes' table. */
export function VariableSection({ variable, codes, index, variables, actions, codeActions }: {
  variable: Variable;
  codes: Tag[];
  index: number;
  variables: Variable[];
  actions: VariableActions;
  codeActions: CodeActions;
}) {
  const [deleting, setDeleting] = useState(false);
  const others = variables.filter((v) => v.id !== variable.id);
  const name = variable.name;
  const save = (changes: VariableFields) => actions.update(variable, changes);
  const headingId = `variable-${variable.id}`;

  return (
    <section class="variable" data-variable={name} aria-labelledby={headingId}>
      <h3 id={headingId}>{name} <span class="hint">({variable.kind === 'single' ? 'single choice' : 'multiple choice'}, {codes.length === 1 ? '1 code' : `${codes.length} codes`})</span></h3>
      <div class="row">
        <label>Name <Field label={`Name of variable ${name}`} value={name} save={(value) => save({ name: value })} /></label>
        <label>Kind{' '}
          <select aria-label={`Kind of ${name}`} value={variable.kind} onChange={(e) => {
            const select = e.target as HTMLSelectElement;
            void save({ kind: select.value as Variable['kind'] }).then((ok) => {
              if (!ok) select.value = variable.kind;
            });
          }}>
            <option value="single">Single choice (one code a comment)</option>
            <option value="multiple">Multiple choice</option>
          </select>
        </label>
        <span class="nowrap">
          <button type="button" aria-label={`Move variable ${name} up`} disabled={index === 0} onClick={() => actions.move(variable, -1)}>↑</button>
          <button type="button" aria-label={`Move variable ${name} down`} disabled={index === variables.length - 1} onClick={() => actions.move(variable, 1)}>↓</button>{' '}
          <button type="button" aria-label={`Delete variable ${name}`} onClick={() => (codes.length ? setDeleting(true) : actions.remove(variable))}>Delete variable</button>
        </span>
      </div>
      <label class="block">Definition <Field long className="wide" label={`Definition of variable ${name}`} value={variable.description} save={(value) => save({ description: value })} /></label>
      <details>
        <summary>Inclusion, exclusion, examples</summary>
        <div class="grid">
          <label>Inclusion notes <Field long label={`Inclusion notes of variable ${name}`} value={variable.include ?? ''} save={(value) => save({ include: value })} /></label>
          <label>Exclusion notes <Field long label={`Exclusion notes of variable ${name}`} value={variable.exclude ?? ''} save={(value) => save({ exclude: value })} /></label>
          <label>Examples (one a line) <Field long label={`Examples of variable ${name}`} value={variable.examples ?? ''} save={(value) => save({ examples: value })} /></label>
        </div>
      </details>
      {deleting && (
        <DeleteVariableDialog name={name} codeCount={codes.length} others={others} onCancel={() => setDeleting(false)} onConfirm={(moveCodesTo) => {
          setDeleting(false);
          actions.remove(variable, moveCodesTo);
        }} />
      )}
      {codes.length === 0 ? <p class="hint" data-testid="no-codes">No codes in “{name}” yet: add one below, choosing this variable.</p> : (
        <table>
          <thead><tr><th>Key</th><th>Colour</th><th>Name</th><th>Definition</th><th>Order</th><th /></tr></thead>
          <tbody>
            {treeOrder(codes).map(({ tag, depth, siblings }) => (
              <CodeRows key={tag.id} tag={tag} depth={depth} siblings={siblings} codes={codes} variables={variables} actions={codeActions} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
