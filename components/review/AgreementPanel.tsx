import { useEffect, useRef, useState } from 'preact/hooks';
import type { Tag } from '../../storage/schema';
import { SHOWN_DISAGREEMENTS, type AgreementAnswer } from './agreement-job';

/**
 * Agreement per tag when two or more annotators coded the same comments, and where they differ.
 * Computed by a worker from the database; `changed` is any value that changes when the data did.
 */
export function AgreementPanel({ changed, codebook }: { changed: unknown; codebook: Tag[] }) {
  const [answer, setAnswer] = useState<AgreementAnswer | null>(null);
  const worker = useRef<Worker | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    const w = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module' });
    // Only the answer to the latest question is shown: an older one describes older data.
    w.onmessage = (event: MessageEvent<AgreementAnswer>) => { if (event.data.asked === asked.current) setAnswer(event.data); };
    worker.current = w;
    return () => w.terminate();
  }, []);
  useEffect(() => { worker.current?.postMessage(++asked.current); }, [changed]);
  const name = new Map(codebook.map((t) => [t.id, t.name]));
  const report = answer?.report;
  return (
    <section class="agreement" aria-labelledby="agreement-title" data-testid="agreement" data-state={answer ? 'ready' : 'computing'}>
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
          <h3>Disagreements ({report.disagreements.length})</h3>
          <ul class="disagreements">
            {report.disagreements.slice(0, SHOWN_DISAGREEMENTS).map((d) => (
              <li key={`${d.pageUrl}${d.commentKey}${d.tagId}`}>
                <strong>{name.get(d.tagId)}</strong>: {Object.entries(d.applied).map(([who, yes]) => `${who} ${yes ? 'yes' : 'no'}`).join(', ')}
                <div class="excerpt">{answer.excerpts[`${d.pageUrl}\u0000${d.commentKey}`]}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
