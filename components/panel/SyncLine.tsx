import { useEffect, useRef, useState } from 'preact/hooks';
import { syncLine, syncNews } from './sync-line';
import type { PanelSync } from '../../lib/messages';

/** How often "synced 2 min ago" is brought up to date. */
const TICK_MS = 30_000;

/**
 * One line under the panel's title: the team project (its database's name) and where its sync
 * stands; nothing when no project is joined. The line itself is not read out as it changes
 * (pages wait after every press); a status region beside it says real news: an error, and
 * sync going through again.
 */
export function SyncLine({ sync }: { sync: PanelSync | null }) {
  const [, tick] = useState(0);
  const previous = useRef(sync);
  const [news, setNews] = useState('');
  useEffect(() => {
    const said = syncNews(previous.current, sync);
    previous.current = sync;
    if (said) setNews(said);
  }, [sync]);
  const synced = !!sync && !sync.error && !sync.waiting && !!sync.lastSync;
  useEffect(() => {
    if (!synced) return;
    const timer = setInterval(() => tick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, [synced]);
  if (!sync) return null;
  const line = syncLine(sync, Date.now());
  return (
    <div class={`ca-sync ca-sync-${line.state}`} data-testid="ca-panel-sync" data-state={line.state}>
      <span class="ca-sync-project" title="Team project">{sync.project}</span>
      {' · '}
      <span class="ca-sync-text">{line.text}</span>
      <span class="ca-sr" role="status" aria-live="polite">{news}</span>
    </div>
  );
}
