import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TrainingTestAnswersTable, TrainingTestsTable } from '../../db/schema.ts';

/** Pre and post knowledge tests with their answer keys, and participants' scored answers. */
export function createTestsRepository(db: Database) {
  return {
    findTest(tenantId: string, eventId: string, kind: 'pre' | 'post') {
      return db
        .selectFrom('training_tests')
        .select(['id', 'version', 'event_id', 'kind', 'questions', 'max_score'])
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .where('kind', '=', kind)
        .executeTakeFirst();
    },

    insertTest(row: Insertable<TrainingTestsTable>) {
      return db
        .insertInto('training_tests')
        .values(row)
        .returning(['id', 'version', 'event_id', 'kind', 'questions', 'max_score'])
        .executeTakeFirstOrThrow();
    },

    updateTest(
      tenantId: string,
      id: string,
      version: number,
      questions: string,
      maxScore: number,
      userId: string | null,
    ) {
      return db
        .updateTable('training_tests')
        .set({
          questions,
          max_score: maxScore,
          version: sql`version + 1`,
          updated_at: sql`now()`,
          updated_by: userId,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id', 'version', 'event_id', 'kind', 'questions', 'max_score'])
        .executeTakeFirst();
    },

    async upsertAnswers(rows: Insertable<TrainingTestAnswersTable>[]) {
      if (rows.length === 0) return;
      await db
        .insertInto('training_test_answers')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'test_id', 'application_id']).doUpdateSet((eb) => ({
            answers: eb.ref('excluded.answers'),
            score: eb.ref('excluded.score'),
            max_score: eb.ref('excluded.max_score'),
            recorded_at: sql`now()`,
            recorded_by: eb.ref('excluded.recorded_by'),
          })),
        )
        .execute();
    },

    listAnswers(tenantId: string, testId: string) {
      return db
        .selectFrom('training_test_answers')
        .select(['application_id', 'answers', 'score', 'max_score'])
        .where('tenant_id', '=', tenantId)
        .where('test_id', '=', testId)
        .execute();
    },

    countAnswers(tenantId: string, testId: string) {
      return db
        .selectFrom('training_test_answers')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('tenant_id', '=', tenantId)
        .where('test_id', '=', testId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
  };
}
