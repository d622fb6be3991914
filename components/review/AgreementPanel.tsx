import { NAMED_CODERS, SHOWN_DISAGREEMENTS, type AgreementAnswer } from './agreement-job';
import { commentId } from '../../lib/comment-id';
import type { Tag } from '../../lib/records';

/**
 * Agreement per tag when two or more annotators coded the same comments, and where they differ.
 * The review worker computes it; `current` is false while it works on newer data.
 */
export function AgreementPanel({ answer, current, codebook }: { answer: AgreementAnswer | null; current: boolean; codebook: Tag[] }) {
  const name = new Map(codebook.map((t) => [t.id, t.name]));
  const report = answer?.report;
  return (
    <section class="agreement" aria-labelledby="agreement-title" data-testid="agreement" data-state={current ? 'ready' : 'computing'}>
      <h2 id="agreement-title">Agreement</h2>
      {!report ? (
        <p>Computing agreement…</p>
      ) : report.units === 0 ? (
        <p class="empty">Agreement needs comments coded by two or more annotators: import a colleague’s export.</p>
      ) : (
        <>
          <p>{report.annotators.join(', ')} · {report.units} comments coded by more than one annotator</p>
          <table>
            <thead><tr><th>Tag</th><th>{report.annotators.length === 2 ? 'Cohen’s κ' : 'Krippendorff’s α'}</th><th>observed</th></tr></thead>
            <tbody>
              {report.tags.map((t) => (
                <tr key={t.tagId} data-tag={name.get(t.tagId)} data-value={t.value ?? ''}>
                  <td>{name.get(t.tagId)}</td>
                  <td>{t.value === null ? 'n/a' : t.value.toFixed(2)}</td>
                  <td>{(t.observed * 100).toFixed(0)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Disagreements ({answer.disagreements})</h3>
          <ul class="disagreements">
            {report.disagreements.slice(0, SHOWN_DISAGREEMENTS).map((d) => (
              <li key={`${d.pageUrl}${d.commentKey}${d.tagId}`}>
                <strong>{name.get(d.tagId)}</strong>: {d.yes + d.no > NAMED_CODERS ? `${d.yes} yes, ${d.no} no` : Object.entries(d.applied).map(([who, yes]) => `${who} ${yes ? 'yes' : 'no'}`).join(', ')}
                <div class="excerpt">{answer.excerpts[commentId(d.pageUrl, d.commentKey)]}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
