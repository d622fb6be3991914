import { useEffect, useRef, useState } from 'preact/hooks';
import type { Variable } from '../../lib/records';

/**
 * Asks before deleting a variable that has codes: they move (with their annotations) to
 * another variable first. Takes the focus when it opens, as the code dialog does, so Escape
 * and the keyboard reach it; cancelling gives the focus back to the button that opened it.
 */
export function DeleteVariableDialog({ name, codeCount, others, onConfirm, onCancel }: {
  name: string;
  codeCount: number;
  /** The variables the codes can move to. */
  others: Variable[];
  onConfirm(moveCodesTo: string): void;
  onCancel(): void;
}) {
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    // Its first control: the variable to move the codes to, else Cancel (delete is disabled then).
    root.current?.querySelector<HTMLElement>('select, button:enabled')?.focus();
  }, []);
  const cancel = () => {
    onCancel();
    (opener.current as HTMLElement | null)?.focus();
  };

  return (
    <div ref={root} class="confirm" role="alertdialog" aria-label="Delete variable" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <p>“{name}” has {codeCount === 1 ? '1 code' : `${codeCount} codes`}. {others.length ? 'Move them (with their annotations, which do not change) to another variable, then delete it:' : 'It is the only variable: add another to move its codes to, or delete its codes first.'}</p>
      {others.length > 0 && (
        <label>Move its codes to{' '}
          <select data-testid="move-codes-to" value={moveTo} onChange={(e) => setMoveTo((e.target as HTMLSelectElement).value)}>
            {others.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </select>
        </label>
      )}{' '}
      <button type="button" class="danger" data-testid="confirm-delete-variable" disabled={!others.length} onClick={() => onConfirm(moveTo)}>Move codes and delete</button>{' '}
      <button type="button" onClick={cancel}>Cancel</button>
    </div>
  );
}
