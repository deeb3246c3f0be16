import type {
  CreatePersonBody,
  createPersonBody,
  IdentifierType,
  PersonHit,
  personSearchQuery,
  updatePersonBody,
  WashingtonGroup,
} from '@oselia/contracts';
import { type PersonRecord, transliterateKmu2010 } from '@oselia/matching';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { PersonRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertCan, can } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { createDuplicateCheck } from './people.duplicates.ts';
import { personForAudit, toMatchRecord, toPerson } from './people.mapper.ts';
import { createPeopleRepository, type PersonFilters, type PersonHitRow } from './people.repository.ts';
import {
  canonicalIdentifier,
  hasDisability,
  identifierPurpose,
  maskIdentifier,
  normaliseUkrainianPhone,
} from './people.rules.ts';
import {
  nameRanker,
  pairKeySets,
  personSearchKeys,
  queryNameWords,
  resolveQueryWords,
  searchText,
} from './people.search.ts';
import { canonicalIdentifiers, checkDates, FieldProblems, normalisePhones } from './people.validation.ts';

export type NewPerson = z.output<typeof createPersonBody>;
export type PersonPatch = z.output<typeof updatePersonBody>;
type SearchQuery = z.output<typeof personSearchQuery>;

/** Words of a name query that count (a full name with a double surname has five). */
const MAX_NAME_WORDS = 6;
/**
 * Persons ranked per name query, at least (five times what is shown). More than that match only a
 * name that many people share, and then they rank alike: measured over 1,000,000 persons, 300
 * found the person sought no more often than 100, and cost more.
 */
const NAME_CANDIDATES = 100;

export interface PeopleDeps {
  crypto: Crypto;
  audit: AuditService;
  places: Pick<PlacesService, 'isKnownPlace'>;
}

export type ConsentInput = NewPerson['consents'][number];

/** A consent record as the ledger of consent keeps it: who recorded it, when, how. */
export function consentRow(actor: Actor, personId: string, c: ConsentInput) {
  return {
    tenant_id: actor.tenantId,
    id: uuidv7(),
    person_id: personId,
    purpose: c.purpose,
    status: c.status,
    method: c.method,
    organisation_id: c.organisationId,
    note: c.note,
    recorded_by: actor.userId,
    recorded_by_label: actor.label,
  };
}

/** A person's scope facts, for the policy checks. */
export const scopeOf = (p: Pick<PersonRow, 'registered_by_org' | 'current_pcode'>) => ({
  organisationId: p.registered_by_org,
  oblastPcode: p.current_pcode,
});

export function createPeopleService(db: Database, deps: PeopleDeps) {
  const repo = createPeopleRepository(db);
  const findLikelyDuplicates = createDuplicateCheck(db, deps);

  /** An identifier as stored: encrypted, with its keyed hash for exact lookup and a masked form. */
  function identifierRow(actor: Actor, personId: string, i: { type: IdentifierType; canonical: string }) {
    return {
      tenant_id: actor.tenantId,
      id: uuidv7(),
      person_id: personId,
      type: i.type,
      value_encrypted: deps.crypto.encrypt(i.canonical),
      value_hash: deps.crypto.keyedHash(i.canonical, identifierPurpose(i.type)),
      masked: maskIdentifier(i.canonical),
      created_by: actor.userId,
    };
  }

  async function checkPlaces(
    problems: FieldProblems,
    values: Partial<Record<'originPcode' | 'currentPcode', string | null>>,
  ) {
    for (const field of ['originPcode', 'currentPcode'] as const) {
      const code = values[field];
      if (code && !(await deps.places.isKnownPlace(code))) problems.add(field, `unknown P-code ${code}`);
    }
  }

  function nameColumns(p: { familyName: string; givenName: string; patronymic: string | null }) {
    return {
      family_name: p.familyName,
      given_name: p.givenName,
      patronymic: p.patronymic,
      family_name_latin: transliterateKmu2010(p.familyName),
      given_name_latin: transliterateKmu2010(p.givenName),
      patronymic_latin: p.patronymic === null ? null : transliterateKmu2010(p.patronymic),
      search_keys: personSearchKeys(p),
      search_text: searchText(p),
    };
  }

  /** Checks a new person; returns the row to insert and the identifiers to store. */
  async function preparePerson(actor: Actor, input: NewPerson, prefix = '') {
    const problems = new FieldProblems();
    checkDates(problems, input);
    const phones = normalisePhones(problems, input.phones);
    await checkPlaces(problems, input);
    const ids = canonicalIdentifiers(problems, input.identifiers);
    problems.throwIfAny(prefix);
    const id = uuidv7();
    const row = {
      tenant_id: actor.tenantId,
      id,
      ...nameColumns(input),
      birth_date: input.birthDate,
      birth_date_precision: input.birthDatePrecision,
      sex: input.sex,
      phones,
      population_group: input.populationGroup,
      origin_pcode: input.originPcode,
      current_pcode: input.currentPcode,
      displacement_date: input.displacementDate,
      washington_group: input.washingtonGroup ? JSON.stringify(input.washingtonGroup) : null,
      disability: hasDisability(input.washingtonGroup),
      vulnerabilities: [...new Set(input.vulnerabilities)],
      household_id: null as string | null,
      relationship_to_head: null as string | null,
      registered_by_org: actor.organisationId,
      created_by: actor.userId,
      updated_by: actor.userId,
    };
    const identifiers = ids.map((i) => identifierRow(actor, id, i));
    const consents = input.consents.map((c) => consentRow(actor, id, c));
    return { row, identifiers, consents };
  }

  async function loadPerson(
    actor: Actor,
    id: string,
    action: 'people.read' | 'people.write' = 'people.read',
  ) {
    const row = await repo.findPerson(actor.tenantId, id);
    if (!row) throw notFound('person');
    assertCan(actor, action, scopeOf(row));
    return row;
  }

  return {
    preparePerson,
    findLikelyDuplicates,

    /** Inserts a prepared person inside the caller's transaction. */
    async insertPreparedPerson(
      trx: Database,
      actor: Actor,
      prepared: Awaited<ReturnType<typeof preparePerson>>,
    ) {
      const r = createPeopleRepository(trx);
      const row = await r.insertPerson(prepared.row);
      await r.insertIdentifiers(prepared.identifiers);
      for (const c of prepared.consents) await r.insertConsent(c);
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action: 'person.created',
          entityType: 'person',
          entityId: row.id,
          after: personForAudit(row),
          meta: { consents: prepared.consents.map((c) => `${c.purpose}:${c.status}`) },
        },
        trx,
      );
      return row;
    },

    async registerPerson(actor: Actor, input: NewPerson) {
      const prepared = await preparePerson(actor, input);
      const row = await db.transaction().execute((trx) => this.insertPreparedPerson(trx, actor, prepared));
      return toPerson(row, await repo.listIdentifiers(actor.tenantId, row.id));
    },

    /** Opening a person's record is itself recorded in the audit log. */
    async getPerson(actor: Actor, id: string) {
      const row = await loadPerson(actor, id);
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'person',
        entityId: id,
        action: 'person.read',
      });
      return toPerson(row, await repo.listIdentifiers(actor.tenantId, id));
    },

    async updatePerson(actor: Actor, id: string, patch: PersonPatch) {
      const before = await loadPerson(actor, id, 'people.write');
      const problems = new FieldProblems();
      const merged = {
        familyName: patch.familyName ?? before.family_name,
        givenName: patch.givenName ?? before.given_name,
        patronymic: patch.patronymic !== undefined ? patch.patronymic : before.patronymic,
      };
      checkDates(problems, {
        birthDate: patch.birthDate !== undefined ? patch.birthDate : before.birth_date,
        displacementDate:
          patch.displacementDate !== undefined ? patch.displacementDate : before.displacement_date,
      });
      const phones = patch.phones === undefined ? undefined : normalisePhones(problems, patch.phones);
      await checkPlaces(problems, patch);
      problems.throwIfAny();
      return db.transaction().execute(async (trx) => {
        const r = createPeopleRepository(trx);
        const after = await r.updatePerson(actor.tenantId, id, patch.version, {
          ...nameColumns(merged),
          ...(patch.birthDate !== undefined ? { birth_date: patch.birthDate } : {}),
          ...(patch.birthDatePrecision !== undefined
            ? { birth_date_precision: patch.birthDatePrecision }
            : {}),
          ...(patch.sex !== undefined ? { sex: patch.sex } : {}),
          ...(phones !== undefined ? { phones } : {}),
          ...(patch.populationGroup !== undefined ? { population_group: patch.populationGroup } : {}),
          ...(patch.originPcode !== undefined ? { origin_pcode: patch.originPcode } : {}),
          ...(patch.currentPcode !== undefined ? { current_pcode: patch.currentPcode } : {}),
          ...(patch.displacementDate !== undefined ? { displacement_date: patch.displacementDate } : {}),
          ...(patch.washingtonGroup !== undefined
            ? {
                washington_group: patch.washingtonGroup ? JSON.stringify(patch.washingtonGroup) : null,
                disability: hasDisability(patch.washingtonGroup as WashingtonGroup | null),
              }
            : {}),
          ...(patch.vulnerabilities !== undefined
            ? { vulnerabilities: [...new Set(patch.vulnerabilities)] }
            : {}),
          updated_by: actor.userId,
        });
        if (!after) {
          const current = (await r.findPerson(actor.tenantId, id))!;
          throw new AppError(
            'VERSION_CONFLICT',
            'someone else saved this person meanwhile: compare and apply your changes again',
            {
              current: toPerson(current, await r.listIdentifiers(actor.tenantId, id)),
            },
          );
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'person.updated',
            entityType: 'person',
            entityId: id,
            before: personForAudit(before),
            after: personForAudit(after),
          },
          trx,
        );
        return toPerson(after, await r.listIdentifiers(actor.tenantId, id));
      });
    },

    async addIdentifier(actor: Actor, personId: string, input: { type: IdentifierType; value: string }) {
      await loadPerson(actor, personId, 'people.write');
      const problems = new FieldProblems();
      const [id] = canonicalIdentifiers(problems, [input]);
      problems.throwIfAny();
      const row = identifierRow(actor, personId, id!);
      await db.transaction().execute(async (trx) => {
        await createPeopleRepository(trx).insertIdentifiers([row]);
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'person.identifier_added',
            entityType: 'person',
            entityId: personId,
            meta: { type: row.type, masked: row.masked },
          },
          trx,
        );
      });
      return toPerson(
        (await repo.findPerson(actor.tenantId, personId))!,
        await repo.listIdentifiers(actor.tenantId, personId),
      );
    },

    /** The records the matching engine compares: everyone not already merged into someone else. */
    async listMatchRecords(tenantId: string): Promise<PersonRecord[]> {
      const rows = await repo.listMatchRecords(tenantId);
      return rows.map(toMatchRecord);
    },

    /** Both records of a proposed pair, for side-by-side review (no read audit: the caller logs the review). */
    async getPeopleForReview(actor: Actor, ids: string[]) {
      return Promise.all(
        ids.map(async (id) => {
          const row = await loadPerson(actor, id);
          return toPerson(row, await repo.listIdentifiers(actor.tenantId, id));
        }),
      );
    },

    /**
     * Marks `mergedId` as the same person as `survivorId`. Nothing is moved or deleted: the merged
     * record points at the survivor, so its identifiers, consent and assistance stay, and the merge
     * can be undone.
     */
    async mergePersons(trx: Database, actor: Actor, survivorId: string, mergedId: string) {
      const r = createPeopleRepository(trx);
      const [survivor, merged] = [
        await r.findPerson(actor.tenantId, survivorId),
        await r.findPerson(actor.tenantId, mergedId),
      ];
      if (!survivor || !merged) throw notFound('person');
      assertCan(actor, 'people.write', scopeOf(survivor));
      assertCan(actor, 'people.write', scopeOf(merged));
      if (survivor.merged_into || merged.merged_into)
        throw new AppError('CONFLICT', 'one of the records is already merged into another');
      await r.setMergedInto(actor.tenantId, mergedId, survivorId);
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action: 'person.merged',
          entityType: 'person',
          entityId: mergedId,
          before: { mergedInto: null },
          after: { mergedInto: survivorId },
        },
        trx,
      );
    },

    async undoMerge(trx: Database, actor: Actor, mergedId: string) {
      const r = createPeopleRepository(trx);
      const merged = await r.findPerson(actor.tenantId, mergedId);
      if (!merged) throw notFound('person');
      assertCan(actor, 'people.write', scopeOf(merged));
      if (!merged.merged_into) throw new AppError('CONFLICT', 'this record is not merged');
      await r.setMergedInto(actor.tenantId, mergedId, null);
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action: 'person.merge_undone',
          entityType: 'person',
          entityId: mergedId,
          before: { mergedInto: merged.merged_into },
          after: { mergedInto: null },
        },
        trx,
      );
    },

    /** Shows an identifier in full; only some roles may, and every reveal is logged. */
    async revealIdentifier(actor: Actor, personId: string, identifierId: string) {
      const person = await loadPerson(actor, personId);
      assertCan(actor, 'people.identifiers.reveal', scopeOf(person));
      const row = await repo.findIdentifier(actor.tenantId, personId, identifierId);
      if (!row) throw notFound('identifier');
      await deps.audit.recordAudit({
        tenantId: actor.tenantId,
        actor,
        action: 'person.identifier_revealed',
        entityType: 'person',
        entityId: personId,
        meta: { identifierId, type: row.type },
      });
      return {
        id: row.id,
        type: row.type,
        masked: row.masked,
        createdAt: new Date(row.created_at).toISOString(),
        value: deps.crypto.decrypt(row.value_encrypted),
      };
    },

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
      const registry: Actor = {
        userId: null as unknown as string,
        tenantId,
        organisationId: '00000000-0000-0000-0000-000000000000',
        roles: ['registration_officer'],
        projectScope: null,
        oblastScope: null,
        label: 'public form',
      };
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

    /** Records a consent inside the caller's transaction (a public form's consent, for instance). */
    async recordConsentWithin(trx: Database, actor: Actor, personId: string, input: ConsentInput) {
      await createPeopleRepository(trx).insertConsent(consentRow(actor, personId, input));
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action: `consent.${input.status}`,
          entityType: 'person',
          entityId: personId,
          meta: { purpose: input.purpose, method: input.method },
        },
        trx,
      );
    },

    /** Names as written, for lists another module shows to those its policy lets see them. */
    async namesOf(tenantId: string, ids: string[]) {
      const rows = await repo.findNames(tenantId, [...new Set(ids)]);
      return new Map(
        rows.map((r) => [
          r.id,
          { familyName: r.family_name, givenName: r.given_name, patronymic: r.patronymic },
        ]),
      );
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

export type PeopleService = ReturnType<typeof createPeopleService>;
export type { CreatePersonBody };
