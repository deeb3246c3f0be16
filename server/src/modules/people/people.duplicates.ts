import type { duplicateCheckBody, duplicateCheckResult } from '@oselia/contracts';
import { CandidateIndex, defaultModel, type PersonRecord } from '@oselia/matching';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { type Actor, can } from '../access/access.policy.ts';
import { toMatchRecord } from './people.mapper.ts';
import { createPeopleRepository } from './people.repository.ts';
import {
  canonicalIdentifier,
  identifierPurpose,
  isValidTaxNumber,
  normaliseUkrainianPhone,
} from './people.rules.ts';
import { personSearchKeys, searchText } from './people.search.ts';

type CheckInput = z.output<typeof duplicateCheckBody>;
type CheckResult = z.output<typeof duplicateCheckResult>;

/** Most existing records scored per check: enough for any block, cheap to score. */
const CANDIDATE_POOL = 300;

/**
 * Likely duplicates of a person being registered. The database finds the few records that could
 * be the same person (same surname key, phone or tax number); the matching engine scores each with
 * its Fellegi–Sunter model and explains the score field by field.
 */
export function createDuplicateCheck(db: Database, deps: { crypto: Crypto }) {
  const repo = createPeopleRepository(db);
  const model = defaultModel();

  return async function findLikelyDuplicates(actor: Actor, input: CheckInput): Promise<CheckResult> {
    const keys = personSearchKeys(input);
    const surnameKeys = keys.filter((k) => k.startsWith('s:'));
    const phones = input.phones.map(normaliseUkrainianPhone).filter((p): p is string => p !== null);
    const taxCanonical = input.taxNumber ? canonicalIdentifier('tax_number', input.taxNumber) : null;
    const taxHash =
      taxCanonical && isValidTaxNumber(taxCanonical)
        ? deps.crypto.keyedHash(taxCanonical, identifierPurpose('tax_number'))
        : null;

    const rows = await repo.findMatchCandidates(actor.tenantId, {
      surnameKeys,
      phones,
      taxHash,
      // Partner staff check against their own registrations only; they may not see others'.
      ...(can(actor, 'people.read', { organisationId: null })
        ? {}
        : { organisationId: actor.organisationId }),
      oblastScope: actor.oblastScope,
      text: searchText(input),
      birthDate: input.birthDate,
      limit: CANDIDATE_POOL,
    });
    if (rows.length === 0) return { candidates: [] };

    // The candidates' own oblast is left out: the new record's oblast is not asked for.
    const records: PersonRecord[] = rows.map((r) =>
      toMatchRecord({ ...r, phone: r.phones[0], current_pcode: null }),
    );
    const index = CandidateIndex.build(records, { model });
    const found = index.findCandidates(
      {
        id: 'new',
        familyName: input.familyName,
        givenName: input.givenName,
        patronymic: input.patronymic ?? undefined,
        sex: input.sex === 'F' || input.sex === 'M' ? input.sex : undefined,
        birthDate: input.birthDate ?? undefined,
        phone: phones[0]?.replace(/^\+/, ''),
        taxIdHash: taxHash ?? undefined,
      },
      { limit: input.limit },
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      candidates: found.map((c) => {
        const r = byId.get(c.id)!;
        return {
          personId: r.id,
          familyName: r.family_name,
          givenName: r.given_name,
          patronymic: r.patronymic,
          birthDate: r.birth_date,
          currentPcode: r.current_pcode,
          weight: Math.round(c.weight * 100) / 100,
          probability: Math.round(c.probability * 1000) / 1000,
          decision: c.decision,
          fields: c.explanation.fields.map((f) => ({
            field: f.field,
            label: f.label,
            weight: Math.round(f.weight * 100) / 100,
          })),
        };
      }),
    };
  };
}
