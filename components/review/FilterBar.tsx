import type { ReviewView } from './review-job';
import type { ReviewFilter } from './rows';
import type { Tag } from '../../lib/records';

/** Filters for the review table: tag, site, page, annotator, dates, text. */
export function FilterBar(props: { options: ReviewView['options']; codebook: Tag[]; filter: ReviewFilter; onFilter(filter: ReviewFilter): void }) {
  const { filter } = props;
  const set = (change: Partial<ReviewFilter>) => props.onFilter({ ...filter, ...change });
  const { sites, pages, annotators } = props.options;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter annotations">
      <select aria-label="Tag" value={filter.tagId} onChange={(e) => set({ tagId: value(e) })}>
        <option value="">Any tag</option>
        <option value="-">No tag (note only)</option>
        {props.codebook.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </select>
      <select aria-label="Site" value={filter.site} onChange={(e) => set({ site: value(e) })}>
        <option value="">Any site</option>
        {sites.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <select aria-label="Page" value={filter.pageUrl} onChange={(e) => set({ pageUrl: value(e) })}>
        <option value="">Any page</option>
        {pages.map(([url, title]) => <option key={url} value={url}>{title}</option>)}
      </select>
      {filter.pageUrl && (
        <a href={`thread.html?url=${encodeURIComponent(filter.pageUrl)}`} target="_blank" data-testid="ca-open-thread">Code this thread offline</a>
      )}
      <select aria-label="Annotator" value={filter.annotator} onChange={(e) => set({ annotator: value(e) })}>
        <option value="">Any annotator</option>
        {annotators.map((a) => <option key={a} value={a}>{a}</option>)}
      </select>
      <label>from <input type="date" value={filter.from} onChange={(e) => set({ from: value(e) })} /></label>
      <label>to <input type="date" value={filter.to} onChange={(e) => set({ to: value(e) })} /></label>
      <input type="search" aria-label="Text" placeholder="Search text and notes" value={filter.text} onInput={(e) => set({ text: value(e) })} />
    </form>
  );
}
