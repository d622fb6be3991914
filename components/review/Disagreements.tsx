import { CONSENSUS_ANNOTATOR, consensusEdit } from '../../lib/agreement';
import { editAnnotation } from '../../storage/annotations';
import { newId } from '../../storage/codebook';
import type { AnnotatorDB } from '../../storage/schema';
import type { AgreementAnswer, ShownCoding, ShownDisagreement } from './agreement-job';
import type { Tag } from '../../lib/records';

/**
 * Writes `chosen` as the comment's consensus coding (annotator "consensus", never counted as a
 * coder), through storage like any edit: the worker reads again and the list shows it resolved.
 */
function resolve(db: AnnotatorDB, d: ShownDisagreement, chosen: ShownCoding, codebook: Tag[]) {
  const edit = consensusEdit({ ...chosen, note: '' }, d.consensus && { ...d.consensus, note: '' }, () => newId('seg'));
  return editAnnotation(db, { pageUrl: d.pageUrl, commentKey: d.commentKey, annotator: CONSENSUS_ANNOTATOR }, edit, codebook.map((t) => t.id));
}

/** One coder's codes of one variable (or "—": none of them), and their passages. */
function codesOf(coding: ShownCoding, tagIds: ReadonlySet<string>, name: Map<string, string>): string {
  const names = coding.tagIds.filter((id) => tagIds.has(id)).map((id) => name.get(id));
  const passages = coding.segments.filter((s) => tagIds.has(s.tagId)).map((s) => `${name.get(s.tagId)}: “${s.quote}”`);
  return [...names, ...passages].join(', ') || (coding.none ? 'no code applies' : '—');
}

/** Each coder's coding of one comment side by side (the consensus last), a row per variable. */
function SideBySide({ db, d, answer, codebook }: { db: AnnotatorDB; d: ShownDisagreement; answer: AgreementAnswer; codebook: Tag[] }) {
  const name = new Map(codebook.map((t) => [t.id, t.name]));
  const columns = d.consensus ? [...d.codings, d.consensus] : d.codings;
  return (
    <table class="side-by-side">
      <thead><tr><th />{columns.map((c) => <th key={c.annotator} scope="col">{c.annotator}</th>)}</tr></thead>
      <tbody>
        {answer.report.variables.map((v) => {
          const ids = new Set(answer.report.codes.filter((c) => c.variableId === v.variableId).map((c) => c.tagId));
          return (
            <tr key={v.variableId} class={d.variableIds.includes(v.variableId) ? 'differs' : ''}>
              <th scope="row">{v.name}</th>
              {columns.map((c) => <td key={c.annotator} data-coder={c.annotator} data-variable={v.name}>{codesOf(c, ids, name)}</td>)}
            </tr>
          );
        })}
        <tr>
          <th scope="row" />
          {d.codings.map((c) => (
            <td key={c.annotator}>
              <button type="button" data-testid="resolve" data-coder={c.annotator} onClick={() => void resolve(db, d, c, codebook)}>Use {c.annotator}’s coding</button>
            </td>
          ))}
          {d.consensus && <td />}
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The comments the coders differ on: page and author, a link that opens the comment, and each
 * coder's coding side by side with a button that makes it the consensus. With more than a few
 * coders a comment shows how many coders chose each code instead.
 */
export function Disagreements({ db, answer, codebook }: { db: AnnotatorDB; answer: AgreementAnswer; codebook: Tag[] }) {
  const name = new Map(codebook.map((t) => [t.id, t.name]));
  const variable = new Map(answer.report.variables.map((v) => [v.variableId, v.name]));
  return (
    <>
      <h3>Disagreements ({answer.total}, {answer.resolved} resolved)</h3>
      <ul class="disagreements">
        {answer.disagreements.map((d) => (
          <li key={`${d.pageUrl}\u0000${d.commentKey}`} data-testid="disagreement" data-comment-key={d.commentKey} data-resolved={!!d.consensus}>
            <a href={d.href} target="_blank" rel="noreferrer noopener" data-testid="open-comment">{d.title}</a>
            {' · '}{d.author ?? 'unknown author'}
            {d.consensus && <strong class="resolved"> · resolved</strong>}
            <div class="differs-on">
              Differ on {[...d.variableIds.map((id) => variable.get(id)), ...d.segmentTagIds.map((id) => `passages of ${name.get(id)}`)].join(', ')}
            </div>
            {d.text !== null && <div class="excerpt">{d.text}</div>}
            {d.codings.length ? <SideBySide db={db} d={d} answer={answer} codebook={codebook} /> : (
              <div class="counts">{d.coders} coders: {Object.entries(d.counts).map(([id, n]) => `${name.get(id) ?? id} ${n}`).join(', ')}</div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
