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
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const dedupPairsPage = pageOf(dedupPair);
/** Two records side by side, with why they matched. */
export const dedupPairDetail = dedupPair.extend({ a: person, b: person });
export const dedupDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('same'), survivorId: z.uuid() }),
  z.object({ decision: z.literal('not_same') }),
  z.object({ decision: z.literal('skip') }),
]);
export const dedupRunStarted = z.object({ jobId: z.uuid() });
