/** Prior level distributions of the match model (see model.ts): defaults and EM pseudo-counts. */
import { FIRST_LEVEL } from './compare.ts';

export const PRIOR_M: number[][] = [
  [0, 0.85, 0.07, 0.04, 0.04],
  [0, 0.88, 0.05, 0.03, 0.04],
  [0, 0.85, 0.07, 0.08],
  [0.03, 0.85, 0.04, 0.04, 0.02, 0.045, 0.005],
  [0, 0.65, 0.35],
  [0, 0.97, 0.03],
  [0, 0.98, 0.02],
  [0, 0.85, 0.15],
];

export const PRIOR_U: number[][] = [
  [0, 0.3, 0.05, 0.05, 0.6],
  [0, 0.2, 0.05, 0.05, 0.7],
  [0, 0.2, 0.1, 0.7],
  [0.05, 0.1, 0.002, 0.02, 0.01, 0.568, 0.3],
  [0, 0.15, 0.85],
  [0, 0.005, 0.995],
  [0, 0.55, 0.45],
  [0, 0.4, 0.6],
];

/**
 * Non-match classes met among candidate pairs, each defined by what it cannot share with a match:
 * household members (different given name and birth date, shared surname, phone, oblast), namesakes
 * (same names, different birth date), birthday look-alikes (same birth date, different names). The
 * defining fields are anchored (strong pseudo-counts) so the classes keep their meaning; the rest is
 * learnt from the data.
 */
export interface ClassPrior {
  name: string;
  theta: number[][];
  /** Fields whose level distribution is anchored to the prior. */
  anchored: readonly number[];
  share: number;
  kin?: boolean;
}

export const NON_MATCH_PRIORS: readonly ClassPrior[] = [
  {
    name: 'household',
    theta: [
      [0, 0.8, 0.05, 0.03, 0.12],
      [0, 0.02, 0.01, 0.01, 0.96],
      [0, 0.4, 0.02, 0.58],
      [0.04, 0.03, 0.001, 0.01, 0.005, 0.554, 0.4],
      [0, 0.7, 0.3],
      [0, 0.001, 0.999],
      [0, 0.5, 0.5],
      [0, 0.95, 0.05],
    ],
    anchored: [1],
    share: 0.45,
    kin: true,
  },
  {
    name: 'namesake',
    theta: [
      [0, 0.75, 0.05, 0.05, 0.15],
      [0, 0.8, 0.05, 0.05, 0.1],
      [0, 0.3, 0.05, 0.65],
      [0.1, 0.001, 0.0005, 0.005, 0.003, 0.6905, 0.3],
      [0, 0.01, 0.99],
      [0, 0.001, 0.999],
      [0, 0.9, 0.1],
      [0, 0.2, 0.8],
    ],
    anchored: [2, 3],
    share: 0.3,
  },
  {
    name: 'birthday',
    theta: [
      [0, 0.003, 0.007, 0.02, 0.97],
      [0, 0.3, 0.05, 0.05, 0.6],
      [0, 0.1, 0.05, 0.85],
      [0.0005, 0.8, 0.01, 0.1, 0.05, 0.03, 0.01],
      [0, 0.01, 0.99],
      [0, 0.001, 0.999],
      [0, 0.6, 0.4],
      [0, 0.2, 0.8],
    ],
    anchored: [0],
    share: 0.25,
  },
];

/** Copy of per-field level distributions, each normalised over the levels that carry evidence. */
export function normalised(rows: number[][]): number[][] {
  return rows.map((r, f) => {
    const first = FIRST_LEVEL[f]!;
    const sum = r.reduce((a, b, l) => (l < first ? a : a + b), 0);
    return r.map((v, l) => (l < first ? 0 : v / sum));
  });
}
