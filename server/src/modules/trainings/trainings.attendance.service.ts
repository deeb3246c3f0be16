import type { AttendanceSheet, TrainingParticipant } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import { FieldProblems } from '../people/people.validation.ts';
import { createAttendanceRepository } from './trainings.attendance.repository.ts';
import { isCompleted } from './trainings.attendance.rules.ts';
import { createCertificatesRepository } from './trainings.certificates.repository.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEnrolmentRepository } from './trainings.enrolment.repository.ts';
import { createEventsRepository, type EventRow } from './trainings.events.repository.ts';
import type { EventsService } from './trainings.events.service.ts';
import { toSession } from './trainings.mapper.ts';
import { assertMayRecordFor, needsFacilitation } from './trainings.policy.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The assistance-ledger source of a training's rows, so they trace back to it. */
export const ledgerSource = (eventId: string) => `trainings:${eventId}`;

/** A training's row in the assistance ledger: a service, in its project and place. */
export const ledgerEntry = (
  event: Pick<EventRow, 'project_code' | 'place_pcode'>,
  type: 'training' | 'training_completion',
  date: string,
) => ({
  type,
  date,
  projectCode: event.project_code,
  placePcode: event.place_pcode,
  valueMinor: null,
  currency: null,
  modality: 'service' as const,
  note: null,
});

/** Attendance per session (one request per session's list, fast on a phone) and completion. */
export function createAttendanceService(db: Database, deps: TrainingsDeps, events: EventsService) {
  const repo = createAttendanceRepository(db);
  const enrolment = createEnrolmentRepository(db);
  const eventsRepo = createEventsRepository(db);

  /** May record for this event: facilitators, and the roles that cover every training. */
  async function assertRecorder(
    actor: Actor,
    eventId: string,
    action: 'trainings.attendance.record' | 'trainings.tests.record',
  ) {
    const facilitates = needsFacilitation(actor)
      ? await eventsRepo.isFacilitator(actor.tenantId, eventId, actor.userId)
      : false;
    assertMayRecordFor(actor, action, facilitates);
  }

  async function loadSession(tenantId: string, eventId: string, sessionId: string) {
    const event = await events.loadRow(tenantId, eventId);
    const sessions = await eventsRepo.listSessions(tenantId, [eventId]);
    const session = sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('session');
    return { event, session, sessionCount: sessions.length };
  }

  async function sheet(tenantId: string, eventId: string, sessionId: string): Promise<AttendanceSheet> {
    const { event, session, sessionCount } = await loadSession(tenantId, eventId, sessionId);
    const participants = await enrolment.listParticipants(tenantId, [eventId]);
    const marks = await repo.listForSession(tenantId, sessionId);
    const present = new Map(marks.map((m) => [m.application_id, m.present]));
    const names = await deps.people.namesOf(
      tenantId,
      participants.map((p) => p.person_id),
    );
    const latest = marks.reduce<Date | null>((m, x) => {
      const at = new Date(x.recorded_at);
      return !m || at > m ? at : m;
    }, null);
    return {
      event: { id: event.id, title: event.title as { uk: string; en: string } },
      session: toSession(session),
      sessionCount,
      entries: participants
        .map((p) => {
          const n = names.get(p.person_id);
          return {
            applicationId: p.id,
            familyName: n?.familyName ?? '',
            givenName: n?.givenName ?? '',
            patronymic: n?.patronymic ?? null,
            present: present.get(p.id) ?? null,
          };
        })
        .sort(
          (a, b) =>
            a.familyName.localeCompare(b.familyName, 'uk') || a.givenName.localeCompare(b.givenName, 'uk'),
        ),
      recordedAt: latest ? latest.toISOString() : null,
    };
  }

  /** Participants with attendance, completion by the event's rule and their certificate. */
  async function participants(tenantId: string, event: EventRow) {
    const [list, attendance, sessions] = await Promise.all([
      enrolment.listParticipants(tenantId, [event.id]),
      repo.attendanceByApplication(tenantId, event.id),
      eventsRepo.listSessions(tenantId, [event.id]),
    ]);
    return list.map((p) => {
      const a = attendance.get(p.id) ?? { attended: 0, minutes: 0 };
      return {
        row: p,
        attended: a.attended,
        minutes: a.minutes,
        sessions: sessions.length,
        completed: isCompleted(a.attended, sessions.length, event.completion_min_percent),
      };
    });
  }

  return {
    assertRecorder,
    participants,

    async getSheet(actor: Actor, eventId: string, sessionId: string) {
      await assertRecorder(actor, eventId, 'trainings.attendance.record');
      const s = await sheet(actor.tenantId, eventId, sessionId);
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'training_session',
        entityId: sessionId,
        action: 'training.attendance_read',
      });
      return s;
    },

    /**
     * Records a whole session's list in one request; sending it again changes nothing. A
     * participant's first attendance writes one row to the assistance ledger (training, service),
     * through the people service, if their consent for assistance holds.
     */
    async recordSheet(
      actor: Actor,
      eventId: string,
      sessionId: string,
      entries: { applicationId: string; present: boolean }[],
    ) {
      await assertRecorder(actor, eventId, 'trainings.attendance.record');
      const { session } = await loadSession(actor.tenantId, eventId, sessionId);
      if (session.date > today())
        throw new AppError('UNPROCESSABLE', 'attendance is recorded on or after the day of the session', {
          fields: [{ field: 'sessionId', message: `the session is on ${session.date}` }],
        });
      const problems = new FieldProblems();
      const seen = new Set<string>();
      const participantsNow = new Map(
        (await enrolment.listParticipants(actor.tenantId, [eventId])).map((p) => [p.id, p]),
      );
      entries.forEach((e, i) => {
        if (seen.has(e.applicationId)) problems.add(`entries.${i}.applicationId`, 'listed twice');
        seen.add(e.applicationId);
        if (!participantsNow.has(e.applicationId))
          problems.add(`entries.${i}.applicationId`, 'not a participant of this training');
      });
      problems.throwIfAny();
      const withoutConsent: string[] = [];
      await db.transaction().execute(async (trx) => {
        // One list at a time per training, so a first attendance writes one ledger row only.
        const event = (await createEventsRepository(trx).findEvent(actor.tenantId, eventId, true))!;
        const apps = createEnrolmentRepository(trx);
        await createAttendanceRepository(trx).upsertAttendance(
          entries.map((e) => ({
            tenant_id: actor.tenantId,
            session_id: sessionId,
            application_id: e.applicationId,
            event_id: eventId,
            present: e.present,
            recorded_by: actor.userId,
          })),
        );
        for (const e of entries) {
          if (!e.present) continue;
          const p = (await apps.findApplication(actor.tenantId, e.applicationId))!;
          if (p.ledger_participation_id) continue;
          try {
            const ledgerId = await deps.consent.recordAssistanceWithin(
              trx,
              actor,
              p.person_id,
              ledgerEntry(event, 'training', session.date),
              ledgerSource(eventId),
            );
            await apps.setLedgerIds(actor.tenantId, p.id, { ledger_participation_id: ledgerId });
          } catch (error) {
            if (error instanceof AppError && error.code === 'UNPROCESSABLE') withoutConsent.push(p.id);
            else throw error;
          }
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.attendance_recorded',
            entityType: 'training_session',
            entityId: sessionId,
            meta: {
              eventId,
              present: entries.filter((e) => e.present).length,
              absent: entries.filter((e) => !e.present).length,
              ...(withoutConsent.length ? { notInLedgerWithoutConsent: withoutConsent.length } : {}),
            },
          },
          trx,
        );
      });
      return sheet(actor.tenantId, eventId, sessionId);
    },

    async listParticipants(actor: Actor, eventId: string): Promise<{ items: TrainingParticipant[] }> {
      assertCan(actor, 'trainings.participants.read');
      const event = await events.loadRow(actor.tenantId, eventId);
      const list = await participants(actor.tenantId, event);
      const names = await deps.people.namesOf(
        actor.tenantId,
        list.map((p) => p.row.person_id),
      );
      const certificates = await createCertificatesRepository(db).byApplication(actor.tenantId, eventId);
      return {
        items: list.map((p) => {
          const n = names.get(p.row.person_id);
          const c = certificates.get(p.row.id);
          return {
            applicationId: p.row.id,
            personId: p.row.person_id,
            familyName: n?.familyName ?? '',
            givenName: n?.givenName ?? '',
            patronymic: n?.patronymic ?? null,
            attended: p.attended,
            sessions: p.sessions,
            minutesAttended: p.minutes,
            completed: p.completed,
            certificate: c
              ? {
                  id: c.id,
                  code: c.code,
                  issuedAt: iso(c.issued_at),
                  revoked: c.revoked_at !== null,
                }
              : null,
          };
        }),
      };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
