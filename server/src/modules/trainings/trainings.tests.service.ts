import type { KnowledgeSummary, KnowledgeTest, TestKind, TestQuestion } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import { FieldProblems } from '../people/people.validation.ts';
import type { AttendanceService } from './trainings.attendance.service.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEnrolmentRepository } from './trainings.enrolment.repository.ts';
import type { EventsService } from './trainings.events.service.ts';
import { createTestsRepository } from './trainings.tests.repository.ts';
import {
  eventKnowledge,
  knowledgeGain,
  maxScoreOf,
  type Picks,
  picksProblems,
  scoreAnswers,
  testProblems,
} from './trainings.tests.rules.ts';

type TestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createTestsRepository>['findTest']>>>;

/** Knowledge tests before and after a training, scored against their keys; the gain they show. */
export function createTestsService(
  db: Database,
  deps: TrainingsDeps,
  events: EventsService,
  attendance: AttendanceService,
) {
  const repo = createTestsRepository(db);
  const enrolment = createEnrolmentRepository(db);

  async function loadTest(tenantId: string, eventId: string, kind: TestKind) {
    await events.loadRow(tenantId, eventId);
    const test = await repo.findTest(tenantId, eventId, kind);
    if (!test) throw notFound(`${kind} test`);
    return test;
  }

  const present = async (tenantId: string, t: TestRow): Promise<KnowledgeTest> => ({
    id: t.id,
    kind: t.kind,
    questions: t.questions as TestQuestion[],
    maxScore: t.max_score,
    version: t.version,
    answered: await repo.countAnswers(tenantId, t.id),
  });

  return {
    async getTest(actor: Actor, eventId: string, kind: TestKind) {
      assertCan(actor, 'trainings.read');
      return present(actor.tenantId, await loadTest(actor.tenantId, eventId, kind));
    },

    /** Sets a test's questions and key; answers already entered are scored again against it. */
    async putTest(
      actor: Actor,
      eventId: string,
      kind: TestKind,
      body: { questions: TestQuestion[]; version?: number | undefined },
    ) {
      assertCan(actor, 'trainings.manage');
      await events.loadRow(actor.tenantId, eventId);
      const problems = testProblems(body.questions);
      if (problems.length > 0)
        throw new AppError('VALIDATION_FAILED', 'the test is not valid', { fields: problems });
      const existing = await repo.findTest(actor.tenantId, eventId, kind);
      if (existing && body.version === undefined)
        throw new AppError('VERSION_CONFLICT', 'this test exists already: send the version you edited');
      const maxScore = maxScoreOf(body.questions);
      const saved = await db.transaction().execute(async (trx) => {
        const r = createTestsRepository(trx);
        const row = existing
          ? await r.updateTest(
              actor.tenantId,
              existing.id,
              body.version!,
              JSON.stringify(body.questions),
              maxScore,
              actor.userId,
            )
          : await r.insertTest({
              tenant_id: actor.tenantId,
              id: uuidv7(),
              event_id: eventId,
              kind,
              questions: JSON.stringify(body.questions),
              max_score: maxScore,
              created_by: actor.userId,
              updated_by: actor.userId,
            });
        if (!row) throw new AppError('VERSION_CONFLICT', 'someone else saved this test meanwhile: reload it');
        const answers = existing ? await r.listAnswers(actor.tenantId, row.id) : [];
        await r.upsertAnswers(
          answers.map((a) => {
            const { score, maxScore: max } = scoreAnswers(body.questions, a.answers as Picks);
            return {
              tenant_id: actor.tenantId,
              test_id: row.id,
              application_id: a.application_id,
              answers: JSON.stringify(a.answers),
              score,
              max_score: max,
              recorded_by: actor.userId,
            };
          }),
        );
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: existing ? 'training.test_updated' : 'training.test_created',
            entityType: 'training_event',
            entityId: eventId,
            meta: { kind, questions: body.questions.length, maxScore, rescored: answers.length },
          },
          trx,
        );
        return row;
      });
      return present(actor.tenantId, saved);
    },

    /** Enters participants' picks (several at once, or one); each is scored against the key. */
    async recordAnswers(
      actor: Actor,
      eventId: string,
      kind: TestKind,
      entries: { applicationId: string; answers: Picks }[],
    ) {
      await attendance.assertRecorder(actor, eventId, 'trainings.tests.record');
      const test = await loadTest(actor.tenantId, eventId, kind);
      const questions = test.questions as TestQuestion[];
      const participants = new Set(
        (await enrolment.listParticipants(actor.tenantId, [eventId])).map((p) => p.id),
      );
      const problems = new FieldProblems();
      entries.forEach((e, i) => {
        if (!participants.has(e.applicationId))
          problems.add(`entries.${i}.applicationId`, 'not a participant of this training');
        for (const m of picksProblems(questions, e.answers)) problems.add(`entries.${i}.answers`, m);
      });
      problems.throwIfAny();
      const scored = entries.map((e) => ({
        applicationId: e.applicationId,
        answers: e.answers,
        ...scoreAnswers(questions, e.answers),
      }));
      await db.transaction().execute(async (trx) => {
        await createTestsRepository(trx).upsertAnswers(
          scored.map((s) => ({
            tenant_id: actor.tenantId,
            test_id: test.id,
            application_id: s.applicationId,
            answers: JSON.stringify(s.answers),
            score: s.score,
            max_score: s.maxScore,
            recorded_by: actor.userId,
          })),
        );
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'training.test_answers_recorded',
            entityType: 'training_event',
            entityId: eventId,
            meta: { kind, participants: scored.length },
          },
          trx,
        );
      });
      return {
        items: scored.map((s) => ({ applicationId: s.applicationId, score: s.score, maxScore: s.maxScore })),
      };
    },

    /** Knowledge gain per participant (post − pre, normalised) and for the event. */
    async knowledge(actor: Actor, eventId: string): Promise<KnowledgeSummary> {
      assertCan(actor, 'trainings.participants.read');
      await events.loadRow(actor.tenantId, eventId);
      const [pre, post] = await Promise.all([
        repo.findTest(actor.tenantId, eventId, 'pre'),
        repo.findTest(actor.tenantId, eventId, 'post'),
      ]);
      const scores = async (t: TestRow | undefined) =>
        new Map(
          t
            ? (await repo.listAnswers(actor.tenantId, t.id)).map((a) => [
                a.application_id,
                { score: a.score, maxScore: a.max_score },
              ])
            : [],
        );
      const [preScores, postScores] = await Promise.all([scores(pre), scores(post)]);
      const participants = await enrolment.listParticipants(actor.tenantId, [eventId]);
      const names = await deps.people.namesOf(
        actor.tenantId,
        participants.map((p) => p.person_id),
      );
      const rows = participants.map((p) => ({
        p,
        pre: preScores.get(p.id) ?? null,
        post: postScores.get(p.id) ?? null,
      }));
      return {
        preMax: pre?.max_score ?? null,
        postMax: post?.max_score ?? null,
        participants: rows.map(({ p, pre: a, post: b }) => ({
          applicationId: p.id,
          familyName: names.get(p.person_id)?.familyName ?? '',
          givenName: names.get(p.person_id)?.givenName ?? '',
          pre: a?.score ?? null,
          post: b?.score ?? null,
          ...knowledgeGain(a, b),
        })),
        event: eventKnowledge(rows),
      };
    },
  };
}

export type TestsService = ReturnType<typeof createTestsService>;
