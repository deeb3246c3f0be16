import type { createHouseholdBody, Household } from '@oselia/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { scopeOf } from './people.mapper.ts';
import { createPeopleRepository } from './people.repository.ts';
import { ageBandOf } from './people.rules.ts';
import type { PeopleService } from './people.service.ts';
import { FieldProblems } from './people.validation.ts';

type NewHousehold = z.output<typeof createHouseholdBody>;

export function createHouseholdsService(
  db: Database,
  deps: { audit: AuditService; people: PeopleService; places: Pick<PlacesService, 'isKnownPlace'> },
) {
  const repo = createPeopleRepository(db);

  async function describeHousehold(tenantId: string, id: string, tx: Database = db): Promise<Household> {
    const r = createPeopleRepository(tx);
    const h = await r.findHousehold(tenantId, id);
    if (!h) throw notFound('household');
    const members = await r.currentMembers(tenantId, id);
    return {
      id: h.id,
      version: h.version,
      address: h.address,
      currentPcode: h.current_pcode,
      headPersonId: h.head_person_id,
      size: members.length,
      createdAt: iso(h.created_at),
      members: members.map((m) => ({
        personId: m.person_id,
        relationship: m.relationship as Household['members'][number]['relationship'],
        since: iso(m.valid_from),
        person: {
          id: m.id,
          familyName: m.family_name,
          givenName: m.given_name,
          patronymic: m.patronymic,
          birthDate: m.birth_date,
          sex: m.sex,
          disability: m.disability,
          ageBand: ageBandOf(m.birth_date),
        },
      })),
    };
  }

  return {
    /** A household and all its members in one transaction: all are registered, or none. */
    async registerHousehold(actor: Actor, input: NewHousehold) {
      const heads = input.members.filter((m) => m.relationship === 'head').length;
      if (heads !== 1) {
        throw new AppError('VALIDATION_FAILED', 'a household has exactly one head', {
          fields: [{ field: 'members', message: `found ${heads} members marked as head` }],
        });
      }
      if (input.currentPcode && !(await deps.places.isKnownPlace(input.currentPcode))) {
        const problems = new FieldProblems();
        problems.add('currentPcode', `unknown P-code ${input.currentPcode}`);
        problems.throwIfAny();
      }
      const prepared: {
        relationship: string;
        person: Awaited<ReturnType<PeopleService['preparePerson']>>;
      }[] = [];
      for (const [i, m] of input.members.entries()) {
        prepared.push({
          relationship: m.relationship,
          person: await deps.people.preparePerson(
            actor,
            { ...m.person, currentPcode: m.person.currentPcode ?? input.currentPcode },
            `members.${i}.person.`,
          ),
        });
      }
      const householdId = uuidv7();
      await db.transaction().execute(async (trx) => {
        const r = createPeopleRepository(trx);
        await r.insertHousehold({
          tenant_id: actor.tenantId,
          id: householdId,
          address: input.address,
          current_pcode: input.currentPcode,
          head_person_id: null,
          registered_by_org: actor.organisationId,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        let headId: string | null = null;
        for (const m of prepared) {
          m.person.row.household_id = householdId;
          m.person.row.relationship_to_head = m.relationship;
          const row = await deps.people.insertPreparedPerson(trx, actor, m.person);
          await r.insertMembership({
            tenant_id: actor.tenantId,
            id: uuidv7(),
            household_id: householdId,
            person_id: row.id,
            relationship: m.relationship,
            recorded_by: actor.userId,
          });
          if (m.relationship === 'head') headId = row.id;
        }
        await r.bumpHouseholdVersion(actor.tenantId, householdId, 1, { head_person_id: headId });
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'household.created',
            entityType: 'household',
            entityId: householdId,
            meta: { members: prepared.length },
          },
          trx,
        );
      });
      return describeHousehold(actor.tenantId, householdId);
    },

    async getHousehold(actor: Actor, id: string) {
      const h = await repo.findHousehold(actor.tenantId, id);
      if (!h) throw notFound('household');
      assertCan(actor, 'people.read', { organisationId: h.registered_by_org, oblastPcode: h.current_pcode });
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'household',
        entityId: id,
        action: 'household.read',
      });
      return describeHousehold(actor.tenantId, id);
    },

    /**
     * Moves a person into this household. The old membership is closed, not deleted, so the
     * history of where someone lived stays.
     */
    async addMember(
      actor: Actor,
      householdId: string,
      body: { personId: string; relationship: string; version: number },
    ) {
      const h = await repo.findHousehold(actor.tenantId, householdId);
      if (!h) throw notFound('household');
      assertCan(actor, 'people.write', { organisationId: h.registered_by_org, oblastPcode: h.current_pcode });
      const person = await repo.findPerson(actor.tenantId, body.personId);
      if (!person) throw notFound('person');
      assertCan(actor, 'people.write', scopeOf(person));
      if (person.household_id === householdId)
        throw new AppError('CONFLICT', 'the person is already a member of this household');
      if (body.relationship === 'head' && h.head_person_id)
        throw new AppError('CONFLICT', 'the household has a head already');
      await db.transaction().execute(async (trx) => {
        const r = createPeopleRepository(trx);
        const bumped = await r.bumpHouseholdVersion(
          actor.tenantId,
          householdId,
          body.version,
          body.relationship === 'head' ? { head_person_id: person.id } : {},
        );
        if (!bumped)
          throw new AppError(
            'VERSION_CONFLICT',
            'someone else changed this household meanwhile: reload and try again',
          );
        if (person.household_id) {
          const old = await r.findHousehold(actor.tenantId, person.household_id);
          if (old?.head_person_id === person.id)
            await r.bumpHouseholdVersion(actor.tenantId, old.id, old.version, { head_person_id: null });
        }
        await r.endMembership(actor.tenantId, person.id);
        await r.insertMembership({
          tenant_id: actor.tenantId,
          id: uuidv7(),
          household_id: householdId,
          person_id: person.id,
          relationship: body.relationship,
          recorded_by: actor.userId,
        });
        await r.setPersonHousehold(actor.tenantId, person.id, householdId, body.relationship);
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'household.member_moved',
            entityType: 'person',
            entityId: person.id,
            before: { householdId: person.household_id },
            after: { householdId, relationship: body.relationship },
          },
          trx,
        );
      });
      return describeHousehold(actor.tenantId, householdId);
    },

    async membershipHistory(actor: Actor, personId: string) {
      const person = await repo.findPerson(actor.tenantId, personId);
      if (!person) throw notFound('person');
      assertCan(actor, 'people.read', scopeOf(person));
      const rows = await repo.membershipHistory(actor.tenantId, personId);
      return rows.map((r) => ({
        householdId: r.household_id,
        relationship: r.relationship,
        from: iso(r.valid_from),
        to: iso(r.valid_to),
      }));
    },
  };
}

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;
