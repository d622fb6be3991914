import { commentId } from './comment-id';
import type { Annotation, Tag } from './records';

/** Agreement on one tag across the comments that two or more annotators coded. */
export interface TagAgreement {
  tagId: string;
  /** Cohen's kappa with two annotators, Krippendorff's alpha (nominal) with more. */
  measure: 'kappa' | 'alpha';
  /** null when it is undefined: every coder gave every unit the same value. */
  value: number | null;
  /** Comments in the computation. */
  units: number;
  /** Share of comments on which all coders agreed. */
  observed: number;
}

/** One comment and tag on which the annotators differ. */
export interface Disagreement {
  pageUrl: string;
  commentKey: string;
  tagId: string;
  /** Annotator → whether they applied the tag. */
  applied: Record<string, boolean>;
}

export interface AgreementReport {
  annotators: string[];
  units: number;
  tags: TagAgreement[];
  disagreements: Disagreement[];
}

/** Cohen's kappa for two coders' binary decisions (true = tag applied). */
export function cohensKappa(a: readonly boolean[], b: readonly boolean[]): number | null {
  const n = a.length;
  if (!n) return null;
  let agree = 0;
  let yesA = 0;
  let yesB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    if (a[i]) yesA++;
    if (b[i]) yesB++;
  }
  const po = agree / n;
  const pe = (yesA / n) * (yesB / n) + (1 - yesA / n) * (1 - yesB / n);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data: `units` holds, per unit, the values its coders gave
 * (units with fewer than two values are not pairable and are skipped).
 */
export function krippendorffAlpha(units: readonly (readonly string[])[]): number | null {
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = coincidence.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  // Pairs are counted by value, not coder by coder: a comment coded by 1,000 annotators is
  // (values)² steps, not 1,000² (which froze the review page for seconds).
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [c, nc] of counts) for (const [k, nk] of counts) add(c, k, (nc * (c === k ? nk - 1 : nk)) / (m - 1));
  }
  const totals = new Map<string, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of coincidence) {
    for (const [k, w] of row) {
      totals.set(c, (totals.get(c) ?? 0) + w);
      n += w;
      if (c !== k) disagreeing += w;
    }
  }
  if (n <= 1) return null;
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += (nc * nk) / (n - 1);
  return expected === 0 ? null : 1 - disagreeing / expected;
}

/**
 * Agreement per tag over the comments that two or more annotators annotated (an annotation
 * with no tag still counts as a decision: none of the tags applies), and the disagreements.
 */
export function agreementReport(annotations: readonly Annotation[], codebook: readonly Tag[]): AgreementReport {
  const byComment = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const key = commentId(a.pageUrl, a.commentKey);
    const list = byComment.get(key);
    if (list) list.push(a);
    else byComment.set(key, [a]);
  }
  const units = [...byComment.values()].filter((list) => new Set(list.map((a) => a.annotator)).size >= 2);
  const annotators = [...new Set(units.flatMap((list) => list.map((a) => a.annotator)))].sort();
  const tags: TagAgreement[] = [];
  const disagreements: Disagreement[] = [];
  for (const tag of codebook) {
    const decisions = units.map((list) => list.map((a) => ({ annotator: a.annotator, applied: a.tagIds.includes(tag.id) })));
    let agreed = 0;
    for (const [u, unit] of decisions.entries()) {
      if (unit.every((d) => d.applied === unit[0].applied)) {
        agreed++;
        continue;
      }
      disagreements.push({
        pageUrl: units[u][0].pageUrl, commentKey: units[u][0].commentKey, tagId: tag.id,
        applied: Object.fromEntries(unit.map((d) => [d.annotator, d.applied])),
      });
    }
    let value: number | null;
    let measure: 'kappa' | 'alpha';
    if (annotators.length === 2) {
      measure = 'kappa';
      const [first, second] = annotators;
      const pairs = decisions.filter((unit) => unit.some((d) => d.annotator === first) && unit.some((d) => d.annotator === second));
      value = cohensKappa(pairs.map((u) => u.find((d) => d.annotator === first)!.applied), pairs.map((u) => u.find((d) => d.annotator === second)!.applied));
    } else {
      measure = 'alpha';
      value = krippendorffAlpha(decisions.map((unit) => unit.map((d) => String(d.applied))));
    }
    tags.push({ tagId: tag.id, measure, value, units: units.length, observed: units.length ? agreed / units.length : 0 });
  }
  return { annotators, units: units.length, tags, disagreements };
}
