import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GrantReviewAssignmentsTable } from '../../db/schema.ts';

const ASSIGNMENT_COLUMNS = [
  'ra.tenant_id',
  'ra.id',
  'ra.version',
  'ra.call_id',
  'ra.application_id',
  'ra.reviewer_id',
  'ra.status',
  'ra.conflict',
  'ra.conflict_note',
  'ra.declared_at',
  'ra.weighted_total',
  'ra.submitted_at',
  'ra.assigned_by',
  'ra.created_at',
  'ra.updated_at',
] as const;

/**
 * Moves an application on, only from the states given (so two people acting at once cannot
 * skip a step). True when it moved.
 */
export async function moveApplicationStatus(
  db: Database,
  tenantId: string,
  applicationId: string,
  from: readonly string[],
  to: string,
  userId: string | null,
) {
  const r = await db
    .updateTable('grant_applications')
    .set({ status: to, updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', applicationId)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Reviewer assignments with their conflict declarations, and the scores per criterion. */
export function createReviewsRepository(db: Database) {
  const assignments = (tenantId: string) =>
    db
      .selectFrom('grant_review_assignments as ra')
      .innerJoin('users as u', (j) =>
        j.onRef('u.tenant_id', '=', 'ra.tenant_id').onRef('u.id', '=', 'ra.reviewer_id'),
      )
      .select([...ASSIGNMENT_COLUMNS, 'u.display_name as reviewer_name'])
      .where('ra.tenant_id', '=', tenantId);

  return {
    insertAssignment(row: Insertable<GrantReviewAssignmentsTable>) {
      return db.insertInto('grant_review_assignments').values(row).execute();
    },

    findAssignment(tenantId: string, id: string) {
      return assignments(tenantId).where('ra.id', '=', id).executeTakeFirst();
    },

    /** The reviewer's standing (not withdrawn) assignment to an application. */
    findLiveAssignment(tenantId: string, applicationId: string, reviewerId: string) {
      return assignments(tenantId)
        .where('ra.application_id', '=', applicationId)
        .where('ra.reviewer_id', '=', reviewerId)
        .where('ra.status', '<>', 'withdrawn')
        .executeTakeFirst();
    },

    listForApplication(tenantId: string, applicationId: string) {
      return assignments(tenantId)
        .where('ra.application_id', '=', applicationId)
        .orderBy('ra.created_at')
        .orderBy('ra.id')
        .execute();
    },

    /** A reviewer's own list, with what it needs to judge a conflict (sealed applicant included). */
    listForReviewer(tenantId: string, reviewerId: string, status: string | undefined) {
      let q = db
        .selectFrom('grant_review_assignments as ra')
        .innerJoin('grant_applications as a', (j) =>
          j.onRef('a.tenant_id', '=', 'ra.tenant_id').onRef('a.id', '=', 'ra.application_id'),
        )
        .innerJoin('grant_calls as c', (j) =>
          j.onRef('c.tenant_id', '=', 'ra.tenant_id').onRef('c.id', '=', 'ra.call_id'),
        )
        .select([
          ...ASSIGNMENT_COLUMNS,
          'a.reference_code',
          'a.applicant_encrypted',
          'a.oblast_pcode',
          'c.title as call_title',
        ])
        .where('ra.tenant_id', '=', tenantId)
        .where('ra.reviewer_id', '=', reviewerId)
        .where('ra.status', '<>', 'withdrawn')
        .orderBy('ra.created_at', 'desc')
        .orderBy('ra.id', 'desc')
        .limit(500);
      if (status) q = q.where('ra.status', '=', status as GrantReviewAssignmentsTable['status']);
      return q.execute();
    },

    /** Changes an assignment only if it is still as the caller read it. */
    updateAssignment(
      tenantId: string,
      id: string,
      version: number,
      patch: Updateable<GrantReviewAssignmentsTable>,
    ) {
      return db
        .updateTable('grant_review_assignments')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id'])
        .executeTakeFirst();
    },

    async replaceScores(
      tenantId: string,
      assignmentId: string,
      scores: readonly { criterion: string; score: number; comment: string }[],
    ) {
      await db
        .deleteFrom('grant_review_scores')
        .where('tenant_id', '=', tenantId)
        .where('assignment_id', '=', assignmentId)
        .execute();
      if (scores.length === 0) return;
      await db
        .insertInto('grant_review_scores')
        .values(
          scores.map((s) => ({
            tenant_id: tenantId,
            assignment_id: assignmentId,
            criterion_key: s.criterion,
            score: s.score,
            comment: s.comment,
          })),
        )
        .execute();
    },

    listScores(tenantId: string, assignmentIds: readonly string[]) {
      if (assignmentIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('grant_review_scores')
        .select(['assignment_id', 'criterion_key', 'score', 'comment'])
        .where('tenant_id', '=', tenantId)
        .where('assignment_id', 'in', assignmentIds)
        .orderBy('assignment_id')
        .orderBy('criterion_key')
        .execute();
    },

    /** Reviewers who still count for an application: assigned or submitted, not recused. */
    async countStanding(tenantId: string, applicationId: string) {
      const r = await db
        .selectFrom('grant_review_assignments')
        .select([
          sql<number>`count(*) filter (where status in ('assigned', 'submitted'))::int`.as('standing'),
          sql<number>`count(*) filter (where status = 'submitted')::int`.as('submitted'),
        ])
        .where('tenant_id', '=', tenantId)
        .where('application_id', '=', applicationId)
        .executeTakeFirstOrThrow();
      return { standing: Number(r.standing), submitted: Number(r.submitted) };
    },

    /** Applications of a call that are, or were, in review, with what ranking needs of each. */
    listRankable(tenantId: string, callId: string) {
      return db
        .selectFrom('grant_applications as a')
        .select([
          'a.id',
          'a.reference_code',
          'a.status',
          'a.applicant_encrypted',
          'a.oblast_pcode',
          'a.groups',
          'a.requested_minor',
        ])
        .where('a.tenant_id', '=', tenantId)
        .where('a.call_id', '=', callId)
        .where('a.status', 'in', [
          'screened_eligible',
          'in_review',
          'reviewed',
          'approved',
          'waiting_list',
          'rejected',
          'awarded',
          'closed',
        ])
        .execute();
    },

    /** Every submitted review of a call, with its scores, for ranking. */
    listSubmittedForCall(tenantId: string, callId: string) {
      return db
        .selectFrom('grant_review_assignments as ra')
        .innerJoin('grant_review_scores as s', (j) =>
          j.onRef('s.tenant_id', '=', 'ra.tenant_id').onRef('s.assignment_id', '=', 'ra.id'),
        )
        .select(['ra.id', 'ra.application_id', 'ra.weighted_total', 's.criterion_key', 's.score'])
        .where('ra.tenant_id', '=', tenantId)
        .where('ra.call_id', '=', callId)
        .where('ra.status', '=', 'submitted')
        .execute();
    },
  };
}

export type AssignmentRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createReviewsRepository>['findAssignment']>>
>;
