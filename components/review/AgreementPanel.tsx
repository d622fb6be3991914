import { useMemo } from 'preact/hooks';
import { agreementReport } from '../../lib/agreement';
import type { Annotation, Tag } from '../../storage/schema';
import type { ReviewRow } from './rows';

/** Agreement per tag when two or more annotators coded the same comments, and where they differ. */
export function AgreementPanel({ annotations, rows, codebook }: { annotations: Annotation[]; rows: ReviewRow[]; codebook: Tag[] }) {
  const report = useMemo(() => agreementReport(annotations, codebook), [annotations, codebook]);
  const name = new Map(codebook.map((t) => [t.id, t.name]));
  const text = new Map(rows.map((r) => [`${r.annotation.pageUrl}\u0000${r.annotation.commentKey}`, r.comment?.text ?? '']));
  return (
    <section class="agreement" aria-labelledby="agreement-title" data-testid="agreement">
      <h2 id="agreement-title">Agreement</h2>
      {report.units === 0 ? (
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
          <h3>Disagreements ({report.disagreements.length})</h3>
          <ul class="disagreements">
            {report.disagreements.slice(0, 200).map((d) => (
              <li key={`${d.pageUrl}${d.commentKey}${d.tagId}`}>
                <strong>{name.get(d.tagId)}</strong>: {Object.entries(d.applied).map(([who, yes]) => `${who} ${yes ? 'yes' : 'no'}`).join(', ')}
                <div class="excerpt">{text.get(`${d.pageUrl}\u0000${d.commentKey}`)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
