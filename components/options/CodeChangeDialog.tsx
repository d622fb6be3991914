import { useEffect, useRef, useState } from 'preact/hooks';
import type { CodeUse } from '../../storage/code-changes';
import type { Tag } from '../../lib/records';

/** A delete or merge the reader is asked about: the code, its uses per annotator, and (merging) the codes it may go into. */
export interface PendingCodeChange {
  kind: 'delete' | 'merge';
  tag: Tag;
  uses: CodeUse[];
  /** This browser's annotator. */
  me: string;
  /** Merge targets, labelled with their variable. */
  targets: { tag: Tag; label: string }[];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const listUses = (uses: CodeUse[]) => uses.map((u) => `${u.annotator} (${u.count})`).join(', ');

/**
 * Asks before deleting or merging a code: how many annotations of which coders use it; by
 * default only this browser's annotator's are changed, and other coders' only when the reader
 * ticks the box for them (while they use the code, it stays in the codebook).
 */
export function CodeChangeDialog({ pending, onConfirm, onCancel }: {
  pending: PendingCodeChange;
  onConfirm: (choice: { others: boolean; intoId?: string }) => void;
  onCancel: () => void;
}) {
  const { kind, tag, uses, me, targets } = pending;
  const [others, setOthers] = useState(false);
  const [intoId, setIntoId] = useState(targets[0]?.tag.id ?? '');
  const first = useRef<HTMLElement>(null);
  // Read when confirmed, not from state a fast key press could find stale.
  const othersBox = useRef<HTMLInputElement>(null);
  const intoSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const mine = uses.find((u) => u.annotator === me)?.count ?? 0;
  const theirs = uses.filter((u) => u.annotator !== me);
  const total = uses.reduce((sum, u) => sum + u.count, 0);
  const into = targets.find((t) => t.tag.id === intoId)?.tag;
  const verb = kind === 'delete' ? 'Delete' : 'Merge';
  const stays = theirs.length > 0 && !others;

  return (
    <div class="confirm" role="alertdialog" aria-label={`${verb} code`} aria-describedby="code-change-uses"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p id="code-change-uses">
        {verb} <strong>{tag.name}</strong>{kind === 'merge' && ' into another code'}?{' '}
        {total === 0 ? 'No annotation uses it.' : `It is used by ${plural(total, 'annotation')}: ${plural(mine, 'annotation')} of yours (${me})${theirs.length ? `; other coders: ${listUses(theirs)}` : ''}.`}
      </p>
      {kind === 'merge' && (
        targets.length === 0 ? <p class="hint">There is no other code to merge into.</p> : (
          <label>Merge into{' '}
            <select data-testid="merge-into" ref={(el) => { first.current = el; intoSelect.current = el; }} value={intoId} onChange={(e) => setIntoId((e.target as HTMLSelectElement).value)}>
              {targets.map((t) => <option key={t.tag.id} value={t.tag.id}>{t.label}</option>)}
            </select>
          </label>
        )
      )}
      {theirs.length > 0 && (
        <p>
          <label>
            <input type="checkbox" data-testid="change-others" ref={othersBox} checked={others} onChange={(e) => setOthers((e.target as HTMLInputElement).checked)} />{' '}
            Also change other coders’ annotations ({listUses(theirs)}): their imported work is rewritten.
          </label>
        </p>
      )}
      <p class="hint" data-testid="code-change-effect">
        {kind === 'delete' ? `Your annotations lose “${tag.name}”; they keep their other codes and notes.` : `Your annotations with “${tag.name}” get “${into?.name ?? '…'}” instead.`}{' '}
        {stays ? `Other coders’ annotations keep “${tag.name}”, so it stays in the codebook.` : `“${tag.name}” leaves the codebook.`}{' '}
        You can undo this.
      </p>
      <button type="button" class="danger" data-testid={kind === 'delete' ? 'confirm-delete' : 'confirm-merge'} ref={kind === 'delete' ? first as never : undefined}
        disabled={kind === 'merge' && !into}
        onClick={() => onConfirm({ others: othersBox.current?.checked ?? false, intoId: kind === 'merge' ? intoSelect.current?.value : undefined })}>{verb}</button>{' '}
      <button type="button" onClick={onCancel}>Cancel</button>
    </div>
  );
}
