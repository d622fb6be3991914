import type { ChartData } from './rows';
import type { Tag } from '../../lib/records';

/** Tag counts overall and per page, and each coder's progress per page, for the rows shown (counted by the review worker). */
export function Charts({ data, codebook }: { data: ChartData; codebook: Tag[] }) {
  const overall = new Map(Object.entries(data.overall));
  const max = Math.max(1, ...overall.values());
  const { coders, coderCount } = data;
  return (
    <section class="charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Tags</h2>
      <ul class="bars" data-testid="tag-chart">
        {codebook.map((tag) => (
          <li key={tag.id} data-tag={tag.name} data-count={overall.get(tag.id) ?? 0}>
            <span>{tag.name}</span>
            <span class="bar" style={{ width: `${((overall.get(tag.id) ?? 0) / max) * 100}%`, background: tag.colour }} />
            <span>{overall.get(tag.id) ?? 0}</span>
          </li>
        ))}
      </ul>
      <h3>Per page</h3>
      <table class="per-page">
        <thead><tr><th>Page</th>{codebook.map((t) => <th key={t.id} title={t.name}>{t.name}</th>)}</tr></thead>
        <tbody>
          {data.perPage.map(({ url, title, counts }) => (
            <tr key={url}><td>{title}</td>{codebook.map((t) => <td key={t.id}>{counts[t.id] ?? ''}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <h3>Coding progress</h3>
      {coderCount > coders.length && (
        <p class="aside" data-testid="coders-hidden">The first {coders.length} of {coderCount.toLocaleString('en')} coders by name: choose an annotator in the filter to see another’s progress.</p>
      )}
      <table class="per-page" data-testid="coder-progress">
        <thead><tr><th>Page</th>{coders.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>
          {data.perPage.map(({ url, title, comments, coded }) => (
            <tr key={url} data-page={url}>
              <td>{title}</td>
              {coders.map((c) => <td key={c} data-coder={c}>{coded[c] ?? 0}{comments !== null ? ` / ${comments}` : ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
