import type {
  Alumnus,
  AwarenessSession,
  awarenessSessionsQuery,
  createAwarenessSessionBody,
  publicAwarenessSessionBody,
  TrainingTopic,
} from '@oselia/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, actorWithoutUser, assertCan } from '../access/access.policy.ts';
import { FieldProblems } from '../people/people.validation.ts';
import type { AttendanceService } from './trainings.attendance.service.ts';
import { type AWARENESS_COLUMNS, createAwarenessRepository } from './trainings.awareness.repository.ts';
import { audienceProblems } from './trainings.awareness.rules.ts';
import { initialsOf } from './trainings.certificates.code.ts';
import { createCertificatesRepository } from './trainings.certificates.repository.ts';
import { type CertificatesService, REPORTER_TOKEN_PURPOSE } from './trainings.certificates.service.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEnrolmentRepository } from './trainings.enrolment.repository.ts';
import type { EventsService } from './trainings.events.service.ts';
import { fullName } from './trainings.mapper.ts';

type NewSession = z.output<typeof createAwarenessSessionBody>;
type ReportedSession = z.output<typeof publicAwarenessSessionBody>;
type SessionsQuery = z.output<typeof awarenessSessionsQuery>;
type SessionRow = { [K in (typeof AWARENESS_COLUMNS)[number]]: unknown } & {
  id: string;
  date: string;
  created_at: Date;
};

const today = () => new Date().toISOString().slice(0, 10);

/** What an alumnus session shows of its facilitator: initials, never the name. */
function toSession(r: SessionRow, initials: Map<string, string>): AwarenessSession {
  const n = (k: keyof SessionRow) => r[k] as number;
  const alumnus = r.alumnus_application_id as string | null;
  return {
    id: r.id,
    date: r.date,
    topic: r.topic as TrainingTopic,
    venue: r.venue as string,
    placePcode: r.place_pcode as string,
    audience: {
      f_0_17: n('f_0_17'),
      f_18_59: n('f_18_59'),
      f_60_plus: n('f_60_plus'),
      m_0_17: n('m_0_17'),
      m_18_59: n('m_18_59'),
      m_60_plus: n('m_60_plus'),
    },
    total: n('total'),
    materials: r.materials as string | null,
    photoFileIds: r.photo_file_ids as string[],
    facilitator: alumnus
      ? {
          kind: 'alumnus',
          applicationId: alumnus,
          eventId: r.event_id as string,
          initials: initials.get(alumnus) ?? '',
        }
      : {
          kind: 'staff',
          userId: r.facilitator_user_id as string | null,
          name: (r.facilitator_name as string | null) ?? '',
        },
    projectCode: r.project_code as string | null,
    createdAt: iso(r.created_at),
  };
}

/**
 * Awareness sessions that alumni (or staff) run, their audiences counted by sex and age band;
 * the alumni of a training with what they went on to do.
 */
export function createAwarenessService(
  db: Database,
  deps: TrainingsDeps,
  events: EventsService,
  attendance: AttendanceService,
  certificates: CertificatesService,
) {
  const repo = createAwarenessRepository(db);
  const enrolment = createEnrolmentRepository(db);

  /** The participation of someone who completed the training, or a refusal. */
  async function loadAlumnus(tenantId: string, applicationId: string) {
    const app = await enrolment.findApplication(tenantId, applicationId);
    if (!app) throw notFound('alumnus');
    const event = await events.loadRow(tenantId, app.event_id);
    const p = (await attendance.participants(tenantId, event)).find((x) => x.row.id === applicationId);
    if (!p?.completed)
      throw new AppError('UNPROCESSABLE', 'only someone who completed the training is one of its alumni', {
        fields: [{ field: 'alumnusApplicationId', message: 'has not completed the training' }],
      });
    return { app, event };
  }

  /** The checks every session passes, whoever records it: counts add up, place known, not ahead. */
  async function check(input: ReportedSession) {
    const problems = new FieldProblems();
    for (const p of audienceProblems(input.audience, input.total)) problems.add(p.field, p.message);
    if (problems.list.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `the audience counts by sex and age band must add up to the total (${input.total})`,
        { reason: 'audience_total_mismatch', fields: problems.list },
      );
    }
    if (!(await deps.places.isKnownPlace(input.placePcode)))
      problems.add('placePcode', `unknown P-code ${input.placePcode}`);
    if (input.date > today()) problems.add('date', 'a session is recorded once it has taken place');
    problems.throwIfAny();
  }

  async function initialsFor(tenantId: string, rows: SessionRow[]) {
    const ids = [
      ...new Set(rows.map((r) => r.alumnus_application_id as string | null).filter((x): x is string => !!x)),
    ];
    const out = new Map<string, string>();
    for (const id of ids) {
      const app = await enrolment.findApplication(tenantId, id);
      if (!app) continue;
      const name = (await deps.people.namesOf(tenantId, [app.person_id])).get(app.person_id);
      if (name) out.set(id, initialsOf(fullName(name)));
    }
    return out;
  }

  async function insert(
    actor: Actor,
    input: ReportedSession,
    who:
      | { kind: 'staff'; userId: string | null; name: string }
      | {
          kind: 'alumnus';
          applicationId: string;
          eventId: string;
          projectCode: string;
          via: 'staff' | 'reporting_link';
        },
  ) {
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await createAwarenessRepository(trx).insertSession({
        tenant_id: actor.tenantId,
        id: uuidv7(),
        date: input.date,
        topic: input.topic,
        venue: input.venue,
        place_pcode: input.placePcode,
        ...input.audience,
        total: input.total,
        materials: input.materials,
        photo_file_ids: input.photoFileIds,
        facilitator_user_id: who.kind === 'staff' ? who.userId : null,
        facilitator_name: who.kind === 'staff' ? who.name : null,
        alumnus_application_id: who.kind === 'alumnus' ? who.applicationId : null,
        event_id: who.kind === 'alumnus' ? who.eventId : null,
        project_code: who.kind === 'alumnus' ? who.projectCode : null,
        recorded_via: who.kind === 'alumnus' ? who.via : 'staff',
        created_by: actor.userId,
      });
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action: 'awareness.session_recorded',
          entityType: 'awareness_session',
          entityId: inserted.id,
          after: { date: input.date, venue: input.venue, placePcode: input.placePcode, total: input.total },
        },
        trx,
      );
      return inserted;
    });
    return toSession(row as SessionRow, await initialsFor(actor.tenantId, [row as SessionRow]));
  }

  /** The alumnus a reporting link belongs to, while their certificate stands. */
  async function reporter(tenantId: string, token: string) {
    const app = await enrolment.findByReporterHash(
      tenantId,
      deps.crypto.keyedHash(token, REPORTER_TOKEN_PURPOSE),
    );
    if (!app) throw notFound('reporting link');
    const cert = (await createCertificatesRepository(db).byApplication(tenantId, app.event_id)).get(app.id);
    if (!cert || cert.revoked_at) throw notFound('reporting link');
    return { app, event: await events.loadRow(tenantId, app.event_id) };
  }

  return {
    /** Staff record a session they ran, or one an alumnus ran. */
    async recordSession(actor: Actor, input: NewSession) {
      assertCan(actor, 'awareness.record');
      await check(input);
      if (input.alumnusApplicationId) {
        const { app, event } = await loadAlumnus(actor.tenantId, input.alumnusApplicationId);
        return insert(actor, input, {
          kind: 'alumnus',
          applicationId: app.id,
          eventId: event.id,
          projectCode: event.project_code,
          via: 'staff',
        });
      }
      return insert(actor, input, { kind: 'staff', userId: actor.userId, name: actor.label });
    },

    async reporterInfo(tenantId: string, token: string) {
      const { app, event } = await reporter(tenantId, token);
      const name = (await deps.people.namesOf(tenantId, [app.person_id])).get(app.person_id);
      const rows = (await repo.listSessions(
        tenantId,
        { alumnusApplicationId: app.id },
        undefined,
        200,
      )) as SessionRow[];
      return {
        initials: name ? initialsOf(fullName(name)) : '',
        eventTitle: event.title as { uk: string; en: string },
        sessions: rows.map((r) => {
          const { facilitator: _f, ...rest } = toSession(r, new Map());
          return rest;
        }),
      };
    },

    /** An alumnus records a session they ran, through their own link (no account). */
    async reportViaLink(tenantId: string, token: string, input: ReportedSession) {
      const { app, event } = await reporter(tenantId, token);
      await check(input);
      const actor: Actor = actorWithoutUser({
        tenantId,
        organisationId: event.organisation_id,
        label: 'alumnus reporting link',
      });
      const { facilitator: _f, ...rest } = await insert(actor, input, {
        kind: 'alumnus',
        applicationId: app.id,
        eventId: event.id,
        projectCode: event.project_code,
        via: 'reporting_link',
      });
      return rest;
    },

    async listSessions(actor: Actor, q: SessionsQuery) {
      assertCan(actor, 'trainings.read');
      const after = decodeCursor(q.cursor, 2);
      const rows = (await repo.listSessions(
        actor.tenantId,
        { eventId: q.eventId, alumnusApplicationId: q.alumnusApplicationId },
        after ? { date: String(after[0]), id: String(after[1]) } : undefined,
        q.limit,
      )) as SessionRow[];
      const page = pageFrom(rows, q.limit, (r) => [r.date, r.id]);
      const initials = await initialsFor(actor.tenantId, page.items);
      return { items: page.items.map((r) => toSession(r, initials)), next: page.next };
    },

    /** Those who completed a training, what they went on to do, and their reporting link. */
    async alumni(actor: Actor, eventId: string): Promise<{ items: Alumnus[] }> {
      assertCan(actor, 'trainings.participants.read');
      const event = await events.loadRow(actor.tenantId, eventId);
      const completers = (await attendance.participants(actor.tenantId, event)).filter((p) => p.completed);
      const ids = completers.map((p) => p.row.id);
      const [names, sessions, grants] = await Promise.all([
        deps.people.namesOf(
          actor.tenantId,
          completers.map((p) => p.row.person_id),
        ),
        repo.byAlumnus(actor.tenantId, eventId),
        repo.grantLinks(actor.tenantId, ids),
      ]);
      return {
        items: completers.map((p) => {
          const s = sessions.get(p.row.id) ?? { sessions: 0, audience: 0 };
          const token = p.row.reporter_token_encrypted
            ? deps.crypto.decrypt(p.row.reporter_token_encrypted)
            : null;
          return {
            applicationId: p.row.id,
            personId: p.row.person_id,
            eventId,
            familyName: names.get(p.row.person_id)?.familyName ?? '',
            givenName: names.get(p.row.person_id)?.givenName ?? '',
            awarenessSessions: s.sessions,
            audienceTotal: s.audience,
            grantApplicationIds: grants.get(p.row.id) ?? [],
            reportingLink: token ? certificates.reportingLink(token) : null,
          };
        }),
      };
    },

    /** Ties a youth initiative grant application to the alumnus who submitted it. */
    async linkGrant(actor: Actor, applicationId: string, grantApplicationId: string) {
      assertCan(actor, 'trainings.manage');
      const { app } = await loadAlumnus(actor.tenantId, applicationId);
      if (deps.grants && !(await deps.grants.applicationExists(actor.tenantId, grantApplicationId)))
        throw new AppError('UNPROCESSABLE', 'no such grant application', {
          fields: [{ field: 'grantApplicationId', message: 'not found' }],
        });
      await db.transaction().execute(async (trx) => {
        await createAwarenessRepository(trx).linkGrant(
          actor.tenantId,
          app.id,
          grantApplicationId,
          actor.userId,
        );
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.alumnus_grant_linked',
            entityType: 'training_application',
            entityId: app.id,
            meta: { grantApplicationId },
          },
          trx,
        );
      });
      return { grantApplicationIds: (await repo.grantLinks(actor.tenantId, [app.id])).get(app.id) ?? [] };
    },
  };
}

export type AwarenessService = ReturnType<typeof createAwarenessService>;
