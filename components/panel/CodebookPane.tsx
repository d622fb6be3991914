import { useRef } from 'preact/hooks';
import { codesByVariable, isCodable } from '../../lib/codebook';
import type { Tag, Variable } from '../../lib/records';
import { CodeGuidance, KIND_HINT } from './CodeGuidance';
import { trusted } from './trusted';
import { usePaneFocus } from './use-pane-focus';

/** The whole codebook, shown with c: every variable and code with its key, definition, inclusion, exclusion and examples. */
export function CodebookPane({ codebook, variables, onClose }: { codebook: Tag[]; variables: Variable[]; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  usePaneFocus(ref);
  return (
    <div ref={ref} class="ca-help ca-codebook" role="dialog" aria-label="Codebook" data-testid="ca-codebook" tabIndex={-1}>
      <h3>Codebook</h3>
      {codesByVariable(variables, codebook).map(({ variable, codes }) => (
        <section key={variable.id} aria-label={variable.name}>
          <h4>{variable.name} <span class="ca-kind-hint">({KIND_HINT[variable.kind]})</span></h4>
          <CodeGuidance entry={variable} />
          <ul class="ca-codebook-codes">
            {codes.map((tag) => (
              <li key={tag.id}>
                <p class="ca-codebook-code">
                  {tag.hotkey && isCodable(tag) && <kbd>{tag.hotkey}</kbd>} <strong>{tag.name}</strong>
                  {!isCodable(tag) && <span class="ca-kind-hint"> (groups the codes under it)</span>}
                </p>
                <CodeGuidance entry={tag} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p><kbd>x</kbd> <strong>No code applies</strong>: the comment is coded, with no code.</p>
      <button type="button" onClick={trusted(onClose)}>Close</button>
    </div>
  );
}
