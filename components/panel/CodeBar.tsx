import { useRef, useState } from 'preact/hooks';
import { codesByVariable, isCodable } from '../../lib/codebook';
import { readableTextOn } from '../../lib/colour-contrast';
import type { Annotation, Tag, Variable } from '../../lib/records';
import { CodeGuidance, KIND_HINT } from './CodeGuidance';
import { trusted } from './trusted';

/**
 * The codebook's buttons, grouped by variable (click to apply a code to the selected comment;
 * a code that only groups others is a label, not a button), "No code applies", and below them
 * the definition of the code pointed at or focused, else of the code last applied to the
 * selected comment. Codes are toggle buttons in every variable: a code put on can be taken off
 * again, which radio buttons could not say; a single-choice group says so in its name.
 */
export function CodeBar(props: {
  codebook: Tag[];
  variables: Variable[];
  /** The selected comment's key and annotation: its codes show as pressed. */
  selectedKey: string | null;
  annotation: Annotation | undefined;
  /** How many comments each code is on. */
  counts: ReadonlyMap<string, number>;
  onApplyTag(tagId: string): void;
  onNone(): void;
}) {
  const { codebook, annotation } = props;
  const tagIds = annotation?.tagIds ?? [];
  const [pointed, setPointed] = useState<string | null>(null);
  const last = useLastApplied(props.selectedKey, tagIds);
  const shown = codebook.find((tag) => tag.id === (pointed ?? last));
  const point = (tagId: string) => ({ onMouseEnter: () => setPointed(tagId), onMouseLeave: () => setPointed(null), onFocus: () => setPointed(tagId), onBlur: () => setPointed(null) });
  return (
    <div class="ca-codebar" role="group" aria-label="Codebook: apply a code to the selected comment">
      {codesByVariable(props.variables, codebook).map(({ variable, codes }) => (
        <div key={variable.id} class={`ca-tagbar ca-${variable.kind}`} role="group" aria-label={`${variable.name}, ${KIND_HINT[variable.kind]}`}>
          <span class="ca-varname" aria-hidden="true">{variable.name}</span>
          {codes.map((tag) => (isCodable(tag) ? (
            <button type="button" key={tag.id} class="ca-tagbtn" style={{ '--chip': tag.colour, '--chip-text': readableTextOn(tag.colour) }} title={tag.description}
              aria-pressed={tagIds.includes(tag.id)} onClick={trusted(() => props.onApplyTag(tag.id))} {...point(tag.id)}>
              {tag.hotkey && <kbd>{tag.hotkey}</kbd>} {tag.name} <span class="ca-tagcount">{props.counts.get(tag.id) ?? 0}</span>
            </button>
          ) : (
            <span key={tag.id} class="ca-codegroup" title={tag.description} {...point(tag.id)}>{tag.name}:</span>
          )))}
        </div>
      ))}
      <button type="button" class="ca-nonebtn" data-testid="ca-none" title="The comment is coded, with no code (x)" aria-pressed={!!annotation?.none} onClick={trusted(props.onNone)}>
        <kbd>x</kbd> No code applies
      </button>
      {shown && (
        <div class="ca-definition" data-testid="ca-definition">
          <strong>{shown.name}</strong>
          <CodeGuidance entry={shown} />
        </div>
      )}
    </div>
  );
}

/**
 * The code last put on the comment `key`, as seen from its codes changing while it is
 * selected; else (or once that code is off again) the last of its codes.
 */
function useLastApplied(key: string | null, tagIds: readonly string[]): string | null {
  const seen = useRef<{ key: string | null; tagIds: readonly string[]; last: string | null }>({ key: null, tagIds: [], last: null });
  const before = seen.current;
  let last = before.key === key ? before.last : null;
  if (before.key === key) last = tagIds.filter((id) => !before.tagIds.includes(id)).pop() ?? last;
  if (!last || !tagIds.includes(last)) last = tagIds[tagIds.length - 1] ?? null;
  seen.current = { key, tagIds, last };
  return last;
}
