import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { person } from './people.contract.ts';

export const dedupPairStatus = z.enum(['pending', 'merged', 'not_same', 'skipped', 'undone']);
export const fieldExplanation = z.object({
  field: z.string(),
  level: z.number().int(),
  label: z.string(),
  weight: z.number(),
});

export const dedupPair = z.object({
  id: z.uuid(),
  personA: z.uuid(),
  personB: z.uuid(),
  /** Match weight (log2 odds) and its probability. */
  weight: z.number(),
  probability: z.number(),
  /** `link`: above the automatic-link threshold; `review`: between the two thresholds. */
  decision: z.enum(['link', 'review']),
  reason: z.string().nullable(),
  explanation: z.object({
    prior: z.number(),
    fields: z.array(fieldExplanation),
    total: z.number(),
    veto: z.string().optional(),
  }),
  status: dedupPairStatus,
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type DedupPair = z.infer<typeof dedupPair>;
export const dedupPairsQuery = z.object({
  status: dedupPairStatus.default('pending'),
  /** Only automatic links, or only pairs sent for review. */
  decision: z.enum(['link', 'review']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
/** Enough of each record to tell the pairs of the queue apart. */
export const dedupPersonSummary = person.pick({
  id: true,
  familyName: true,
  givenName: true,
  patronymic: true,
  latinName: true,
  birthDate: true,
  birthDatePrecision: true,
  sex: true,
  currentPcode: true,
  mergedInto: true,
});
export type DedupPersonSummary = z.infer<typeof dedupPersonSummary>;
/** A pair in the queue; a record outside the reviewer's scope is null. */
export const dedupPairListItem = dedupPair.extend({
  a: dedupPersonSummary.nullable(),
  b: dedupPersonSummary.nullable(),
});
export type DedupPairListItem = z.infer<typeof dedupPairListItem>;
export const dedupPairsPage = pageOf(dedupPairListItem);
/** Two records side by side, with why they matched. */
export const dedupPairDetail = dedupPair.extend({ a: person, b: person });
export type DedupPairDetail = z.infer<typeof dedupPairDetail>;
export const dedupDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('same'), survivorId: z.uuid() }),
  z.object({ decision: z.literal('not_same') }),
  z.object({ decision: z.literal('skip') }),
]);
export type DedupDecisionBody = z.infer<typeof dedupDecisionBody>;
export const dedupRunStarted = z.object({ jobId: z.uuid() });
