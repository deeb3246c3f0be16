import type {
  createTrainingEventBody,
  FormDefinition,
  TrainingEvent,
  TrainingStatus,
  updateTrainingEventBody,
} from '@oselia/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import { FieldProblems } from '../people/people.validation.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEventsRepository, type EventRow } from './trainings.events.repository.ts';
import { missingCoreQuestions } from './trainings.form.ts';

type NewEvent = z.output<typeof createTrainingEventBody>;
type EventPatch = z.output<typeof updateTrainingEventBody>;

/** Status changes a manager may make. */
const TRANSITIONS: Record<TrainingStatus, readonly TrainingStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'cancelled'],
  cancelled: [],
};

/**
 * What editing uses of the events service. Declared rather than derived from EventsService, whose
 * type includes this file's methods.
 */
interface EventReads {
  loadRow(tenantId: string, id: string): Promise<EventRow>;
  present(tenantId: string, rows: EventRow[]): Promise<TrainingEvent[]>;
  enrolmentDefinition(
    tenantId: string,
    form: { formId: string; version: number } | null,
  ): Promise<FormDefinition>;
}

/** Creating and changing training events: checks, sessions, facilitators, status changes. */
export function createEventEditingService(db: Database, deps: TrainingsDeps, events: EventReads) {
  const repo = createEventsRepository(db);
  const { loadRow, present, enrolmentDefinition } = events;

  /** Every problem with an event as it would be saved, at once. */
  async function check(
    actor: Actor,
    e: Omit<NewEvent, 'facilitators'> & { facilitators?: NewEvent['facilitators'] },
  ) {
    const p = new FieldProblems();
    const quotaCodes = new Set<string>();
    let percent = 0;
    e.quotas.forEach((q, i) => {
      if (quotaCodes.has(q.code)) p.add(`quotas.${i}.code`, `quota ${q.code} is declared twice`);
      quotaCodes.add(q.code);
      percent += q.percent;
      if (e.targetGroups.length > 0 && q.populationGroups.some((g) => !e.targetGroups.includes(g)))
        p.add(`quotas.${i}.populationGroups`, 'a quota may keep seats only for the target groups');
    });
    if (percent > 100)
      p.add('quotas', `the quotas keep ${percent} % of the seats; at most 100 % can be kept`);
    if (e.ageMin !== null && e.ageMax !== null && e.ageMin > e.ageMax)
      p.add('ageMax', 'the upper age limit is below the lower one');
    if (!(await deps.places.isKnownPlace(e.placePcode)))
      p.add('placePcode', `unknown P-code ${e.placePcode}`);
    const users = (e.facilitators ?? []).flatMap((f, i) => ('userId' in f ? [{ i, userId: f.userId }] : []));
    const names = new Map<string, string>();
    for (const { i, userId } of users) {
      try {
        const u = await deps.users.getUser(actor.tenantId, userId);
        names.set(userId, u.displayName);
      } catch {
        p.add(`facilitators.${i}.userId`, 'no such user');
      }
    }
    if (e.enrolmentForm) {
      try {
        const missing = missingCoreQuestions(await enrolmentDefinition(actor.tenantId, e.enrolmentForm));
        if (missing.length > 0)
          p.add(
            'enrolmentForm',
            `the form must ask ${missing.join(', ')} (selection and the registry need them)`,
          );
      } catch {
        p.add('enrolmentForm', 'no such form version');
      }
    }
    p.throwIfAny();
    return names;
  }

  const span = (sessions: { date: string }[]) => {
    const dates = sessions.map((s) => s.date).sort();
    return { starts_on: dates[0]!, ends_on: dates.at(-1)! };
  };

  const facilitatorRows = (
    actor: Actor,
    eventId: string,
    list: NewEvent['facilitators'],
    names: Map<string, string>,
  ) =>
    list.map((f) => ({
      tenant_id: actor.tenantId,
      id: uuidv7(),
      event_id: eventId,
      user_id: 'userId' in f ? f.userId : null,
      name: 'userId' in f ? (names.get(f.userId) ?? '') : f.name,
    }));

  return {
    async createEvent(actor: Actor, input: NewEvent) {
      assertCan(actor, 'trainings.manage');
      const names = await check(actor, input);
      const id = uuidv7();
      const row = await db.transaction().execute(async (trx) => {
        const r = createEventsRepository(trx);
        const inserted = await r.insertEvent({
          tenant_id: actor.tenantId,
          id,
          title: JSON.stringify(input.title),
          description: JSON.stringify(input.description),
          topics: [...new Set(input.topics)],
          project_code: input.projectCode,
          place_pcode: input.placePcode,
          venue: input.venue,
          ...span(input.sessions),
          capacity: input.capacity,
          target_groups: [...new Set(input.targetGroups)],
          age_min: input.ageMin,
          age_max: input.ageMax,
          quotas: JSON.stringify(input.quotas),
          fill_unused_quotas: input.fillUnusedQuotas,
          completion_min_percent: input.completion.minAttendancePercent,
          form_id: input.enrolmentForm?.formId ?? null,
          form_version: input.enrolmentForm?.version ?? null,
          enrolment_closes_on: input.enrolmentClosesOn,
          organisation_id: actor.organisationId,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await r.insertSessions(
          [...input.sessions]
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .map((s, i) => ({
              tenant_id: actor.tenantId,
              id: uuidv7(),
              event_id: id,
              seq: i + 1,
              date: s.date,
              title: s.title ? JSON.stringify(s.title) : null,
              minutes: s.minutes,
            })),
        );
        await r.replaceFacilitators(
          actor.tenantId,
          id,
          facilitatorRows(actor, id, input.facilitators, names),
        );
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.created',
            entityType: 'training_event',
            entityId: id,
            after: { title: input.title, projectCode: input.projectCode, capacity: input.capacity },
          },
          trx,
        );
        return inserted;
      });
      return (await present(actor.tenantId, [row]))[0]!;
    },

    async updateEvent(actor: Actor, id: string, patch: EventPatch) {
      assertCan(actor, 'trainings.manage');
      const before = (await present(actor.tenantId, [await loadRow(actor.tenantId, id)]))[0]!;
      if (
        patch.status &&
        patch.status !== before.status &&
        !TRANSITIONS[before.status].includes(patch.status)
      )
        throw new AppError('CONFLICT', `a ${before.status} training cannot become ${patch.status}`);
      const merged = {
        title: patch.title ?? before.title,
        description: patch.description ?? before.description,
        topics: patch.topics ?? before.topics,
        projectCode: patch.projectCode ?? before.projectCode,
        placePcode: patch.placePcode ?? before.placePcode,
        venue: patch.venue !== undefined ? patch.venue : before.venue,
        capacity: patch.capacity ?? before.capacity,
        targetGroups: patch.targetGroups ?? before.targetGroups,
        ageMin: patch.ageMin !== undefined ? patch.ageMin : before.ageMin,
        ageMax: patch.ageMax !== undefined ? patch.ageMax : before.ageMax,
        quotas: patch.quotas ?? before.quotas,
        fillUnusedQuotas: patch.fillUnusedQuotas ?? before.fillUnusedQuotas,
        completion: patch.completion ?? before.completion,
        sessions: patch.sessions ?? before.sessions,
        enrolmentForm: patch.enrolmentForm !== undefined ? patch.enrolmentForm : before.enrolmentForm,
        enrolmentClosesOn:
          patch.enrolmentClosesOn !== undefined ? patch.enrolmentClosesOn : before.enrolmentClosesOn,
      };
      const names = await check(actor, {
        ...merged,
        ...(patch.facilitators ? { facilitators: patch.facilitators } : {}),
      });
      const sessionPlan = patch.sessions
        ? (() => {
            const known = new Set(before.sessions.map((s) => s.id));
            const p = new FieldProblems();
            patch.sessions.forEach((s, i) => {
              if (s.id && !known.has(s.id)) p.add(`sessions.${i}.id`, 'not a session of this training');
            });
            p.throwIfAny();
            const kept = new Set(patch.sessions.flatMap((s) => (s.id ? [s.id] : [])));
            return { removed: before.sessions.filter((s) => !kept.has(s.id)).map((s) => s.id) };
          })()
        : null;
      if (sessionPlan) {
        const recorded = await repo.sessionsWithAttendance(actor.tenantId, sessionPlan.removed);
        if (recorded.size > 0)
          throw new AppError('CONFLICT', 'a session with attendance recorded cannot be removed', {
            sessions: [...recorded],
          });
      }
      const row = await db.transaction().execute(async (trx) => {
        const r = createEventsRepository(trx);
        const updated = await r.updateEvent(actor.tenantId, id, patch.version, {
          title: JSON.stringify(merged.title),
          description: JSON.stringify(merged.description),
          topics: [...new Set(merged.topics)],
          project_code: merged.projectCode,
          place_pcode: merged.placePcode,
          venue: merged.venue,
          ...span(merged.sessions),
          capacity: merged.capacity,
          target_groups: [...new Set(merged.targetGroups)],
          age_min: merged.ageMin,
          age_max: merged.ageMax,
          quotas: JSON.stringify(merged.quotas),
          fill_unused_quotas: merged.fillUnusedQuotas,
          completion_min_percent: merged.completion.minAttendancePercent,
          form_id: merged.enrolmentForm?.formId ?? null,
          form_version: merged.enrolmentForm?.version ?? null,
          enrolment_closes_on: merged.enrolmentClosesOn,
          ...(patch.status ? { status: patch.status } : {}),
          updated_by: actor.userId,
        });
        if (!updated)
          throw new AppError(
            'VERSION_CONFLICT',
            'someone else saved this training meanwhile: reload and apply your changes again',
            {
              current: before,
            },
          );
        if (patch.sessions && sessionPlan) {
          await r.deleteSessions(actor.tenantId, sessionPlan.removed);
          const ordered = [...patch.sessions].sort((a, b) =>
            a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
          );
          const fresh = [];
          for (const [i, s] of ordered.entries()) {
            const fields = {
              seq: i + 1,
              date: s.date,
              title: s.title ? JSON.stringify(s.title) : null,
              minutes: s.minutes,
            };
            if (s.id) await r.updateSession(actor.tenantId, s.id, fields);
            else fresh.push({ tenant_id: actor.tenantId, id: uuidv7(), event_id: id, ...fields });
          }
          await r.insertSessions(fresh);
        }
        if (patch.facilitators)
          await r.replaceFacilitators(
            actor.tenantId,
            id,
            facilitatorRows(actor, id, patch.facilitators, names),
          );
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action:
              patch.status && patch.status !== before.status
                ? `training.${patch.status}`
                : 'training.updated',
            entityType: 'training_event',
            entityId: id,
            before: { status: before.status, capacity: before.capacity, quotas: before.quotas },
            after: { status: updated.status, capacity: updated.capacity, quotas: merged.quotas },
          },
          trx,
        );
        return updated;
      });
      return (await present(actor.tenantId, [row]))[0]!;
    },

    /** Staff users who may be named as facilitators. */
    async facilitatorCandidates(actor: Actor) {
      assertCan(actor, 'trainings.manage');
      const page = await deps.users.listUsers(actor.tenantId, { status: 'active', limit: 500 });
      return { items: page.items.map((u) => ({ userId: u.id, name: u.displayName })) };
    },
  };
}
