import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../storage/codebook';

const TAGS = DEFAULT_CODEBOOK.tags;
import { contrastRatio, readableTextOn } from '../../lib/colour-contrast';

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

/** CIELAB (D65), for a perceptual distance between two colours. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe('default codebook colours', () => {
  it('are pairwise distinguishable (CIE76 ΔE ≥ 25)', () => {
    const close: string[] = [];
    for (const [i, a] of TAGS.entries())
      for (const b of TAGS.slice(i + 1))
        if (deltaE(a.colour, b.colour) < 25) close.push(`${a.name} ${a.colour} ~ ${b.name} ${b.colour}: ΔE ${deltaE(a.colour, b.colour).toFixed(1)}`);
    expect(close).toEqual([]);
  });

  it('keep chip text readable (contrast ≥ 4.5:1 with the text colour chosen for them)', () => {
    const low = TAGS.filter((t) => contrastRatio(t.colour, readableTextOn(t.colour)) < 4.5)
      .map((t) => `${t.name} ${t.colour}: ${contrastRatio(t.colour, readableTextOn(t.colour)).toFixed(2)}`);
    expect(low).toEqual([]);
  });
});

// Tag colours are the reader's choice (options page): chips (panel.css `.ca-chip`, review.css
// `.chip.on`) draw black or white text, whichever contrasts more.
describe('chip text on any tag colour', () => {
  it('is black on light colours and white on dark ones', () => {
    expect(readableTextOn('#ffd33d')).toBe('#000000');
    expect(readableTextOn('#ffffff')).toBe('#000000');
    expect(readableTextOn('#0a3069')).toBe('#ffffff');
    expect(readableTextOn('#000000')).toBe('#ffffff');
  });

  it('reaches 4.5:1 on every colour of a 16-step RGB grid', () => {
    const steps = Array.from({ length: 16 }, (_, i) => (i * 17).toString(16).padStart(2, '0'));
    const low: string[] = [];
    for (const r of steps) for (const g of steps) for (const b of steps) {
      const colour = `#${r}${g}${b}`;
      if (contrastRatio(colour, readableTextOn(colour)) < 4.5) low.push(colour);
    }
    expect(low).toEqual([]);
  });
});
