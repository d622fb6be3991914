import type { LayoutSet } from '../layouts/layout-set';
import { OWN_MARK } from './comment-watcher';

/** A tag as a chip shows it. */
export interface Chip {
  name: string;
  colour: string;
}

// Inline and !important: the page's CSS must not hide or restyle the chips' host.
const HOST_STYLE = 'all: initial !important; display: block !important; margin: 2px 0 !important;';
const CHIP_CSS = `span{display:inline-block;margin:0 4px 2px 0;padding:1px 7px;border-radius:9px;font:600 11px/1.6 system-ui,sans-serif;color:#fff;background:var(--c)}`;

/** A comment's chip row: its host in the page, what it shows (as text) and the list it was drawn from. */
interface ChipHost {
  host: HTMLElement;
  root: ShadowRoot;
  text: string;
  tags?: Chip[];
}

/**
 * Shows each tagged comment's tags next to it in the page. Each chip row lives in a closed
 * shadow root: the page sees an empty element, not the tags.
 */
export class PageChips {
  private readonly hosts = new Map<string, ChipHost>();

  /** `layouts`: where the chips' comments are looked for. */
  constructor(private readonly doc: Document, private readonly layouts: LayoutSet) {}

  /** Makes the page show exactly these chips (comments not listed lose theirs). */
  render(chips: Record<string, Chip[]>): void {
    for (const [key, entry] of this.hosts) {
      if (!chips[key]?.length || !entry.host.isConnected) {
        entry.host.remove();
        this.hosts.delete(key);
      }
    }
    for (const [key, tags] of Object.entries(chips)) {
      if (!tags.length) continue;
      const existing = this.hosts.get(key);
      // The same list as drawn last time (the caller keeps unchanged lists): nothing to compare.
      if (existing?.tags === tags) continue;
      const text = JSON.stringify(tags);
      if (existing?.text === text) {
        existing.tags = tags;
        continue;
      }
      const entry = existing ?? this.create(key);
      if (!entry) continue;
      entry.text = text;
      entry.tags = tags;
      entry.root.replaceChildren(style(this.doc), ...tags.map((tag) => {
        const span = this.doc.createElement('span');
        span.textContent = tag.name;
        span.style.setProperty('--c', tag.colour);
        return span;
      }));
    }
  }

  private create(key: string) {
    const comment = this.layouts.locate(this.doc, key);
    if (!comment) return undefined;
    const host = this.doc.createElement(OWN_MARK);
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'closed' });
    comment.insertBefore(host, comment.firstChild);
    const entry: ChipHost = { host, root, text: '' };
    this.hosts.set(key, entry);
    return entry;
  }
}

function style(doc: Document): HTMLStyleElement {
  const el = doc.createElement('style');
  el.textContent = CHIP_CSS;
  return el;
}
