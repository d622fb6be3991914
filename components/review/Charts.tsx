import type { Tag } from '../../storage/schema';
import type { ReviewRow } from './rows';

/** Tag counts overall and per page, for the rows shown. */
export function Charts({ rows, codebook }: { rows: ReviewRow[]; codebook: Tag[] }) {
  const overall = new Map<string, number>();
  const perPage = new Map<string, { title: string; counts: Map<string, number> }>();
  for (const { annotation: a, page } of rows) {
    const entry = perPage.get(a.pageUrl) ?? { title: page?.metadata?.title ?? a.pageUrl, counts: new Map() };
    for (const id of a.tagIds) {
      overall.set(id, (overall.get(id) ?? 0) + 1);
      entry.counts.set(id, (entry.counts.get(id) ?? 0) + 1);
    }
    perPage.set(a.pageUrl, entry);
  }
  const max = Math.max(1, ...overall.values());
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
          {[...perPage.entries()].slice(0, 50).map(([url, { title, counts }]) => (
            <tr key={url}><td>{title}</td>{codebook.map((t) => <td key={t.id}>{counts.get(t.id) ?? ''}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
