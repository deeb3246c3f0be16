import type { ConsentPurpose } from '@oselia/contracts';
import { consentPurpose } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import type { PersonRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { createAssistanceReachRepository } from './assistance.reach.repository.ts';
import { scopeOf, toAssistance, toConsent } from './people.mapper.ts';
import { createPeopleRepository } from './people.repository.ts';
import { type ConsentInput, consentRow } from './people.service.ts';
import { FieldProblems } from './people.validation.ts';

export interface AssistanceInput {
  type: string;
  date: string;
  projectCode: string | null;
  placePcode: string | null;
  valueMinor: number | null;
  currency: string | null;
  modality: 'cash' | 'voucher' | 'in_kind' | 'service';
  note: string | null;
}

/** What other modules hear when a consent is recorded, inside the transaction that records it. */
export interface ConsentRecorded {
  tenantId: string;
  personId: string;
  purpose: ConsentPurpose;
  status: 'given' | 'withdrawn';
  actor: Actor;
}
export type ConsentListener = (trx: Database, event: ConsentRecorded) => Promise<void>;

/** Consent, and the assistance ledger it guards. */
export function createConsentService(
  db: Database,
  deps: { audit: AuditService; places: Pick<PlacesService, 'isKnownPlace'> },
) {
  const repo = createPeopleRepository(db);
  const reach = createAssistanceReachRepository(db);
  const consentListeners: ConsentListener[] = [];

  async function loadPerson(
    actor: Actor,
    personId: string,
    action: 'people.read' | 'people.consent.write' | 'assistance.write' | 'assistance.read',
  ) {
    const person = await repo.findPerson(actor.tenantId, personId);
    if (!person) throw notFound('person');
    assertCan(actor, action, scopeOf(person));
    return person;
  }

  /**
   * The one question other modules ask: does this person's consent for this purpose hold now?
   * The latest record wins, so a withdrawal takes effect at once.
   */
  async function consentHolds(
    tenantId: string,
    personId: string,
    purpose: ConsentPurpose,
    organisationId: string | null = null,
  ) {
    const latest = await repo.latestConsent(
      tenantId,
      personId,
      purpose,
      purpose === 'data_sharing' ? organisationId : null,
    );
    return latest?.status === 'given';
  }

  async function requireConsent(
    tenantId: string,
    personId: string,
    purpose: ConsentPurpose,
    organisationId: string | null = null,
  ) {
    if (!(await consentHolds(tenantId, personId, purpose, organisationId))) {
      throw new AppError(
        'UNPROCESSABLE',
        `the person has not given (or has withdrawn) consent for ${purpose.replace('_', ' ')}`,
        {
          consentRequired: purpose,
        },
      );
    }
  }

  /** A ledger row and its audit entry, written inside the caller's transaction. */
  async function insertAssistanceRow(
    trx: Database,
    actor: Actor,
    person: Pick<PersonRow, 'id' | 'household_id' | 'current_pcode'>,
    input: AssistanceInput,
    source: string,
  ) {
    const inserted = await createPeopleRepository(trx).insertAssistance({
      tenant_id: actor.tenantId,
      id: uuidv7(),
      person_id: person.id,
      household_id: person.household_id,
      type: input.type,
      date: input.date,
      project_code: input.projectCode,
      place_pcode: input.placePcode ?? person.current_pcode,
      value_minor: input.valueMinor,
      currency: input.currency,
      modality: input.modality,
      source,
      note: input.note,
      created_by: actor.userId,
    });
    await deps.audit.recordAudit(
      {
        tenantId: actor.tenantId,
        actor,
        action: 'assistance.recorded',
        entityType: 'person',
        entityId: person.id,
        after: toAssistance(inserted),
      },
      trx,
    );
    return inserted;
  }

  return {
    consentHolds,
    /**
     * Hear of every consent recorded, in the same transaction: withdrawing consent to story
     * publication takes the person's stories down at once, or the withdrawal is not recorded.
     */
    onConsentRecorded(listener: ConsentListener) {
      consentListeners.push(listener);
    },

    /**
     * People reached, from the ledger: distinct people per oblast, group of assistance types
     * (`groups`: key → types; any other type counts in `otherGroup`), sex and age band. Aggregates
     * only, for public figures (which go through disclosure control before anyone sees them).
     */
    reachCounts(tenantId: string, groups: Readonly<Record<string, readonly string[]>>, otherGroup: string) {
      return reach.reachCounts(tenantId, groups, otherGroup);
    },

    requireConsent,

    /**
     * What a person (and any record merged into it) received on or after a day, newest first.
     * Other modules' eligibility checks ask this, never the ledger's table.
     */
    async assistanceReceivedSince(tenantId: string, personId: string, since: string) {
      const ids = [personId, ...(await repo.mergedIds(tenantId, personId))];
      const rows = await repo.listAssistanceSince(tenantId, ids, since);
      return rows.map((r) => ({ personId: r.person_id as string, date: r.date, type: r.type }));
    },

    async recordConsent(actor: Actor, personId: string, input: ConsentInput) {
      await loadPerson(actor, personId, 'people.consent.write');
      if (input.purpose === 'data_sharing' && !input.organisationId) {
        const problems = new FieldProblems();
        problems.add('organisationId', 'data sharing needs the organisation it is shared with');
        problems.throwIfAny();
      }
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await createPeopleRepository(trx).insertConsent(consentRow(actor, personId, input));
        for (const listener of consentListeners) {
          await listener(trx, {
            tenantId: actor.tenantId,
            personId,
            purpose: input.purpose,
            status: input.status,
            actor,
          });
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: `consent.${input.status}`,
            entityType: 'person',
            entityId: personId,
            after: toConsent(inserted),
          },
          trx,
        );
        return inserted;
      });
      return toConsent(row);
    },

    async describeConsent(actor: Actor, personId: string) {
      await loadPerson(actor, personId, 'people.read');
      const history = (await repo.listConsents(actor.tenantId, personId)).map(toConsent);
      const current = new Map<
        string,
        { purpose: ConsentPurpose; organisationId: string | null; holds: boolean; since: string | null }
      >();
      for (const c of history) {
        const key = `${c.purpose}:${c.organisationId ?? ''}`;
        if (!current.has(key))
          current.set(key, {
            purpose: c.purpose,
            organisationId: c.organisationId,
            holds: c.status === 'given',
            since: c.recordedAt,
          });
      }
      for (const purpose of consentPurpose.options) {
        if (purpose !== 'data_sharing' && !current.has(`${purpose}:`))
          current.set(`${purpose}:`, { purpose, organisationId: null, holds: false, since: null });
      }
      return { current: [...current.values()], history };
    },

    /** A row in the ledger; assistance needs the person's consent for assistance. */
    async recordAssistance(actor: Actor, personId: string, input: AssistanceInput, source = 'manual') {
      const person = await loadPerson(actor, personId, 'assistance.write');
      await requireConsent(actor.tenantId, personId, 'assistance');
      const problems = new FieldProblems();
      if ((input.valueMinor === null) !== (input.currency === null)) {
        problems.add(
          input.currency === null ? 'currency' : 'valueMinor',
          'a value needs its currency, and a currency its value',
        );
      }
      if (input.placePcode && !(await deps.places.isKnownPlace(input.placePcode))) {
        problems.add('placePcode', `unknown P-code ${input.placePcode}`);
      }
      if (input.date > new Date().toISOString().slice(0, 10))
        problems.add('date', 'the date is in the future');
      problems.throwIfAny();
      const row = await db
        .transaction()
        .execute((trx) => insertAssistanceRow(trx, actor, person, input, source));
      return toAssistance(row);
    },

    async listAssistance(actor: Actor, personId: string, q: { cursor?: string; limit: number }) {
      await loadPerson(actor, personId, 'assistance.read');
      const before = decodeCursor(q.cursor, 2);
      // After a merge, what the duplicate record received is this person's history too.
      const alsoPersonIds = await repo.mergedIds(actor.tenantId, personId);
      const rows = await repo.listAssistance(
        actor.tenantId,
        { personId, alsoPersonIds },
        before ? { date: String(before[0]), id: String(before[1]) } : undefined,
        q.limit,
      );
      const page = pageFrom(rows, q.limit, (r) => [r.date, r.id]);
      return { items: page.items.map(toAssistance), next: page.next };
    },

    /**
     * A row in the ledger written inside the caller's transaction, for another module whose own
     * policy allowed the act (a facilitator recording attendance). Consent for assistance is still
     * required; the caller has checked the place. Returns the row's id.
     */
    async recordAssistanceWithin(
      trx: Database,
      actor: Actor,
      personId: string,
      input: AssistanceInput,
      source: string,
    ): Promise<string> {
      const r = createPeopleRepository(trx);
      const person = await r.findPerson(actor.tenantId, personId);
      if (!person) throw notFound('person');
      const consent = await r.latestConsent(actor.tenantId, personId, 'assistance', null);
      if (consent?.status !== 'given') {
        throw new AppError(
          'UNPROCESSABLE',
          'the person has not given (or has withdrawn) consent for assistance',
          {
            consentRequired: 'assistance',
            personId,
          },
        );
      }
      return (await insertAssistanceRow(trx, actor, person, input, source)).id;
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
