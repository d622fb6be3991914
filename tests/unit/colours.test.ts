import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../storage/codebook';

// Chips draw white text on the tag colour (components/panel/panel.css `.ca-chip`, review.css `.chip.on`).
const CHIP_TEXT = '#ffffff';

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
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
    for (const [i, a] of DEFAULT_CODEBOOK.entries())
      for (const b of DEFAULT_CODEBOOK.slice(i + 1))
        if (deltaE(a.colour, b.colour) < 25) close.push(`${a.name} ${a.colour} ~ ${b.name} ${b.colour}: ΔE ${deltaE(a.colour, b.colour).toFixed(1)}`);
    expect(close).toEqual([]);
  });

  it('keep white chip text readable (contrast ≥ 4.5:1)', () => {
    const low = DEFAULT_CODEBOOK.filter((t) => contrast(t.colour, CHIP_TEXT) < 4.5)
      .map((t) => `${t.name} ${t.colour}: ${contrast(t.colour, CHIP_TEXT).toFixed(2)}`);
    expect(low).toEqual([]);
  });
});
