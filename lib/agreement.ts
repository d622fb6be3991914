// Intercoder agreement over the comments that two or more coders coded (docs/agreement.md):
// per variable, per code and, where segments exist, per code by character overlap, with the
// comments on which the coders differ.
import { alphaOfFlat, interned, kappaOfFlat, masiDistance, nominalIndexDistance, setValue, spanOverlap, type FlatUnits, type IndexDistance } from './agreement-measures';
import { codesByVariable, isCodable } from './codebook';
import { isCoded, type AnnotationEdit } from './edits';
import type { Annotation, AnnotationState, Segment, Tag, Variable } from './records';

/** The annotator a resolved coding is written as: never counted as a coder. */
export const CONSENSUS_ANNOTATOR = 'consensus';

/** One agreement figure with what it was computed over. */
export interface Agreement {
  /** Krippendorff's alpha; null when undefined (every coder gave every unit the same value). */
  alpha: number | null;
  /** Cohen's kappa, with exactly two coders only (else null). */
  kappa: number | null;
  /** Share of units on which all their coders gave the same value. */
  observed: number;
  units: number;
  coders: number;
}

/** Agreement on one variable: nominal for single choice, MASI-weighted for multiple choice. */
export interface VariableAgreement extends Agreement {
  variableId: string;
  name: string;
  kind: Variable['kind'];
}

/** Agreement on one code, as yes (the comment has it) or no. */
export interface CodeAgreement extends Agreement {
  tagId: string;
  variableId: string;
}

/** Agreement on one code's coded passages, by the code points the coders marked. */
export interface SegmentAgreement {
  tagId: string;
  /** Σ|A∩B| / Σ|A∪B| over coder pairs and units (pooled Jaccard); null when nothing was marked. */
  overlap: number | null;
  /** Units in which a coder marked a passage with the code. */
  units: number;
  /** Coders who marked one. */
  coders: number;
}

/** A comment on which the coders differ: on which variables and on which codes' passages. */
export interface Disagreement {
  pageUrl: string;
  commentKey: string;
  variableIds: string[];
  segmentTagIds: string[];
  /** Every coder's coding of the comment. */
  codings: Annotation[];
  /** The consensus coding written for it already, if any. */
  consensus: Annotation | null;
}

/** Everything the review page shows about agreement. */
export interface AgreementReport {
  coders: string[];
  /** Comments coded by two or more coders. */
  units: number;
  variables: VariableAgreement[];
  codes: CodeAgreement[];
  segments: SegmentAgreement[];
  disagreements: Disagreement[];
}

/** The measures of one variable or code over `data` (each unit's values in coder order). */
function measured(data: FlatUnits, coders: number, distance: IndexDistance): Agreement {
  const { values, offsets } = data;
  const units = offsets.length - 1;
  let agreed = 0;
  for (let u = 0; u < units; u++) {
    let same = true;
    for (let i = offsets[u] + 1; i < offsets[u + 1] && same; i++) same = values[i] === values[offsets[u]];
    if (same) agreed++;
  }
  // With two coders every unit holds both, the first coder's value first.
  const kappa = coders === 2 ? kappaOfFlat(values.filter((_, i) => i % 2 === 0), values.filter((_, i) => i % 2 === 1), data.count, distance) : null;
  return { alpha: alphaOfFlat(data, distance), kappa, observed: units ? agreed / units : 0, units, coders };
}

/** Each unit's codings in coder order, in the order its comments first appear; the consensus codings apart. */
function unitsOf(annotations: readonly Annotation[]) {
  // By page, then by comment key: no joined key string per annotation (100,000 of them cost
  // more than all the measures).
  const byPage = new Map<string, Map<string, Annotation[]>>();
  const consensus = new Map<string, Map<string, Annotation>>();
  for (const a of annotations) {
    if (!isCoded(a)) continue;
    if (a.annotator === CONSENSUS_ANNOTATOR) {
      if (!consensus.has(a.pageUrl)) consensus.set(a.pageUrl, new Map());
      consensus.get(a.pageUrl)!.set(a.commentKey, a);
      continue;
    }
    let page = byPage.get(a.pageUrl);
    if (!page) byPage.set(a.pageUrl, (page = new Map()));
    const codings = page.get(a.commentKey);
    if (!codings) page.set(a.commentKey, [a]);
    else codings.push(a);
  }
  const units: Annotation[][] = [];
  for (const page of byPage.values()) {
    for (const all of page.values()) {
      if (all.length < 2) continue;
      all.sort((a, b) => (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
      // One coding per coder (storage keeps it so; a second would count the coder twice).
      const twice = all.some((a, i) => i > 0 && a.annotator === all[i - 1].annotator);
      const codings = twice ? all.filter((a, i) => i === 0 || a.annotator !== all[i - 1].annotator) : all;
      if (codings.length >= 2) units.push(codings);
    }
  }
  return { units, consensusOf: (u: Annotation[]) => consensus.get(u[0].pageUrl)?.get(u[0].commentKey) ?? null };
}

/**
 * Agreement over the comments that two or more coders coded (tags, segments or "no code
 * applies"; the consensus annotator is not a coder). A code is present in a coding when it is on
 * the whole comment or on one of its segments. Per variable the value is the set of its codes
 * present (none: the empty set, "not applicable", which disagrees with any code); per code,
 * whether it is present; per code with segments, the overlap of the passages marked.
 */
export function agreementReport(annotations: readonly Annotation[], codebook: readonly Tag[], variables: readonly Variable[] = []): AgreementReport {
  const { units, consensusOf } = unitsOf(annotations);
  const coderSet = new Set<string>();
  for (const codings of units) for (const a of codings) coderSet.add(a.annotator);
  const coders = [...coderSet].sort();
  // A variable without a code that can be applied has nothing to agree on.
  const groups = codesByVariable(variables, codebook).map((g) => ({ ...g, codes: g.codes.filter(isCodable) })).filter((g) => g.codes.length > 0);
  const codes = groups.flatMap((g) => g.codes);
  const codeIndex = new Map(codes.map((c, i) => [c.id, i]));
  // Which codes each coding has (on the comment or a segment), as one flat table of bits, and
  // where each unit's codings start in it: no array or string per coding.
  const offsets = new Int32Array(units.length + 1);
  units.forEach((u, i) => (offsets[i + 1] = offsets[i] + u.length));
  const has = new Uint8Array(offsets[units.length] * codes.length);
  let row = 0;
  for (const codings of units) {
    for (const a of codings) {
      for (const id of a.tagIds) {
        const c = codeIndex.get(id);
        if (c !== undefined) has[row * codes.length + c] = 1;
      }
      for (const s of a.segments ?? []) {
        const c = codeIndex.get(s.tagId);
        if (c !== undefined) has[row * codes.length + c] = 1;
      }
      row++;
    }
  }
  const differs = units.map(() => ({ variableIds: [] as string[], segmentTagIds: [] as string[] }));
  const rows = offsets[units.length];

  const variableResults: VariableAgreement[] = groups.map(({ variable, codes: own }) => {
    // A coding's value: the set of the variable's codes it has, interned by a bit mask (by its
    // text past 30 codes), and written out once per set.
    const first = codeIndex.get(own[0].id)!;
    const pool = interned<number | string>();
    const sets: string[] = [];
    const values = new Int32Array(rows);
    for (let row = 0; row < rows; row++) {
      let key: number | string = 0;
      for (let c = 0; c < own.length; c++) {
        if (!has[row * codes.length + first + c]) continue;
        key = own.length <= 30 ? (key as number) | (1 << c) : `${key} ${c}`;
      }
      values[row] = pool.of(key);
      if (values[row] === sets.length) sets.push(setValue(own.filter((_, c) => has[row * codes.length + first + c]).map((code) => code.id)));
    }
    units.forEach((_, u) => {
      for (let i = offsets[u] + 1; i < offsets[u + 1]; i++) if (values[i] !== values[offsets[u]]) return void differs[u].variableIds.push(variable.id);
    });
    const masi = masiDistance();
    const distance = variable.kind === 'single' ? nominalIndexDistance : (c: number, k: number) => masi(sets[c], sets[k]);
    return { variableId: variable.id, name: variable.name, kind: variable.kind, ...measured({ values, offsets, count: sets.length }, coders.length, distance) };
  });

  const codeResults: CodeAgreement[] = groups.flatMap(({ variable, codes: own }) => own.map((code) => {
    const c = codeIndex.get(code.id)!;
    const values = new Int32Array(rows);
    for (let row = 0; row < rows; row++) values[row] = has[row * codes.length + c];
    return { tagId: code.id, variableId: variable.id, ...measured({ values, offsets, count: 2 }, coders.length, nominalIndexDistance) };
  }));

  const segments = segmentAgreement(units, new Set(codeIndex.keys()), differs);
  const disagreements: Disagreement[] = [];
  units.forEach((codings, u) => {
    if (!differs[u].variableIds.length && !differs[u].segmentTagIds.length) return;
    disagreements.push({ pageUrl: codings[0].pageUrl, commentKey: codings[0].commentKey, ...differs[u], codings, consensus: consensusOf(codings) });
  });
  return { coders, units: units.length, variables: variableResults, codes: codeResults, segments, disagreements };
}

/** Per code with segments in the units: the passages' overlap; marks the units where they differ. */
function segmentAgreement(units: readonly Annotation[][], codeIds: ReadonlySet<string>, differs: { segmentTagIds: string[] }[]): SegmentAgreement[] {
  const sums = new Map<string, { intersection: number; union: number; units: number; coders: Set<string> }>();
  units.forEach((codings, u) => {
    if (!codings.some((a) => a.segments?.length)) return;
    const tagIds = new Set(codings.flatMap((a) => (a.segments ?? []).map((s) => s.tagId)).filter((id) => codeIds.has(id)));
    for (const tagId of tagIds) {
      const spans = codings.map((a) => (a.segments ?? []).filter((s) => s.tagId === tagId));
      const { intersection, union } = spanOverlap(spans);
      let sum = sums.get(tagId);
      if (!sum) sums.set(tagId, (sum = { intersection: 0, union: 0, units: 0, coders: new Set() }));
      sum.intersection += intersection;
      sum.union += union;
      sum.units++;
      codings.forEach((a, i) => spans[i].length && sum!.coders.add(a.annotator));
      if (union > intersection) differs[u].segmentTagIds.push(tagId);
    }
  });
  return [...codeIds].filter((id) => sums.has(id)).map((tagId) => {
    const s = sums.get(tagId)!;
    return { tagId, overlap: s.union ? s.intersection / s.union : null, units: s.units, coders: s.coders.size };
  });
}

/**
 * The edit that makes the consensus coding (`current`, null if none yet) say what `chosen` says:
 * its codes, "no code applies" and segments (a segment already there at the same place with the
 * same code is kept; the others get new ids, so no two codings share a segment id). The
 * consensus note is left as it is.
 */
export function consensusEdit(chosen: AnnotationState, current: AnnotationState | null, newSegmentId: () => string): AnnotationEdit {
  const tags: Record<string, boolean> = {};
  for (const id of [...(current?.tagIds ?? []), ...chosen.tagIds]) tags[id] = chosen.tagIds.includes(id);
  const same = (a: Segment, b: Segment) => a.tagId === b.tagId && a.start === b.start && a.end === b.end;
  const have = current?.segments ?? [];
  const wanted = chosen.segments ?? [];
  return {
    tags,
    none: !!chosen.none,
    segments: {
      remove: have.filter((s) => !wanted.some((w) => same(s, w))).map((s) => s.id),
      add: wanted.filter((w) => !have.some((s) => same(s, w))).map((w) => ({ ...w, id: newSegmentId() })),
    },
  };
}
