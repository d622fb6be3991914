import { describe, expect, it } from 'vitest';
import { CONSENSUS_ANNOTATOR, agreementReport, consensusEdit } from '../../lib/agreement';
import { cohensKappa, krippendorffAlpha, masiDistance, setValue, spanOverlap, type Span } from '../../lib/agreement-measures';
import { applyEdit } from '../../lib/edits';
import type { Annotation, Segment, Tag, Variable } from '../../lib/records';

const PAGE = 'https://example.org/a/';
const NOW = '2026-01-01T00:00:00.000Z';
const repeat = <T,>(times: number, value: T): T[] => Array(times).fill(value);

describe('the coefficients on worked examples of the literature', () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of
  // Pennsylvania, Annenberg School for Communication, Departmental Papers 43, example C
  // ("nominal data, any number of observers, missing data"): 4 observers, 12 units, α = 0.743.
  it('Krippendorff’s α: 4 observers, 12 units, missing values → 0.743', () => {
    const observers = ['1 2 3 3 2 1 4 1 2 . . .', '1 2 3 3 2 2 4 1 2 5 . 3', '. 3 3 3 2 3 4 2 2 5 1 .', '1 2 3 3 2 4 4 1 2 5 1 .'].map((row) => row.split(' '));
    const units = observers[0].map((_, u) => observers.map((row) => row[u]).filter((v) => v !== '.'));
    expect(krippendorffAlpha(units)).toBeCloseTo(0.743, 3);
  });

  // The same paper, example A (binary data, two observers, 10 units): α = 0.095.
  it('Krippendorff’s α: two observers, binary → 0.095', () => {
    const [a, b] = ['0100000010', '1110010000'].map((row) => row.split(''));
    expect(krippendorffAlpha(a.map((v, u) => [v, b[u]]))).toBeCloseTo(0.095, 3);
  });

  // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, two readers, yes/yes 20,
  // A yes B no 5, A no B yes 10, no/no 15: po = 0.70, pe = 0.50, κ = 0.40.
  it('Cohen’s κ: the 50 grant proposals → 0.40', () => {
    const a = [...repeat(25, 'yes'), ...repeat(25, 'no')];
    const b = [...repeat(20, 'yes'), ...repeat(5, 'no'), ...repeat(10, 'yes'), ...repeat(15, 'no')];
    expect(cohensKappa(a, b)).toBeCloseTo(0.4, 10);
  });

  it('undefined when there is nothing to tell apart', () => {
    expect(cohensKappa(['a', 'a'], ['a', 'a'])).toBeNull();
    expect(krippendorffAlpha([['a', 'a', 'a'], ['a', 'a']])).toBeNull();
    expect(krippendorffAlpha([['a'], ['b']])).toBeNull();
    expect(krippendorffAlpha([['a', 'a', 'a'], ['b', 'b', 'b']])).toBe(1);
  });

  it('many coders per unit (counted by value) give the pairwise definition’s α, nominal and MASI', () => {
    // Krippendorff's pairable values, pair by pair: every ordered pair of a unit's values weighs 1/(m − 1).
    const pairwise = (units: string[][], distance: (a: string, b: string) => number) => {
      const all = units.filter((u) => u.length > 1);
      const n = all.reduce((sum, u) => sum + u.length, 0);
      let observed = 0;
      for (const u of all) for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) observed += distance(u[i], u[j]) / (u.length - 1);
      const pooled = all.flat();
      let expected = 0;
      for (let i = 0; i < pooled.length; i++) for (let j = 0; j < pooled.length; j++) if (i !== j) expected += distance(pooled[i], pooled[j]);
      return 1 - (observed / n) / (expected / (n * (n - 1)));
    };
    const sets = ['', 'a', 'b', setValue(['a', 'b']), setValue(['a', 'c'])];
    const units = Array.from({ length: 30 }, (_, u) => Array.from({ length: 1 + ((u * 7) % 40) }, (_, i) => sets[(u * i + i + (u % 3)) % sets.length]));
    expect(units.some((u) => u.length > 16) && units.some((u) => u.length <= 16)).toBe(true);
    const masi = masiDistance();
    expect(krippendorffAlpha(units)).toBeCloseTo(pairwise(units, (a, b) => (a === b ? 0 : 1)), 10);
    expect(krippendorffAlpha(units, masi)).toBeCloseTo(pairwise(units, masi), 10);
  });

  it('MASI (Passonneau 2006): 1 − Jaccard × monotonicity; nominal on single values', () => {
    const masi = masiDistance();
    expect(masi(setValue(['a', 'b']), setValue(['a', 'b']))).toBe(0);
    expect(masi(setValue(['a', 'b']), setValue(['a']))).toBeCloseTo(1 - (1 / 2) * (2 / 3), 10);
    expect(masi(setValue(['a', 'b']), setValue(['a', 'c']))).toBeCloseTo(1 - (1 / 3) * (1 / 3), 10);
    expect(masi(setValue(['a']), setValue(['b']))).toBe(1);
    expect(masi(setValue([]), setValue(['a']))).toBe(1);
    // On one value per coder, MASI-weighted α is the nominal α.
    const units = [['a', 'a'], ['a', 'b'], ['', 'b'], ['b', 'b'], ['', '']];
    expect(krippendorffAlpha(units, masi)).toBeCloseTo(krippendorffAlpha(units)!, 10);
  });

  it('character overlap: pooled Jaccard over coder pairs, by coverage', () => {
    expect(spanOverlap([[{ start: 0, end: 10 }], [{ start: 5, end: 15 }]])).toEqual({ intersection: 5, union: 15 });
    // A coder's own overlapping spans count once.
    expect(spanOverlap([[{ start: 0, end: 6 }, { start: 4, end: 10 }], [{ start: 0, end: 10 }]])).toEqual({ intersection: 10, union: 10 });
    const coders: Span[][] = [[{ start: 0, end: 10 }], [{ start: 5, end: 15 }], [], [{ start: 8, end: 9 }, { start: 20, end: 22 }]];
    const pairwise = { intersection: 0, union: 0 };
    const points = (spans: Span[]) => new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, i) => s.start + i)));
    for (let i = 0; i < coders.length; i++) for (let j = i + 1; j < coders.length; j++) {
      const [a, b] = [points(coders[i]), points(coders[j])];
      pairwise.intersection += [...a].filter((x) => b.has(x)).length;
      pairwise.union += new Set([...a, ...b]).size;
    }
    expect(spanOverlap(coders)).toEqual(pairwise);
  });
});

const tag = (id: string, order: number, variableId?: string): Tag => ({ id, name: id.slice(4), colour: '#000000', hotkey: null, description: '', order, ...(variableId && { variableId }) });
const coding = (annotator: string, commentKey: string, tagIds: string[], extra: Partial<Annotation> = {}): Annotation =>
  ({ id: `ann_${annotator}_${commentKey}`, pageUrl: PAGE, commentKey, tagIds, note: '', annotator, createdAt: NOW, updatedAt: NOW, ...extra });
const segment = (tagId: string, start: number, end: number, id = `seg_${tagId}_${start}`): Segment => ({ id, tagId, quote: 'x'.repeat(end - start), start, end, createdAt: NOW });

const TONE: Variable = { id: 'var_tone', name: 'Tone', kind: 'single', description: '', order: 0 };
const TOPICS: Variable = { id: 'var_topics', name: 'Topics', kind: 'multiple', description: '', order: 1 };
const CODEBOOK = [tag('tag_pos', 0, TONE.id), tag('tag_neg', 1, TONE.id), tag('tag_price', 2, TOPICS.id), tag('tag_camera', 3, TOPICS.id)];

describe('the agreement report', () => {
  it('units are comments coded by two or more coders; "none" is a decision; notes and the consensus are not', () => {
    const report = agreementReport([
      coding('alice', 'c1', ['tag_pos']), coding('bob', 'c1', [], { none: true }),
      coding('alice', 'c2', ['tag_neg']),
      coding('alice', 'c3', ['tag_neg']), coding('bob', 'c3', [], { note: 'only a note' }),
      coding('alice', 'c4', ['tag_pos']), coding('bob', 'c4', ['tag_pos']), coding(CONSENSUS_ANNOTATOR, 'c4', ['tag_neg']),
    ], CODEBOOK, [TONE, TOPICS]);
    expect(report.coders).toEqual(['alice', 'bob']);
    expect(report.units).toBe(2);
    const tone = report.variables.find((v) => v.variableId === TONE.id)!;
    expect(tone).toMatchObject({ units: 2, coders: 2, observed: 0.5 });
    expect(report.disagreements.map((d) => [d.commentKey, d.variableIds])).toEqual([['c1', [TONE.id]]]);
    expect(report.disagreements[0].codings.map((a) => a.annotator)).toEqual(['alice', 'bob']);
  });

  it('a "none" where the other coder chose a code lowers kappa: the old both-tagged count missed it', () => {
    const agreed = [0, 1, 2, 3].flatMap((i) => [coding('alice', `c${i}`, [i % 2 ? 'tag_neg' : 'tag_pos']), coding('bob', `c${i}`, [i % 2 ? 'tag_neg' : 'tag_pos'])]);
    const before = agreementReport(agreed, CODEBOOK, [TONE, TOPICS]).variables[0];
    expect(before.kappa).toBe(1);
    const after = agreementReport([...agreed, coding('alice', 'c9', ['tag_pos']), coding('bob', 'c9', [], { none: true })], CODEBOOK, [TONE, TOPICS]);
    const tone = after.variables[0];
    // Hand computation: 5 units, 4 agree (po = 0.8); alice pos 3 neg 2, bob pos 2 neg 2 none 1:
    // pe = (3·2 + 2·2)/25 = 0.4, κ = (0.8 − 0.4)/0.6 = 2/3.
    expect(tone.kappa).toBeCloseTo(2 / 3, 10);
    expect(tone.units).toBe(5);
    expect(after.codes.find((c) => c.tagId === 'tag_pos')!.kappa).toBeLessThan(1);
  });

  it('the 50 proposals as codings, in any order: κ pairs each coder with themself', () => {
    const a = [...repeat(25, true), ...repeat(25, false)];
    const b = [...repeat(20, true), ...repeat(5, false), ...repeat(10, true), ...repeat(15, false)];
    const as = (annotator: string, u: number, yes: boolean) => coding(annotator, `c${u}`, yes ? ['tag_price'] : [], { none: !yes });
    const annotations = a.flatMap((yes, u) => (u % 2 ? [as('bob', u, b[u]), as('alice', u, yes)] : [as('alice', u, yes), as('bob', u, b[u])]));
    const report = agreementReport(annotations, CODEBOOK, [TONE, TOPICS]);
    expect(report.codes.find((c) => c.tagId === 'tag_price')!.kappa).toBeCloseTo(0.4, 10);
    expect(report.variables.find((v) => v.variableId === TOPICS.id)!.kappa).toBeCloseTo(0.4, 10);
  });

  it('single choice per variable (nominal), multiple choice with MASI, and yes/no per code', () => {
    const annotations = [
      coding('alice', 'c1', ['tag_pos', 'tag_price']), coding('bob', 'c1', ['tag_pos', 'tag_price', 'tag_camera']), coding('carol', 'c1', ['tag_pos', 'tag_price']),
      coding('alice', 'c2', ['tag_neg']), coding('bob', 'c2', ['tag_neg', 'tag_camera']),
      coding('alice', 'c3', [], { none: true }), coding('carol', 'c3', ['tag_neg']),
    ];
    const report = agreementReport(annotations, CODEBOOK, [TONE, TOPICS]);
    expect(report.coders).toEqual(['alice', 'bob', 'carol']);
    const [tone, topics] = report.variables;
    expect(tone.alpha).toBeCloseTo(krippendorffAlpha([['tag_pos', 'tag_pos', 'tag_pos'], ['tag_neg', 'tag_neg'], ['', 'tag_neg']])!, 10);
    expect(tone.kappa).toBeNull();
    const masi = masiDistance();
    expect(topics.alpha).toBeCloseTo(krippendorffAlpha([[setValue(['tag_price']), setValue(['tag_price', 'tag_camera']), setValue(['tag_price'])], ['', setValue(['tag_camera'])], ['', '']], masi)!, 10);
    const camera = report.codes.find((c) => c.tagId === 'tag_camera')!;
    expect(camera).toMatchObject({ variableId: TOPICS.id, units: 3, coders: 3 });
    expect(camera.alpha).toBeCloseTo(krippendorffAlpha([['no', 'yes', 'no'], ['no', 'yes'], ['no', 'no']])!, 10);
  });

  it('without variables every code is one multiple-choice "Tags" variable', () => {
    const report = agreementReport([coding('alice', 'c1', ['tag_pos']), coding('bob', 'c1', ['tag_pos']), coding('alice', 'c2', ['tag_neg']), coding('bob', 'c2', [], { none: true })], CODEBOOK.map(({ variableId, ...t }) => t));
    expect(report.variables.map((v) => [v.name, v.kind, v.units])).toEqual([['Tags', 'multiple', 2]]);
    expect(report.codes).toHaveLength(4);
  });

  it('segments: a code on a passage is present in the comment, and passages agree by code points', () => {
    const report = agreementReport([
      coding('alice', 'c1', [], { segments: [segment('tag_price', 0, 10)] }),
      coding('bob', 'c1', ['tag_price'], { segments: [segment('tag_price', 5, 15)] }),
      coding('alice', 'c2', ['tag_pos']), coding('bob', 'c2', ['tag_pos']),
    ], CODEBOOK, [TONE, TOPICS]);
    expect(report.codes.find((c) => c.tagId === 'tag_price')!.observed).toBe(1);
    expect(report.segments).toEqual([{ tagId: 'tag_price', overlap: 5 / 15, units: 1, coders: 2 }]);
    expect(report.disagreements.map((d) => [d.commentKey, d.variableIds, d.segmentTagIds])).toEqual([['c1', [], ['tag_price']]]);
  });

  it('resolving writes the chosen coding over what the consensus said', () => {
    let next = 0;
    const id = () => `seg_new_${next++}`;
    const order = CODEBOOK.map((t) => t.id);
    const current = { tagIds: ['tag_neg', 'tag_camera'], note: 'kept', segments: [segment('tag_price', 0, 4, 'seg_a'), segment('tag_price', 6, 9, 'seg_b')] };
    const chosen = { tagIds: ['tag_pos'], note: '', segments: [segment('tag_price', 6, 9, 'seg_alice')] };
    expect(applyEdit(current, consensusEdit(chosen, current, id), order)).toEqual({ tagIds: ['tag_pos'], note: 'kept', segments: [current.segments[1]] });
    expect(applyEdit(current, consensusEdit({ tagIds: [], note: '', none: true }, current, id), order)).toEqual({ tagIds: [], note: 'kept', none: true });
    const fresh = applyEdit(null, consensusEdit(chosen, null, id), order);
    expect(fresh).toMatchObject({ tagIds: ['tag_pos'], segments: [{ ...chosen.segments[0], id: 'seg_new_0' }] });
  });

  it('100,000 codings by 3 coders take well under a second of CPU time', () => {
    const annotations: Annotation[] = [];
    for (let i = 0; i < 100_000; i++) {
      const pick = (i * 7919) % 5;
      annotations.push(coding(['alice', 'bob', 'carol'][i % 3], `c${Math.floor(i / 3)}`, pick === 4 ? [] : [CODEBOOK[pick % 2].id, CODEBOOK[2 + (pick % 2)].id], { none: pick === 4 }));
    }
    // CPU time, not wall time: the tests share two cores with browsers.
    const used = process.cpuUsage();
    const report = agreementReport(annotations, CODEBOOK, [TONE, TOPICS]);
    const { user, system } = process.cpuUsage(used);
    expect(report.units).toBe(33_333);
    expect((user + system) / 1000).toBeLessThan(1_000);
  });
});
