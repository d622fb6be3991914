import type { CodebookGuidance, Variable } from '../../lib/records';

/** What a variable's kind means for the coder. */
export const KIND_HINT: Record<Variable['kind'], string> = { single: 'one choice: a code replaces the previous one', multiple: 'any number of codes' };

/** What a codebook entry (a variable or a code) tells the coder: its definition, when it applies and when not, examples. */
export function CodeGuidance({ entry }: { entry: CodebookGuidance & { description: string } }) {
  const examples = (entry.examples ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  return (
    <div class="ca-guidance">
      {entry.description && <p class="ca-guidance-definition">{entry.description}</p>}
      {entry.include && <p><strong>Use when:</strong> {entry.include}</p>}
      {entry.exclude && <p><strong>Not when:</strong> {entry.exclude}</p>}
      {examples.length > 0 && (
        <div>
          <strong>Examples:</strong>
          <ul>{examples.map((example, i) => <li key={i}>{example}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
