import type { LayoutSet } from '../layouts/layout-set';
import { OWN_MARK } from './comment-watcher';

/** A tag as a chip shows it. */
export interface Chip {
  name: string;
  colour: string;
}

// Inline and !important: the page's CSS must not hide or restyle the chips' host. The host is an
// empty block of no height: the comment's margins collapse through it as if it were not there, so
// putting it in moves nothing in the page (an in-flow row pushed everything below it down: on
// 10,000 comments a 300 ms frame of layout and pre-paint after a comment's first tag). Chips lie
// over the page's text and links: clicks pass through them to the comment (selecting it).
const HOST_STYLE = 'all: initial !important; display: block !important; position: relative !important; height: 0 !important; '
  + 'margin: 0 !important; padding: 0 !important; border: 0 !important; pointer-events: none !important;';
// The row lies over the top right corner of the comment (the right of its author and date line,
// usually empty), right-aligned. It wraps within the comment's right half: a long list as one
// line reached over the author's name on the seeds' 360-400 px comments; a second line of chips
// covers at most the end of the date line. The white outline keeps the chips' solid colours
// apart from whatever the page draws under them.
const CHIP_CSS = 'div{position:absolute;top:0;right:0;max-width:50%;display:flex;flex-wrap:wrap;justify-content:flex-end;gap:2px 4px}'
  + 'span{padding:1px 7px;border-radius:9px;font:600 11px/1.6 system-ui,sans-serif;color:#fff;background:var(--c);box-shadow:0 0 0 1px #fff;'
  + 'white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:100%;box-sizing:border-box}';

/** A comment's chip row: its host in the page, what it shows (as text) and the list it was drawn from. */
interface ChipHost {
  host: HTMLElement;
  root: ShadowRoot;
  text: string;
  tags?: Chip[];
}

/**
 * Shows each tagged comment's tags over its top right corner in the page. Each chip row lives in
 * a closed shadow root: the page sees an empty element of no height, not the tags.
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
      const row = this.doc.createElement('div');
      row.append(...tags.map((tag) => {
        const span = this.doc.createElement('span');
        span.textContent = tag.name;
        span.style.setProperty('--c', tag.colour);
        return span;
      }));
      entry.root.replaceChildren(style(this.doc), row);
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
