// The reliability coefficients the agreement report is made of, on plain values (strings), so
// each can be checked against the worked examples of the literature (tests/unit/agreement.test.ts).
// Formulas and choices: docs/agreement.md.

/** How far apart two values are: 0 = the same, 1 = as different as can be. */
export type Distance = (a: string, b: string) => number;

/** Nominal data: two values agree or they do not. */
export const nominalDistance: Distance = (a, b) => (a === b ? 0 : 1);

/** Joins a set of code ids into one value (`setValue([])` = '' = no code of the variable). */
export const setValue = (ids: readonly string[]): string => ids.join('\n');

/**
 * MASI (Passonneau 2006) between two sets written by `setValue`: 1 − J·M, J the Jaccard
 * index and M 1 for equal sets, 2/3 when one holds the other, 1/3 when they only overlap, 0 when
 * disjoint. On sets of at most one element it is the nominal distance (the empty set included).
 * Returns a fresh distance that remembers each value's parse.
 */
export function masiDistance(): Distance {
  const parsed = new Map<string, Set<string>>();
  const set = (value: string) => {
    let s = parsed.get(value);
    if (!s) parsed.set(value, (s = new Set(value ? value.split('\n') : [])));
    return s;
  };
  return (a, b) => {
    if (a === b) return 0;
    const [x, y] = [set(a), set(b)];
    let common = 0;
    for (const id of x) if (y.has(id)) common++;
    if (common === 0) return 1;
    const union = x.size + y.size - common;
    const monotonicity = common === x.size || common === y.size ? 2 / 3 : 1 / 3;
    return 1 - (common / union) * monotonicity;
  };
}

/** Values interned as small integers: `of` gives a value's index, `values` the value of each. */
export function interned<K = string>() {
  const index = new Map<K, number>();
  const values: K[] = [];
  return {
    values,
    of(value: K): number {
      let i = index.get(value);
      if (i === undefined) {
        index.set(value, (i = values.length));
        values.push(value);
      }
      return i;
    },
  };
}

/** The distance between interned values c and k. */
export type IndexDistance = ((c: number, k: number) => number) & { nominal?: true };

/** The nominal distance on interned values. */
export const nominalIndexDistance: IndexDistance = Object.assign((c: number, k: number) => (c === k ? 0 : 1), { nominal: true as const });

/** A distance on interned values, from one on the values themselves. */
const onIndices = (values: readonly string[], distance: Distance): IndexDistance =>
  distance === nominalDistance ? nominalIndexDistance : (c, k) => distance(values[c], values[k]);

/** Σ over values c ≠ k of a(c)·b(k)·δ(c, k); the nominal case in one pass. */
function weightedDisagreement(a: ArrayLike<number>, b: ArrayLike<number>, distance: IndexDistance): number {
  const present: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] > 0 || b[i] > 0) present.push(i);
  if (distance.nominal) {
    let same = 0;
    let sumA = 0;
    let sumB = 0;
    for (const i of present) {
      same += a[i] * b[i];
      sumA += a[i];
      sumB += b[i];
    }
    return sumA * sumB - same;
  }
  let sum = 0;
  for (const c of present) if (a[c]) for (const k of present) if (c !== k && b[k]) sum += a[c] * b[k] * distance(c, k);
  return sum;
}

/** Reliability data as flat arrays: unit u's values are `values[offsets[u]]` up to `values[offsets[u + 1]]`. */
export interface FlatUnits {
  values: Int32Array;
  offsets: Int32Array;
  /** How many different values there are (every value is below it). */
  count: number;
}

/**
 * Krippendorff's alpha on interned values (see `krippendorffAlpha`). The coincidence matrix
 * o(c,k) is kept as its sums: the observed disagreement Σ o·δ and the value totals n(c).
 * Few coders per unit are paired directly; many are counted by value, so a comment coded by
 * 1,000 annotators is (values)² steps, not 1,000².
 */
export function alphaOfFlat({ values, offsets, count }: FlatUnits, distance: IndexDistance = nominalIndexDistance): number | null {
  const totals = new Float64Array(count);
  const perUnit = new Float64Array(count);
  const seen: number[] = [];
  let observed = 0;
  let n = 0;
  for (let u = 0; u + 1 < offsets.length; u++) {
    const [from, to] = [offsets[u], offsets[u + 1]];
    const m = to - from;
    if (m < 2) continue;
    n += m;
    let disagreement = 0;
    if (m <= 16) {
      for (let i = from; i < to; i++) {
        totals[values[i]]++;
        for (let j = from; j < to; j++) if (values[i] !== values[j]) disagreement += distance(values[i], values[j]);
      }
    } else {
      seen.length = 0;
      for (let i = from; i < to; i++) {
        if (perUnit[values[i]]++ === 0) seen.push(values[i]);
        totals[values[i]]++;
      }
      for (const c of seen) for (const k of seen) if (c !== k) disagreement += perUnit[c] * perUnit[k] * distance(c, k);
      for (const c of seen) perUnit[c] = 0;
    }
    observed += disagreement / (m - 1);
  }
  if (n <= 1) return null;
  const expected = weightedDisagreement(totals, totals, distance) / (n - 1);
  return expected === 0 ? null : 1 - observed / expected;
}

/** Cohen's kappa on interned values: `a[i]` and `b[i]` are unit i's two values (see `cohensKappa`). */
export function kappaOfFlat(a: ArrayLike<number>, b: ArrayLike<number>, count: number, distance: IndexDistance = nominalIndexDistance): number | null {
  const units = Math.min(a.length, b.length);
  if (!units) return null;
  const countsA = new Float64Array(count);
  const countsB = new Float64Array(count);
  let observed = 0;
  for (let i = 0; i < units; i++) {
    countsA[a[i]]++;
    countsB[b[i]]++;
    if (a[i] !== b[i]) observed += distance(a[i], b[i]);
  }
  const expected = weightedDisagreement(countsA, countsB, distance) / units;
  return expected === 0 ? null : 1 - observed / expected;
}

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 * `units` holds, per unit, the values its coders gave (a coder who did not code the unit is
 * simply missing; units with fewer than two values are not pairable and are skipped). Nominal
 * unless another distance is given. null when undefined: no pairable values, or no expected
 * disagreement (every value the same).
 */
export function krippendorffAlpha(units: readonly (readonly string[])[], distance: Distance = nominalDistance): number | null {
  const pool = interned();
  const values = Int32Array.from(units.flat(), (v) => pool.of(v));
  const offsets = new Int32Array(units.length + 1);
  units.forEach((unit, u) => (offsets[u + 1] = offsets[u] + unit.length));
  return alphaOfFlat({ values, offsets, count: pool.values.length }, onIndices(pool.values, distance));
}

/**
 * Cohen's kappa (Cohen 1960) for two coders' values on the same units (`a[i]` and `b[i]` are
 * unit i's), as 1 − observed/expected disagreement: with the nominal distance that is
 * (po − pe)/(1 − pe); with another distance, Cohen's (1968) weighted kappa. null when undefined.
 */
export function cohensKappa(a: readonly string[], b: readonly string[], distance: Distance = nominalDistance): number | null {
  const pool = interned();
  const [x, y] = [Int32Array.from(a, (v) => pool.of(v)), Int32Array.from(b, (v) => pool.of(v))];
  return kappaOfFlat(x, y, pool.values.length, onIndices(pool.values, distance));
}

/** A stretch of code points [start, end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Character overlap on one comment: each coder's spans (their union is what the coder marked),
 * summed over every pair of coders as |A∩B| and |A∪B| in code points. Counted by coverage, not
 * pair by pair: a code point marked by c of m coders is in C(c,2) intersections and in
 * C(m,2) − C(m−c,2) unions.
 */
export function spanOverlap(coders: readonly (readonly Span[])[]): { intersection: number; union: number } {
  const m = coders.length;
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const events: [number, number][] = [];
  for (const spans of coders) {
    // One coder's overlapping spans mark each code point once.
    const sorted = [...spans].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
    let open: Span | null = null;
    for (const s of sorted) {
      if (open && s.start <= open.end) open.end = Math.max(open.end, s.end);
      else {
        if (open) events.push([open.start, 1], [open.end, -1]);
        open = { start: s.start, end: s.end };
      }
    }
    if (open) events.push([open.start, 1], [open.end, -1]);
  }
  events.sort((x, y) => x[0] - y[0]);
  let intersection = 0;
  let union = 0;
  let covering = 0;
  for (let i = 0; i < events.length; i++) {
    covering += events[i][1];
    const length = i + 1 < events.length ? events[i + 1][0] - events[i][0] : 0;
    if (length > 0 && covering > 0) {
      intersection += length * pairs(covering);
      union += length * (pairs(m) - pairs(m - covering));
    }
  }
  return { intersection, union };
}
