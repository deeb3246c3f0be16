import type { IdentifierType, PersonHit, personSearchQuery } from '@oselia/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { type Actor, actorWithoutUser, can } from '../access/access.policy.ts';
import { createDuplicateCheck } from './people.duplicates.ts';
import { createPeopleRepository } from './people.repository.ts';
import { canonicalIdentifier, identifierPurpose, normaliseUkrainianPhone } from './people.rules.ts';
import type { PersonFilters, PersonHitRow } from './people.search.repository.ts';
import { nameRanker, pairKeySets, queryNameWords, resolveQueryWords } from './people.search.ts';

type SearchQuery = z.output<typeof personSearchQuery>;

/** Words of a name query that count (a full name with a double surname has five). */
const MAX_NAME_WORDS = 6;
/**
 * Persons ranked per name query, at least (five times what is shown). More than that match only a
 * name that many people share, and then they rank alike: measured over 1,000,000 persons, 300
 * found the person sought no more often than 100, and cost more.
 */
const NAME_CANDIDATES = 100;

/** Finding persons: the search box, the duplicate check and the match of a public applicant. */
export function createPeopleSearchService(db: Database, deps: { crypto: Crypto }) {
  const repo = createPeopleRepository(db);
  const findLikelyDuplicates = createDuplicateCheck(db, deps);

  return {
    findLikelyDuplicates,

    /**
     * One box: a phone number, an identifier (exact, through its keyed hash) or names in any
     * script and common spelling; ranked, and limited to what the user may see.
     */
    async searchPeople(actor: Actor, query: SearchQuery): Promise<{ items: PersonHit[] }> {
      const filters: PersonFilters = {
        ...(query.oblast ? { oblast: query.oblast } : {}),
        ...(query.populationGroup ? { populationGroup: query.populationGroup } : {}),
        ...(query.vulnerability ? { vulnerability: query.vulnerability } : {}),
        ...(query.disability ? { disability: query.disability === 'true' } : {}),
        ...(query.minHouseholdSize ? { minHouseholdSize: query.minHouseholdSize } : {}),
        ...(can(actor, 'people.read', { organisationId: null })
          ? {}
          : { organisationId: actor.organisationId }),
        oblastScope: actor.oblastScope,
      };
      const q = (query.q ?? '').trim();
      const limit = query.limit;
      let rows: PersonHitRow[] = [];
      let matchedOn: PersonHit['matchedOn'] = 'filters';
      const phoneE164 =
        /\d{6,}/.test(q.replace(/\D/g, '')) && !/\p{L}/u.test(q) ? normaliseUkrainianPhone(q) : null;
      if (q === '') {
        rows = await repo.searchByFilters(actor.tenantId, filters, limit);
      } else if (phoneE164) {
        rows = await repo.searchByPhone(actor.tenantId, phoneE164, filters, limit);
        matchedOn = 'phone';
      }
      if (q !== '' && rows.length === 0 && /\d/.test(q)) {
        const types: IdentifierType[] = ['tax_number', 'passport', 'idp_certificate', 'birth_certificate'];
        const hashes = types.map((t) =>
          deps.crypto.keyedHash(canonicalIdentifier(t, q), identifierPurpose(t)),
        );
        rows = await repo.searchByIdentifierHash(actor.tenantId, hashes, filters, limit);
        matchedOn = 'identifier';
      }
      const nameWords = queryNameWords(q).slice(0, MAX_NAME_WORDS);
      if (rows.length === 0 && nameWords.length > 0) {
        matchedOn = 'name';
        const keySets = await resolveQueryWords(nameWords, {
          find: (keys, prefixGroups, n) => repo.findSearchTerms(actor.tenantId, keys, prefixGroups, n),
          similar: (words, n) => repo.similarSearchTerms(actor.tenantId, words, n),
        });
        // Candidates by exact keys, at most a few hundred (a surname alone names thousands), ranked here.
        rows = keySets
          ? await repo.searchByKeySets(
              actor.tenantId,
              pairKeySets(keySets),
              filters,
              Math.max(limit * 5, NAME_CANDIDATES),
            )
          : [];
      }
      const rank = matchedOn === 'name' ? nameRanker(nameWords) : () => 1;
      const shown = rows
        .map((r) => ({
          row: r,
          score: rank({ familyName: r.family_name, givenName: r.given_name, patronymic: r.patronymic }),
        }))
        .sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1))
        .slice(0, limit);
      const sizes = await repo.householdSizes(actor.tenantId, [
        ...new Set(shown.map((h) => h.row.household_id).filter((h): h is string => !!h)),
      ]);
      const items = shown.map(({ row: r, score }) => ({
        id: r.id,
        familyName: r.family_name,
        givenName: r.given_name,
        patronymic: r.patronymic,
        birthDate: r.birth_date,
        sex: r.sex,
        currentPcode: r.current_pcode,
        householdSize: r.household_id ? (sizes.get(r.household_id) ?? null) : null,
        score,
        matchedOn,
      }));
      return { items };
    },

    /**
     * The registry's record of someone who applied through a public form, when the matching
     * engine is certain it is them (a link, not a maybe): its id, else null. Searches the whole
     * registry; the caller shows the applicant nothing of what was found.
     */
    async findCertainMatch(tenantId: string, p: PublicApplicant): Promise<string | null> {
      const registry: Actor = actorWithoutUser({
        tenantId,
        organisationId: '00000000-0000-0000-0000-000000000000',
        roles: ['registration_officer'],
        label: 'public form',
      });
      const { candidates } = await findLikelyDuplicates(registry, {
        familyName: p.familyName,
        givenName: p.givenName,
        patronymic: p.patronymic,
        birthDate: p.birthDate,
        sex: p.sex,
        phones: p.phones,
        taxNumber: null,
        limit: 1,
      });
      const best = candidates[0];
      if (best?.decision !== 'link') return null;
      // A record merged into another is the same person as the one it points at.
      const row = await repo.findPerson(tenantId, best.personId);
      return row?.merged_into ?? best.personId;
    },
  };
}

/** What a public form tells about the person applying, for matching them to the registry. */
export interface PublicApplicant {
  familyName: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string | null;
  sex: 'F' | 'M' | 'other' | 'unknown';
  phones: string[];
}
