import { Disagreements } from './Disagreements';
import type { AgreementAnswer } from './agreement-job';
import type { Agreement } from '../../lib/agreement';
import type { Tag } from '../../lib/records';
import type { AnnotatorDB } from '../../storage/schema';

/** A coefficient as shown: three decimals (as Krippendorff reports α), n/a when undefined. */
const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** Why a coefficient is n/a. */
const UNDEFINED = 'Undefined: every coder gave every unit the same value, so there is no disagreement to expect';

/** The cells every agreement row has, and the same figures as data attributes for tests and scripts. */
function Figures({ result, kappa }: { result: Agreement; kappa: boolean }) {
  return (
    <>
      <td data-cell="alpha" title={result.alpha === null ? UNDEFINED : undefined}>{figure(result.alpha)}</td>
      {kappa && <td data-cell="kappa" title={result.kappa === null ? UNDEFINED : undefined}>{figure(result.kappa)}</td>}
      <td>{(result.observed * 100).toFixed(0)}%</td>
      <td>{result.units}</td>
      <td>{result.coders}</td>
    </>
  );
}

const data = (result: Agreement) => ({ 'data-alpha': result.alpha ?? '', 'data-kappa': result.kappa ?? '', 'data-units': result.units, 'data-coders': result.coders });

/** The column heads of an agreement table after its first. */
const Heads = ({ kappa }: { kappa: boolean }) => (
  <><th>Krippendorff’s α</th>{kappa && <th>Cohen’s κ</th>}<th title="Share of units all their coders coded alike">agreed</th><th>units</th><th>coders</th></>
);

/**
 * Agreement over the comments two or more coders coded (docs/agreement.md): per variable, per
 * code, per code's passages, and the comments they differ on. The review worker computes it;
 * `current` is false while it works on newer data.
 */
export function AgreementPanel({ db, answer, current, codebook }: { db: AnnotatorDB; answer: AgreementAnswer | null; current: boolean; codebook: Tag[] }) {
  const name = new Map(codebook.map((t) => [t.id, t.name]));
  const report = answer?.report;
  const kappa = report?.coders.length === 2;
  return (
    <section class="agreement" aria-labelledby="agreement-title" data-testid="agreement" data-state={current ? 'ready' : 'computing'}>
      <h2 id="agreement-title">Agreement</h2>
      {!report ? (
        <p>Computing agreement…</p>
      ) : report.units === 0 ? (
        <p class="empty">Agreement needs comments coded by two or more coders: import a colleague’s export.</p>
      ) : (
        <>
          <p>{report.coders.join(', ')} · {report.units} comments coded by two or more coders</p>
          <table class="figures" data-testid="agreement-variables">
            <thead><tr><th>Variable</th><Heads kappa={kappa} /></tr></thead>
            <tbody>
              {report.variables.map((v) => (
                <tr key={v.variableId} data-variable={v.name} {...data(v)}>
                  <td>{v.name} <small>({v.kind === 'single' ? 'single choice' : 'multiple choice, MASI'})</small></td>
                  <Figures result={v} kappa={kappa} />
                </tr>
              ))}
            </tbody>
          </table>
          <table class="figures" data-testid="agreement-codes">
            <thead><tr><th>Code (yes/no)</th><Heads kappa={kappa} /></tr></thead>
            <tbody>
              {report.codes.map((c) => (
                <tr key={c.tagId} data-code={name.get(c.tagId)} {...data(c)}>
                  <td>{name.get(c.tagId)}</td>
                  <Figures result={c} kappa={kappa} />
                </tr>
              ))}
            </tbody>
          </table>
          {report.segments.length > 0 && (
            <table class="figures" data-testid="agreement-segments">
              <thead><tr><th>Passages of code</th><th title="Code points marked by both of a pair of coders, over those marked by either">overlap</th><th>units</th><th>coders</th></tr></thead>
              <tbody>
                {report.segments.map((s) => (
                  <tr key={s.tagId} data-code={name.get(s.tagId)} data-overlap={s.overlap ?? ''}>
                    <td>{name.get(s.tagId)}</td><td>{figure(s.overlap)}</td><td>{s.units}</td><td>{s.coders}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Disagreements db={db} answer={answer} codebook={codebook} />
        </>
      )}
    </section>
  );
}
