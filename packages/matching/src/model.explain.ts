/** Per-field explanation of a pair's match weight, and the decision with its safety vetoes. */
import { F_DOB, F_FAMILY, F_GIVEN, FIELDS, patternLevelTable } from './compare.ts';
import { classLogs, patternContributions, priorWeight } from './model.score.ts';
import type { MatchModel } from './model.ts';

function weightWithTf(
  model: MatchModel,
  levels: ArrayLike<number>,
  famAdj: number,
  givenAdj: number,
): number {
  const l = classLogs(model, levels);
  let z = 0;
  model.nonMatch.forEach((c, k) => {
    z += 2 ** (l.classes[k]! - (c.kin ? 0 : famAdj) - givenAdj);
  });
  return l.match - Math.log2(z);
}
export interface FieldExplanation {
  field: string;
  level: number;
  label: string;
  /** log2 Bayes factor added by this field (including its term-frequency part). */
  weight: number;
  /** Term-frequency part of the weight (exact name agreement only). */
  tfAdjustment?: number;
}

export interface PairExplanation {
  prior: number;
  fields: FieldExplanation[];
  /** Match weight: prior + Σ field weights. */
  total: number;
  probability: number;
  decision: 'link' | 'review' | 'distinct';
  /** Why an automatic link was refused, if it was. */
  veto?: string;
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/**
 * Safety rule on top of the weights: without an equal identifier, two records whose given names
 * disagree (twins, siblings sharing birth date, phone and surname) are never linked automatically.
 */
export function vetoReason(levels: readonly number[]): string | undefined {
  if (levels[F_GIVEN] === 4 && levels[5] !== 1) return 'given names differ';
  if (levels[F_DOB] === 6 && levels[5] !== 1) return GENERATION_APART;
  if (levels[F_FAMILY] === 4 && levels[5] !== 1 && levels[F_GIVEN] !== 1)
    return 'surname and given name differ';
  return undefined;
}

const GENERATION_APART = 'born 12 or more years apart';

/**
 * Vetoes that settle the question: a parent and a child sharing a name are different people, so such
 * pairs need no review either.
 */
export function isConclusiveVeto(reason: string | undefined): boolean {
  return reason === GENERATION_APART;
}

export function explainPattern(
  model: MatchModel,
  code: number,
  tf: { family?: number; given?: number } = {},
): PairExplanation {
  const prior = priorWeight(model);
  const nf = FIELDS.length;
  const table = patternLevelTable();
  const levels = Array.from(table.subarray(code * nf, code * nf + nf));
  const contrib = patternContributions(model, levels);
  const fields: FieldExplanation[] = [];
  let total = prior;
  const famAdj = levels[F_FAMILY] === 1 ? (tf.family ?? 0) : 0;
  const givenAdj = levels[F_GIVEN] === 1 ? (tf.given ?? 0) : 0;
  let tfFam = 0;
  let tfGiven = 0;
  if (famAdj !== 0 || givenAdj !== 0) {
    const none = weightWithTf(model, levels, 0, 0);
    const famOnly = weightWithTf(model, levels, famAdj, 0);
    tfFam = famOnly - none;
    tfGiven = weightWithTf(model, levels, famAdj, givenAdj) - famOnly;
  }
  for (let f = 0; f < nf; f++) {
    const l = levels[f]!;
    let weight = contrib[f]!;
    const e: FieldExplanation = { field: FIELDS[f]!.name, level: l, label: FIELDS[f]!.levels[l]!, weight };
    const adj = f === F_FAMILY ? tfFam : f === F_GIVEN ? tfGiven : 0;
    if (adj !== 0) {
      weight += adj;
      e.weight = weight;
      e.tfAdjustment = adj;
    }
    total += weight;
    fields.push(e);
  }
  const veto = vetoReason(levels);
  let decision: PairExplanation['decision'] =
    total >= model.linkThreshold ? 'link' : total >= model.reviewThreshold ? 'review' : 'distinct';
  if (veto && isConclusiveVeto(veto)) decision = 'distinct';
  else if (decision === 'link' && veto) decision = 'review';
  const out: PairExplanation = { prior, fields, total, probability: probabilityOf(total), decision };
  if (veto && total >= (isConclusiveVeto(veto) ? model.reviewThreshold : model.linkThreshold))
    out.veto = veto;
  return out;
}
