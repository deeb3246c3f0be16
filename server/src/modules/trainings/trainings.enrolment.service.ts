import {
  createPersonBody,
  type SelectionBasis,
  type SelectionResult,
  type TrainingApplicationBody,
} from '@oselia/contracts';
import { validateAnswers } from '@oselia/forms';
import type { Database } from '../../db/database.ts';
import type { TrainingApplicationStatus } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, actorWithoutUser, assertCan } from '../access/access.policy.ts';
import { newReferenceCode } from './trainings.certificates.code.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEnrolmentRepository } from './trainings.enrolment.repository.ts';
import { ageBandOf, ageOn, type SeatBasis, selectParticipants } from './trainings.enrolment.rules.ts';
import { createEventsRepository, type EventRow } from './trainings.events.repository.ts';
import { accepting, type EventsService } from './trainings.events.service.ts';
import { applicantFrom } from './trainings.form.ts';
import { type ApplicationRow, toApplicant } from './trainings.mapper.ts';
import { type TrainingMessage, trainingMessage } from './trainings.messages.ts';

/** Who acts when the public applies: no user, in the organiser's name. */
export const publicActor = (tenantId: string, organisationId: string): Actor =>
  actorWithoutUser({ tenantId, organisationId, label: 'public training application' });

/** Registry fields → the enrolment form's question names, for problems the registry finds. */
const REGISTRY_FIELD_TO_QUESTION: Record<string, string> = {
  familyName: 'family_name',
  givenName: 'given_name',
  patronymic: 'patronymic',
  birthDate: 'birth_date',
  'phones.0': 'phone',
  currentPcode: 'oblast',
};

/** The registry's objections to an applicant, named by the form's questions. */
const notValid = (fields: { field: string; message: string }[]) =>
  new AppError('VALIDATION_FAILED', 'the application is not valid', {
    fields: fields.map((f) => ({
      field: `answers.${REGISTRY_FIELD_TO_QUESTION[f.field] ?? f.field}`,
      message: f.message,
    })),
  });

const SEATS = new Set(['quota', 'open', 'unused_quota']);
const isSeat = (b: SelectionBasis | null): b is SeatBasis => b !== null && SEATS.has(b.kind);
const statusFor = (b: SelectionBasis): TrainingApplicationStatus =>
  isSeat(b) ? 'selected' : b.kind === 'waitlist' ? 'waitlisted' : 'not_selected';

export const eventFacts = (e: Pick<EventRow, 'title' | 'starts_on' | 'ends_on' | 'venue'>) => ({
  title: e.title as { uk: string; en: string },
  startsOn: e.starts_on,
  endsOn: e.ends_on,
  venue: e.venue,
});

/** Public applications, selection with quotas, the waiting list and its promotions. */
export function createEnrolmentService(db: Database, deps: TrainingsDeps, events: EventsService) {
  const repo = createEnrolmentRepository(db);

  /** A message to an applicant, in their language, written in the caller's transaction. */
  async function notify(
    trx: Database,
    app: ApplicationRow,
    event: EventRow,
    m: TrainingMessage,
    by: string | null,
  ) {
    const { subject, body } = trainingMessage(m, eventFacts(event), app.language);
    const address = app.contact_encrypted ? deps.crypto.decrypt(app.contact_encrypted) : null;
    await deps.notifications.enqueueNotification(trx, {
      tenantId: app.tenant_id,
      recipient: address ? { kind: 'email', address } : null,
      language: app.language,
      templateKey: `trainings.${m.kind}`,
      subject,
      body,
      entityType: 'training_application',
      entityId: app.id,
      createdBy: by,
    });
  }

  /**
   * Places every applicant still in the running (selected seats kept), writes the outcomes that
   * changed and tells those applicants. Inside the caller's transaction, with the event locked.
   */
  async function place(trx: Database, actor: Actor, event: EventRow, promotion: boolean) {
    const r = createEnrolmentRepository(trx);
    const all = await r.listApplications(actor.tenantId, event.id);
    const rank = new Map(all.map((a, i) => [a.id, i + 1]));
    const running = all.filter((a) => a.status !== 'declined' && a.status !== 'withdrawn');
    const outcome = selectParticipants(
      {
        capacity: event.capacity,
        quotas: event.quotas as { code: string; populationGroups: []; percent: number }[],
        fillUnusedQuotas: event.fill_unused_quotas,
        targetGroups: event.target_groups as [],
        ageMin: event.age_min,
        ageMax: event.age_max,
      },
      running.map((a) => {
        const basis = a.basis as SelectionBasis | null;
        return {
          id: a.id,
          rank: rank.get(a.id)!,
          populationGroup: a.population_group,
          age: a.age,
          held: a.status === 'selected' && isSeat(basis) ? basis : null,
        };
      }),
    );
    const byId = new Map(running.map((a) => [a.id, a]));
    const changed: ApplicationRow[] = [];
    const promoted: ApplicationRow[] = [];
    for (const p of outcome.placements) {
      const before = byId.get(p.id)!;
      const status = statusFor(p.basis);
      if (status === before.status && JSON.stringify(p.basis) === JSON.stringify(before.basis)) continue;
      const after = await r.setPlacement(
        actor.tenantId,
        p.id,
        before.version,
        { status, basis: p.basis },
        actor.userId,
      );
      if (!after) throw new AppError('CONFLICT', 'an application changed meanwhile: run the selection again');
      byId.set(p.id, after);
      if (status === before.status) continue; // only the waiting-list position moved
      changed.push(after);
      const reference = after.reference_code;
      const message: TrainingMessage =
        status === 'selected'
          ? { kind: before.status === 'waitlisted' && promotion ? 'promoted' : 'selected', reference }
          : status === 'waitlisted'
            ? { kind: 'waitlisted', reference, position: (p.basis as { position: number }).position }
            : { kind: 'not_selected', reference };
      if (message.kind === 'promoted') promoted.push(after);
      await notify(trx, after, event, message, actor.userId);
    }
    return { outcome, changed, promoted, rows: [...byId.values()], rank };
  }

  async function presentApplicants(tenantId: string, rows: ApplicationRow[], rank: Map<string, number>) {
    const names = await deps.people.namesOf(
      tenantId,
      rows.map((r) => r.person_id),
    );
    return rows.map((r) => toApplicant(r, rank.get(r.id) ?? 0, names.get(r.person_id)));
  }

  async function selectionResult(
    tenantId: string,
    event: EventRow,
    placed: Awaited<ReturnType<typeof place>>,
  ): Promise<SelectionResult> {
    const all = await repo.listApplications(tenantId, event.id);
    const count = (k: string) => placed.outcome.placements.filter((p) => p.basis.kind === k).length;
    return {
      capacity: event.capacity,
      selected: placed.outcome.placements.filter((p) => isSeat(p.basis)).length,
      waitlisted: count('waitlist'),
      notEligible: count('not_eligible'),
      openSeats: placed.outcome.openSeats,
      quotas: placed.outcome.quotas,
      changed: placed.changed.length,
      applicants: await presentApplicants(tenantId, all, placed.rank),
    };
  }

  return {
    /** An application from the public form: validated, tied to a person in the registry, confirmed. */
    async apply(tenantId: string, eventId: string, body: TrainingApplicationBody) {
      const event = await events.loadRow(tenantId, eventId);
      if (event.status === 'draft' || event.status === 'cancelled') throw notFound('training');
      if (!accepting(event)) throw new AppError('CONFLICT', 'this training does not take applications now');
      const definition = await events.enrolmentDefinition(
        tenantId,
        event.form_id && event.form_version ? { formId: event.form_id, version: event.form_version } : null,
      );
      const checked = validateAnswers(definition, body.answers, { stage: 'submit' });
      if (!checked.ok)
        throw new AppError('VALIDATION_FAILED', 'the application is not complete', {
          problems: checked.problems,
          fields: checked.problems.map((p) => ({ field: `answers.${p.path}`, message: p.message.en })),
        });
      const a = applicantFrom(checked.answers);
      if (!a.consent)
        throw new AppError('UNPROCESSABLE', 'an application needs consent to process the data', {
          fields: [{ field: 'answers.consent', message: 'consent is needed' }],
        });
      const actor = publicActor(tenantId, event.organisation_id);
      const reference = newReferenceCode();
      const consent = {
        purpose: 'assistance' as const,
        status: 'given' as const,
        method: 'digital' as const,
        organisationId: null,
        note: `training application ${reference}`,
      };
      const matched = await deps.people.findCertainMatch(tenantId, {
        ...a,
        phones: a.phone ? [a.phone] : [],
      });
      if (matched && (await repo.findByPerson(tenantId, eventId, matched)))
        throw new AppError('CONFLICT', 'an application from you to this training exists already');
      let prepared: Awaited<ReturnType<TrainingsDeps['people']['preparePerson']>> | null = null;
      if (!matched) {
        const person = createPersonBody.safeParse({
          familyName: a.familyName,
          givenName: a.givenName,
          patronymic: a.patronymic,
          birthDate: a.birthDate,
          sex: a.sex,
          phones: a.phone ? [a.phone] : [],
          populationGroup: a.populationGroup,
          currentPcode: a.oblastPcode,
          consents: [consent],
        });
        if (!person.success)
          throw notValid(person.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
        try {
          prepared = await deps.people.preparePerson(actor, person.data);
        } catch (error) {
          if (error instanceof AppError && error.code === 'VALIDATION_FAILED')
            throw notValid((error.details as { fields: { field: string; message: string }[] }).fields);
          throw error;
        }
      }
      const age = a.birthDate ? ageOn(a.birthDate, event.starts_on) : null;
      const app = await db
        .transaction()
        .execute(async (trx) => {
          let personId = matched;
          if (prepared) personId = (await deps.people.insertPreparedPerson(trx, actor, prepared)).id;
          else await deps.people.recordConsentWithin(trx, actor, personId!, consent);
          const row = await createEnrolmentRepository(trx).insertApplication({
            tenant_id: tenantId,
            id: uuidv7(),
            event_id: eventId,
            person_id: personId!,
            reference_code: reference,
            language: body.language,
            sex: a.sex,
            age,
            age_band: ageBandOf(age),
            population_group: a.populationGroup,
            place_pcode: a.oblastPcode,
            answers_encrypted: deps.crypto.encrypt(JSON.stringify(checked.answers)),
            contact_encrypted: a.email ? deps.crypto.encrypt(a.email) : null,
          });
          await notify(trx, row, event, { kind: 'received', reference }, null);
          await deps.audit.recordAudit(
            {
              tenantId,
              actor,
              action: 'training.application_received',
              entityType: 'training_application',
              entityId: row.id,
              meta: { eventId, personId, matched: matched !== null },
            },
            trx,
          );
          return row;
        })
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === '23505')
            throw new AppError('CONFLICT', 'an application from you to this training exists already');
          throw error;
        });
      await deps.notifications.scheduleDelivery(tenantId);
      return { referenceCode: app.reference_code, status: 'applied' as const };
    },

    async listApplicants(actor: Actor, eventId: string) {
      assertCan(actor, 'trainings.participants.read');
      await events.loadRow(actor.tenantId, eventId);
      const rows = await repo.listApplications(actor.tenantId, eventId);
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'training_event',
        entityId: eventId,
        action: 'training.applicants_read',
        meta: { count: rows.length },
      });
      return {
        items: await presentApplicants(actor.tenantId, rows, new Map(rows.map((r, i) => [r.id, i + 1]))),
      };
    },

    /**
     * Runs the selection: quotas first, then open seats, then (if allowed) unused quota seats, then
     * the waiting list. Seats held stay held. Everyone whose outcome changed is told.
     */
    async runSelection(actor: Actor, eventId: string): Promise<SelectionResult> {
      assertCan(actor, 'trainings.manage');
      const { event, placed } = await db.transaction().execute(async (trx) => {
        const event = await createEventsRepository(trx).findEvent(actor.tenantId, eventId, true);
        if (!event) throw notFound('training');
        if (event.status === 'cancelled' || event.status === 'draft')
          throw new AppError('CONFLICT', `a ${event.status} training has no selection`);
        const placed = await place(trx, actor, event, false);
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.selection_run',
            entityType: 'training_event',
            entityId: eventId,
            meta: { changed: placed.changed.length, quotas: placed.outcome.quotas },
          },
          trx,
        );
        return { event, placed };
      });
      await deps.notifications.scheduleDelivery(actor.tenantId);
      return selectionResult(actor.tenantId, event, placed);
    },

    /** Someone gives up their place (or waiting-list spot); the place goes to the next who fits. */
    async decline(actor: Actor, applicationId: string, body: { version: number; reason: string | null }) {
      assertCan(actor, 'trainings.manage');
      const app = await repo.findApplication(actor.tenantId, applicationId);
      if (!app) throw notFound('application');
      if (app.status !== 'selected' && app.status !== 'waitlisted' && app.status !== 'applied')
        throw new AppError('CONFLICT', `an application that is ${app.status} cannot be declined`);
      const { declined, placed } = await db.transaction().execute(async (trx) => {
        const event = (await createEventsRepository(trx).findEvent(actor.tenantId, app.event_id, true))!;
        const declined = await createEnrolmentRepository(trx).setPlacement(
          actor.tenantId,
          applicationId,
          body.version,
          { status: 'declined', basis: null, declinedReason: body.reason },
          actor.userId,
        );
        if (!declined)
          throw new AppError(
            'VERSION_CONFLICT',
            'this application changed meanwhile: reload it and try again',
          );
        const placed =
          app.status === 'selected'
            ? await place(trx, actor, event, true)
            : { promoted: [] as ApplicationRow[] };
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.application_declined',
            entityType: 'training_application',
            entityId: applicationId,
            before: { status: app.status },
            after: { status: 'declined' },
            meta: { promoted: placed.promoted.map((p) => p.id) },
          },
          trx,
        );
        return { declined, placed };
      });
      await deps.notifications.scheduleDelivery(actor.tenantId);
      const all = await repo.listApplications(actor.tenantId, app.event_id);
      const rank = new Map(all.map((a, i) => [a.id, i + 1]));
      const [d, ...p] = await presentApplicants(actor.tenantId, [declined, ...placed.promoted], rank);
      return { declined: d!, promoted: p };
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
