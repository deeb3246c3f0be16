import type { WashingtonGroup } from '@oselia/contracts';

export const WG_DOMAINS = ['seeing', 'hearing', 'walking', 'cognition', 'selfCare', 'communication'] as const;
export type WgDomain = (typeof WG_DOMAINS)[number];
export const WG_ANSWERS = ['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do'] as const;
export type WgAnswer = (typeof WG_ANSWERS)[number];
export type WgAnswers = Record<WgDomain, WgAnswer | null>;

export const emptyWg = (): WgAnswers => ({
  seeing: null,
  hearing: null,
  walking: null,
  cognition: null,
  selfCare: null,
  communication: null,
});

/**
 * The Washington Group short-set cut-off, as the server computes it: "a lot of difficulty" or
 * "cannot do" in any domain means a disability; null while nothing has been asked.
 */
export function disabilityOf(wg: WashingtonGroup | WgAnswers | null | undefined): boolean | null {
  if (!wg) return null;
  const answers = Object.values(wg);
  if (answers.some((a) => a === 'a_lot_of_difficulty' || a === 'cannot_do')) return true;
  return answers.every((a) => a === null || a === undefined) ? null : false;
}

/** Null when no question was answered, so an untouched block sends nothing. */
export function wgForApi(wg: WgAnswers): WgAnswers | null {
  return Object.values(wg).every((a) => a === null) ? null : wg;
}
