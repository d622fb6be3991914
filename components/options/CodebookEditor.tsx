import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CodeChangeDialog, type PendingCodeChange } from './CodeChangeDialog';
import type { CodeActions } from './CodeRows';
import { VariableSection, type VariableActions } from './VariableSection';
import { useStored } from '../common/useStored';
import { deleteTag, mergeTag, tagUsage, undoCodeChange, type CodeChange } from '../../storage/code-changes';
import { addTag, moveTag, updateTag } from '../../storage/codebook';
import { SETTING_KEYS, type AnnotatorDB } from '../../storage/schema';
import { addVariable, deleteVariable, moveVariable, updateVariable } from '../../storage/variables';
import { codesByVariable, isCodable } from '../../lib/codebook';
import type { Tag, Variable } from '../../lib/records';

/** The stored codebook: variables and codes, in order. */
interface Codebook {
  variables: Variable[];
  tags: Tag[];
}

/** What the last delete or merge did, said after it, with its undo. */
function doneMessage(change: CodeChange, into: Tag | undefined): string {
  const n = change.annotations.length;
  const whose = [...new Set(change.annotations.map((r) => r.before.annotator))];
  const what = change.kind === 'delete' ? `Deleted “${change.tag.name}” from` : `Merged “${change.tag.name}” into “${into?.name ?? '?'}” in`;
  const kept = change.kept.length ? ` ${change.kept.map((u) => `${u.annotator}’s ${u.count}`).join(', ')} kept it, so it stays in the codebook.` : '';
  return `${what} ${n} annotation${n === 1 ? '' : 's'}${whose.length ? ` (by ${whose.join(', ')})` : ''}.${kept}`;
}

/**
 * The codebook editor: variables (name, kind, definition and guidance, order, delete) with their
 * codes (key, colour, name, definition, guidance, parent, codable, variable, order), adding both,
 * and deleting or merging codes through a dialog that says whose annotations change, with undo.
 */
export function CodebookEditor({ db }: { db: AnnotatorDB }) {
  const codebook = useStored<Codebook | null>(db, async () => {
    const [variables, tags] = await Promise.all([db.variables.orderBy('order').toArray(), db.tags.orderBy('order').toArray()]);
    return { variables, tags };
  }, null, (change) => change.kind === 'codebook');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingCodeChange | null>(null);
  const [last, setLast] = useState<{ change: CodeChange; message: string } | null>(null);
  const [status, setStatus] = useState('');
  // The add forms are read when submitted (not from state a fast second key could find stale).
  const newCode = useRef<HTMLInputElement>(null);
  const newCodeVariable = useRef<HTMLSelectElement>(null);
  const newVariable = useRef<HTMLInputElement>(null);
  const newKind = useRef<HTMLSelectElement>(null);
  // Keyboard focus: back to the button that opened a cancelled dialog; on Undo after a change;
  // on what the undo did once the Undo button is gone.
  const opener = useRef<HTMLElement | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoneLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => undoButton.current?.focus(), [last]);
  useEffect(() => undoneLine.current?.focus(), [status]);
  // A new code goes to the last variable (one just added) unless the reader picks another; set
  // here, not as the select's defaultValue, which Preact sets as a property selects do not have.
  const lastVariableId = codebook && codesByVariable(codebook.variables, codebook.tags).at(-1)?.variable.id;
  useLayoutEffect(() => {
    if (lastVariableId && newCodeVariable.current) newCodeVariable.current.value = lastVariableId;
  }, [lastVariableId]);

  if (!codebook) return <p class="hint">Loading the codebook…</p>;
  const groups = codesByVariable(codebook.variables, codebook.tags);
  const variables = groups.map((g) => g.variable);

  /** Runs a write; a refusal shows as the page's one error. Answers whether it went through. */
  const attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setError(null);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };

  const ask = (kind: PendingCodeChange['kind'], tag: Tag) => void attempt(async () => {
    opener.current = document.activeElement as HTMLElement | null;
    const [uses, me] = await Promise.all([tagUsage(db, tag.id), db.settings.get(SETTING_KEYS.annotator)]);
    const targets = groups.flatMap((g) => g.codes.filter((c) => c.id !== tag.id && isCodable(c)).map((c) => ({ tag: c, label: `${c.name} (${g.variable.name})` })));
    setPending({ kind, tag, uses, me: me?.value ?? '', targets });
  });

  const codeActions: CodeActions = {
    update: (tag, changes) => attempt(() => updateTag(db, tag.id, changes)),
    move: (tag, step) => void attempt(() => moveTag(db, tag.id, step)),
    askDelete: (tag) => ask('delete', tag),
    askMerge: (tag) => ask('merge', tag),
  };
  const variableActions: VariableActions = {
    update: (variable, changes) => attempt(() => updateVariable(db, variable.id, changes)),
    move: (variable, step) => void attempt(() => moveVariable(db, variable.id, step)),
    remove: (variable, moveCodesTo) => void attempt(() => deleteVariable(db, variable.id, moveCodesTo)),
  };

  const confirm = (choice: { others: boolean; intoId?: string }) => void attempt(async () => {
    const { kind, tag } = pending!;
    const change = kind === 'delete' ? await deleteTag(db, tag.id, choice) : await mergeTag(db, tag.id, choice.intoId!, choice);
    setPending(null);
    setStatus('');
    setLast({ change, message: doneMessage(change, codebook.tags.find((t) => t.id === choice.intoId)) });
  });
  const undo = () => void attempt(async () => {
    const restored = await undoCodeChange(db, last!.change);
    setLast(null);
    setStatus(`Undone: “${last!.change.tag.name}” is back on ${restored} annotation${restored === 1 ? '' : 's'}.`);
  });
  const addCode = (e: Event) => {
    e.preventDefault();
    void attempt(async () => {
      await addTag(db, { name: newCode.current!.value, variableId: newCodeVariable.current!.value });
      newCode.current!.value = '';
    });
  };
  const addNewVariable = () => void attempt(async () => {
    await addVariable(db, { name: newVariable.current!.value, kind: newKind.current!.value as Variable['kind'] });
    newVariable.current!.value = '';
  });

  return (
    <>
      {error && <p class="error" role="alert">{error}</p>}
      {pending && <CodeChangeDialog key={`${pending.kind}:${pending.tag.id}`} pending={pending} onConfirm={confirm} onCancel={() => {
        setPending(null);
        opener.current?.focus();
      }} />}
      {last && (
        <p class="done" data-testid="code-change-done">
          <span role="status">{last.message}</span>{' '}
          <button type="button" data-testid="undo-code-change" ref={undoButton} onClick={undo}>Undo</button>
        </p>
      )}
      {status && <p class="done" role="status" data-testid="code-change-undone" ref={undoneLine} tabIndex={-1}>{status}</p>}
      {groups.length === 0 && <p class="hint" data-testid="empty-codebook">The codebook is empty: add a variable (a question asked of every comment), then its codes.</p>}
      {groups.map((g, index) => (
        <VariableSection key={g.variable.id} variable={g.variable} codes={g.codes} index={index} variables={variables} actions={variableActions} codeActions={codeActions} />
      ))}
      {variables.length > 0 && (
        <form onSubmit={addCode}>
          <label>New code <input data-testid="new-tag" ref={newCode} /></label>{' '}
          <label>in{' '}
            <select data-testid="new-tag-variable" ref={newCodeVariable}>
              {variables.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>{' '}
          <button type="submit">Add</button>
        </form>
      )}
      <div class="row new-variable">
        <label>New variable <input data-testid="new-variable" ref={newVariable} onKeyDown={(e) => e.key === 'Enter' && addNewVariable()} /></label>{' '}
        {/* Multiple choice by default: `selected`, as a select's defaultValue does nothing in Preact. */}
        <select aria-label="Kind of the new variable" ref={newKind}>
          <option value="single">Single choice</option>
          <option value="multiple" selected>Multiple choice</option>
        </select>{' '}
        <button type="button" data-testid="add-variable" onClick={addNewVariable}>Add variable</button>
      </div>
    </>
  );
}
