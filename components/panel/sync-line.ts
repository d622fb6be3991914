import type { PanelSync } from '../../lib/messages';

// The panel's line about the team project's sync: what it says, and what a screen reader is
// told when it changes (only real news, never the clock ticking or a count going up and down).

/** Where sync stands, as the line's style and tests tell it. */
export type SyncLineState = 'synced' | 'waiting' | 'error' | 'connecting';

const MINUTE = 60_000;
const pages = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/** How long ago `iso` was, in words: "just now", "2 min ago", "3 h ago", "2 days ago". */
export function timeAgo(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / MINUTE);
  if (!(minutes >= 1)) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** What the line says of the project's sync at `now`: the error in words, the pages waiting, or when it last went through. */
export function syncLine(sync: PanelSync, now: number): { state: SyncLineState; text: string } {
  if (sync.error) return { state: 'error', text: `Not synced: ${sync.error}${sync.waiting ? ` · ${pages(sync.waiting)} waiting` : ''}` };
  if (sync.waiting) return { state: 'waiting', text: `${pages(sync.waiting)} waiting` };
  if (!sync.lastSync) return { state: 'connecting', text: 'connecting…' };
  return { state: 'synced', text: `synced ${timeAgo(sync.lastSync, now)}` };
}

/**
 * What a screen reader is told when sync moved from `previous` to `next`, or null for nothing:
 * an error that appeared or changed, and sync going through again after one. Pages waiting
 * after every press, and the time since the last sync, are not news.
 */
export function syncNews(previous: PanelSync | null, next: PanelSync | null): string | null {
  if (!next) return null;
  if (next.error && next.error !== previous?.error) return `Project ${next.project} not synced: ${next.error}`;
  if (!next.error && previous?.error) return `Project ${next.project} syncs again`;
  return null;
}
