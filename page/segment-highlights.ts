import type { LayoutSet } from '../layouts/layout-set';
import { readableTextOn } from '../lib/colour-contrast';
import { anchorSegments, mapText, rangeOf } from '../lib/passages';
import type { Segment, Tag } from '../lib/records';

/** A coded passage to highlight: where it is in its comment's text now (code points), in its code's colour. */
export interface HighlightSpan {
  start: number;
  end: number;
  colour: string;
}

const COLOUR = /^#[0-9a-f]{6}$/i;
/** Highlight names are the page's to see: they say nothing but a number. */
const nameOf = (index: number) => `ca-passage-${index}`;

interface HighlightApi {
  highlights: Map<string, unknown>;
  Highlight: new (...ranges: AbstractRange[]) => unknown;
}

/** The CSS Custom Highlight API of the document's window, or null where there is none (then nothing is highlighted). */
function highlightApi(doc: Document): HighlightApi | null {
  const win = doc.defaultView as (Window & { CSS?: { highlights?: Map<string, unknown> }; Highlight?: HighlightApi['Highlight'] }) | null;
  const highlights = win?.CSS?.highlights;
  return highlights && win?.Highlight ? { highlights, Highlight: win.Highlight } : null;
}

/**
 * Shows coded passages in the page's comments with the CSS Custom Highlight API: ranges over
 * the page's own text, painted in the code's colour, without a single element added to or
 * changed in the page (where the API is missing, nothing shows). One highlight per colour,
 * styled by a constructed style sheet the document adopts.
 */
export class SegmentHighlights {
  private readonly api: HighlightApi | null;
  private sheet: CSSStyleSheet | null = null;
  private names: string[] = [];

  /** `layouts`: where the passages' comments are looked for. */
  constructor(private readonly doc: Document, private readonly layouts: LayoutSet) {
    this.api = highlightApi(doc);
  }

  /**
   * Makes the page highlight exactly these passages, by comment key; `textOf` gives a comment's
   * text as its layout extracted it (the offsets count in it). Comments not on the page are skipped.
   */
  render(spans: Record<string, HighlightSpan[]>, textOf: (key: string) => string | undefined): void {
    if (!this.api) return;
    try {
      this.show(spans, textOf);
    } catch {
      // A document that refuses (Firefox's wrappers around the page's objects): nothing shows,
      // and the chips and panel drawn by the same update are not held up.
    }
  }

  private show(spans: Record<string, HighlightSpan[]>, textOf: (key: string) => string | undefined): void {
    if (!this.api) return;
    const byColour = new Map<string, AbstractRange[]>();
    for (const [key, list] of Object.entries(spans)) {
      const text = textOf(key);
      const el = text ? this.layouts.locate(this.doc, key) : null;
      if (!el || !text) continue;
      const map = mapText(el, text);
      for (const span of list) {
        const range = COLOUR.test(span.colour) ? rangeOf(map, span.start, span.end) : null;
        if (!range) continue;
        const colour = span.colour.toLowerCase();
        byColour.set(colour, [...byColour.get(colour) ?? [], range]);
      }
    }
    for (const name of this.names) this.api.highlights.delete(name);
    const colours = [...byColour.keys()];
    this.names = colours.map((_, i) => nameOf(i));
    colours.forEach((colour, i) => this.api!.highlights.set(this.names[i], new this.api!.Highlight(...byColour.get(colour)!)));
    this.style(colours);
  }

  /** Takes every highlight off. */
  clear(): void {
    this.render({}, () => undefined);
  }

  private style(colours: string[]): void {
    const css = colours.map((colour, i) => `::highlight(${nameOf(i)}){background-color:${colour};color:${readableTextOn(colour)}}`).join('\n');
    if (!this.sheet) {
      if (!colours.length) return;
      this.sheet = new (this.doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    }
    this.sheet.replaceSync(css);
  }
}

/** The passages of a comment to highlight: its segments found in its text now, in their code's colour (codes the codebook lost are left out). */
export function highlightSpans(text: string, segments: readonly Segment[] | undefined, codebook: readonly Tag[]): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const { segment, at } of anchorSegments(text, segments)) {
    const colour = codebook.find((t) => t.id === segment.tagId)?.colour;
    if (at && colour) spans.push({ ...at, colour });
  }
  return spans;
}
