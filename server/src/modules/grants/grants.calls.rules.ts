import type { RequiredDocument, ScoringRubric } from '@oselia/contracts';

export interface CallShape {
  budgetMinor: number;
  maxPerGrantMinor: number;
  opensAt: string;
  closesAt: string;
  requiredDocuments: readonly RequiredDocument[];
  scoringRubric: ScoringRubric;
}

type Problem = { field: string; message: string };

/** What any call, even a draft, must hold. */
export function checkCallShape(c: CallShape): Problem[] {
  const problems: Problem[] = [];
  if (c.maxPerGrantMinor > c.budgetMinor) {
    problems.push({
      field: 'maxPerGrantMinor',
      message: 'the maximum per grant is more than the whole budget',
    });
  }
  if (Date.parse(c.closesAt) <= Date.parse(c.opensAt)) {
    problems.push({ field: 'closesAt', message: 'the call must close after it opens' });
  }
  const kinds = c.requiredDocuments.map((d) => d.kind);
  if (new Set(kinds).size !== kinds.length) {
    problems.push({ field: 'requiredDocuments', message: 'each document kind may be listed once' });
  }
  const keys = c.scoringRubric.criteria.map((k) => k.key);
  if (new Set(keys).size !== keys.length) {
    problems.push({ field: 'scoringRubric', message: 'each criterion key may be used once' });
  }
  return problems;
}

/** What a call must hold before it opens to the public. */
export function checkReadyToOpen(c: CallShape & { hasForm: boolean }, now: Date): Problem[] {
  const problems = checkCallShape(c);
  if (!c.hasForm)
    problems.push({ field: 'form', message: 'pin the application form (a form and its version)' });
  const criteria = c.scoringRubric.criteria;
  if (criteria.length === 0) {
    problems.push({ field: 'scoringRubric', message: 'the scoring rubric needs at least one criterion' });
  } else {
    const total = criteria.reduce((sum, k) => sum + k.weight, 0);
    if (total !== 100) {
      problems.push({ field: 'scoringRubric', message: `the criteria weights add up to ${total}, not 100` });
    }
  }
  if (Date.parse(c.closesAt) <= now.getTime()) {
    problems.push({ field: 'closesAt', message: 'the closing date has passed' });
  }
  return problems;
}
