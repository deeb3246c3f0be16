import { randomUUID } from 'node:crypto';
import { factoryActor } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import {
  applicantAnswers,
  applyToTraining,
  buildTraining,
  daysAgo,
  trainingEventBody,
} from './trainings.factories.ts';

/** One valid request per trainings route, for the policy matrix (access.matrix.test.ts). */
interface Example {
  url: string;
  payload?: unknown;
}

interface MatrixContext {
  app: () => TestApp;
  /** The organisation every matrix user belongs to. */
  organisationId: () => string;
  /** Every matrix user: all are facilitators, so partner staff may record. */
  userIds: () => string[];
}

const question = (id: string) => ({
  id,
  text: { uk: `Питання ${id}`, en: `Question ${id}` },
  choices: [
    { id: 'a', text: { uk: 'Так', en: 'Yes' } },
    { id: 'b', text: { uk: 'Ні', en: 'No' } },
  ],
  correct: ['a'],
  points: 1,
});

const audience = { f_0_17: 3, f_18_59: 1, f_60_plus: 0, m_0_17: 2, m_18_59: 0, m_60_plus: 0 };
const awarenessBody = {
  date: daysAgo(0),
  topic: 'safe_migration',
  venue: 'Школа № 5',
  placePcode: 'UA46',
  audience,
  total: 6,
};

export function trainingExamples(ctx: MatrixContext): Record<string, () => Promise<Example>> {
  const t = () => ctx.app();
  const actor = () => factoryActor(t(), ctx.organisationId());

  /**
   * One one-day training that happened yesterday, with `n` selected participants who attended,
   * completed and hold certificates; every example shares it (the matrix calls each many times).
   */
  async function completed(n: number) {
    const e = await buildTraining(t(), ctx.organisationId(), {
      facilitatorUserIds: ctx.userIds(),
      sessions: [{ date: daysAgo(1), minutes: 240 }],
      capacity: 40,
      quotas: [],
    });
    for (let i = 0; i < n; i++) await applyToTraining(t(), e.id, applicantAnswers());
    const { applicants } = await t().services.trainings.enrolment.runSelection(actor(), e.id);
    await t().services.trainings.attendance.recordSheet(
      actor(),
      e.id,
      e.sessions[0]!.id,
      applicants.map((a) => ({ applicationId: a.id, present: true })),
    );
    await t().services.trainings.tests.putTest(actor(), e.id, 'pre', { questions: [question('q1')] });
    const { issued } = await t().services.trainings.certificates.issue(actor(), e.id);
    const alumni = await t().services.trainings.awareness.alumni(actor(), e.id);
    const token = alumni.items[0]!.reportingLink!.split('/awareness/report/')[1]!;
    const certificates = issued.map((c) => c.id);
    return {
      event: e,
      sessionId: e.sessions[0]!.id,
      applicants,
      certificates,
      token,
      /** Used up one per call: participants to decline and certificates to revoke (never the first). */
      declinable: applicants.slice(n / 2),
      revocable: certificates.slice(1, n / 2),
    };
  }

  let shared: ReturnType<typeof completed> | null = null;
  const done = () => {
    shared ??= completed(30);
    return shared;
  };
  /** Participants and certificates used up by the examples that change them (decline, revoke). */
  const take = async <T>(list: (d: Awaited<ReturnType<typeof completed>>) => T[]) => {
    const item = list(await done()).pop();
    if (item === undefined) throw new Error('the matrix fixture ran out: raise completed(n)');
    return item;
  };

  return {
    'GET /api/v1/trainings/events': async () => ({ url: '/api/v1/trainings/events' }),
    'POST /api/v1/trainings/events': async () => ({
      url: '/api/v1/trainings/events',
      payload: trainingEventBody(),
    }),
    'GET /api/v1/trainings/events/:id': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}`,
    }),
    'PATCH /api/v1/trainings/events/:id': async () => {
      const e = await t().services.trainings.events.getEvent(actor(), (await done()).event.id);
      return {
        url: `/api/v1/trainings/events/${e.id}`,
        payload: { version: e.version, capacity: e.capacity + 1 },
      };
    },
    'GET /api/v1/trainings/facilitator-candidates': async () => ({
      url: '/api/v1/trainings/facilitator-candidates',
    }),
    'GET /api/v1/trainings/events/:id/applications': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/applications`,
    }),
    'POST /api/v1/trainings/events/:id/selection': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/selection`,
    }),
    'POST /api/v1/trainings/applications/:id/decline': async () => {
      // The first participants hold the certificates other examples use; decline from the end.
      const a = await take((d) => d.declinable);
      return {
        url: `/api/v1/trainings/applications/${a.id}/decline`,
        payload: { version: a.version, reason: null },
      };
    },
    'GET /api/v1/trainings/events/:id/sessions/:sessionId/attendance': async () => {
      const d = await done();
      return { url: `/api/v1/trainings/events/${d.event.id}/sessions/${d.sessionId}/attendance` };
    },
    'PUT /api/v1/trainings/events/:id/sessions/:sessionId/attendance': async () => {
      const d = await done();
      return {
        url: `/api/v1/trainings/events/${d.event.id}/sessions/${d.sessionId}/attendance`,
        payload: { entries: [{ applicationId: d.applicants[0]!.id, present: true }] },
      };
    },
    'GET /api/v1/trainings/events/:id/participants': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/participants`,
    }),
    'GET /api/v1/trainings/events/:id/tests/:kind': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/tests/pre`,
    }),
    'PUT /api/v1/trainings/events/:id/tests/:kind': async () => {
      const d = await done();
      const post = await t()
        .services.trainings.tests.getTest(actor(), d.event.id, 'post')
        .catch(() => null);
      return {
        url: `/api/v1/trainings/events/${d.event.id}/tests/post`,
        payload: { questions: [question('q1'), question('q2')], ...(post ? { version: post.version } : {}) },
      };
    },
    'PUT /api/v1/trainings/events/:id/tests/:kind/answers': async () => {
      const d = await done();
      return {
        url: `/api/v1/trainings/events/${d.event.id}/tests/pre/answers`,
        payload: { entries: [{ applicationId: d.applicants[0]!.id, answers: { q1: ['a'] } }] },
      };
    },
    'GET /api/v1/trainings/events/:id/knowledge': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/knowledge`,
    }),
    'POST /api/v1/trainings/events/:id/certificates': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/certificates`,
    }),
    'GET /api/v1/trainings/certificates/:id/pdf': async () => ({
      url: `/api/v1/trainings/certificates/${(await done()).certificates[0]}/pdf`,
    }),
    'POST /api/v1/trainings/certificates/:id/revoke': async () => ({
      url: `/api/v1/trainings/certificates/${await take((d) => d.revocable)}/revoke`,
      payload: { reason: 'matrix' },
    }),
    'GET /api/v1/trainings/events/:id/alumni': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/alumni`,
    }),
    'POST /api/v1/trainings/alumni/:id/grant-applications': async () => ({
      url: `/api/v1/trainings/alumni/${(await done()).applicants[0]!.id}/grant-applications`,
      payload: { grantApplicationId: randomUUID() },
    }),
    'GET /api/v1/awareness-sessions': async () => ({ url: '/api/v1/awareness-sessions' }),
    'POST /api/v1/awareness-sessions': async () => ({
      url: '/api/v1/awareness-sessions',
      payload: awarenessBody,
    }),
    'GET /api/v1/trainings/events/:id/reach': async () => ({
      url: `/api/v1/trainings/events/${(await done()).event.id}/reach`,
    }),
    'GET /api/v1/trainings/reach': async () => ({ url: '/api/v1/trainings/reach?projectCode=CT-2026' }),
    'GET /api/v1/public/trainings': async () => ({ url: '/api/v1/public/trainings' }),
    'GET /api/v1/public/trainings/:id': async () => ({
      url: `/api/v1/public/trainings/${(await done()).event.id}`,
    }),
    'POST /api/v1/public/trainings/:id/applications': async () => ({
      url: `/api/v1/public/trainings/${(await done()).event.id}/applications`,
      payload: { language: 'en', answers: applicantAnswers() },
    }),
    'GET /api/v1/public/certificates/:code': async () => ({ url: '/api/v1/public/certificates/00000-00000' }),
    'GET /api/v1/public/awareness/reporters/:token': async () => ({
      url: `/api/v1/public/awareness/reporters/${(await done()).token}`,
    }),
    'POST /api/v1/public/awareness/reporters/:token/sessions': async () => ({
      url: `/api/v1/public/awareness/reporters/${(await done()).token}/sessions`,
      payload: awarenessBody,
    }),
  };
}
