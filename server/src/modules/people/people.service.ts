import type {
  CreatePersonBody,
  createPersonBody,
  IdentifierType,
  updatePersonBody,
  WashingtonGroup,
} from '@oselia/contracts';
import { transliterateKmu2010 } from '@oselia/matching';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { personForAudit, scopeOf, toPerson } from './people.mapper.ts';
import { createPeopleMergeService } from './people.merge.service.ts';
import { createPeopleRepository } from './people.repository.ts';
import { hasDisability, identifierPurpose, maskIdentifier } from './people.rules.ts';
import { createPeopleSearchService } from './people.search.service.ts';
import { personSearchKeys, searchText } from './people.search.ts';
import { canonicalIdentifiers, checkDates, FieldProblems, normalisePhones } from './people.validation.ts';

export type NewPerson = z.output<typeof createPersonBody>;
export type PersonPatch = z.output<typeof updatePersonBody>;

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

export function createPeopleService(db: Database, deps: PeopleDeps) {
  const repo = createPeopleRepository(db);

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
    ...createPeopleSearchService(db, deps),
    ...createPeopleMergeService(db, deps),

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

    /** Both records of a proposed pair, for side-by-side review (no read audit: the caller logs the review). */
    async getPeopleForReview(actor: Actor, ids: string[]) {
      return Promise.all(
        ids.map(async (id) => {
          const row = await loadPerson(actor, id);
          return toPerson(row, await repo.listIdentifiers(actor.tenantId, id));
        }),
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
        createdAt: iso(row.created_at),
        value: deps.crypto.decrypt(row.value_encrypted),
      };
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

export type PeopleService = ReturnType<typeof createPeopleService>;
export type { CreatePersonBody };
