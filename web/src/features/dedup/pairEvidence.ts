import type { DedupPairDetail } from '@oselia/contracts';
import { markRespelled } from './explanation.ts';

/** The pair's field evidence, with names the same but spelled differently marked as such. */
export const evidenceOf = (pair: DedupPairDetail) => markRespelled(pair.explanation.fields, pair.a, pair.b);
