import type {
  ApplicantGroup,
  ApplicationReviews,
  ApplicationStatus,
  BilingualText,
  ReviewAssignmentStatus,
  ReviewSheet,
} from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { UsersService } from '../access/users.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import { answersOf, toDocument } from './grants.applications.mapper.ts';
import { type ApplicationRow, createApplicationsRepository } from './grants.applications.repository.ts';
import { rubricOf } from './grants.calls.mapper.ts';
import { type CallRow, createCallsRepository } from './grants.calls.repository.ts';
import { nameOf, scopeOfApplication, scoresOf, toAssignment } from './grants.reviews.mapper.ts';
import { rankCall } from './grants.reviews.ranking.ts';
import {
  type AssignmentRow,
  createReviewsRepository,
  moveApplicationStatus,
} from './grants.reviews.repository.ts';
import { agreementOf, type CriterionScore, checkScores, weightedTotal } from './grants.reviews.rules.ts';

/** Where reviewers may be added: screened eligible, or already in review. */
const ASSIGNABLE: readonly ApplicationStatus[] = ['screened_eligible', 'in_review', 'reviewed'];
/** Where scores may still come in. */
const SCORABLE: readonly ApplicationStatus[] = ['in_review', 'reviewed'];

/** The one answer a reviewer gets for an application it may not see, whether it exists or not. */
const notAssigned = () => new AppError('FORBIDDEN', 'this application is not assigned to you');

/**
 * Review: a programme manager assigns reviewers; each declares a conflict of interest (and is
 * recused) or none before the application opens to it; scores per criterion with a comment;
 * a reviewer sees the others' scores only after submitting its own. Ranking per call.
 */
export function createReviewsService(
  db: Database,
  deps: { crypto: Crypto; audit: AuditService; users: Pick<UsersService, 'getUser'> },
) {
  const repo = createReviewsRepository(db);
  const apps = createApplicationsRepository(db);
  const calls = createCallsRepository(db);

  async function loadForManager(
    actor: Actor,
    applicationId: string,
    action: 'grants.reviews.assign' | 'grants.reviews.read',
  ) {
    const app = await apps.findApplication(actor.tenantId, applicationId);
    if (!app) throw notFound('application');
    const call = (await calls.findCall(actor.tenantId, app.call_id))!;
    assertCan(actor, action, scopeOfApplication(call, app));
    return { app, call };
  }

  /** The reviewer's own standing assignment; anything else looks the same from outside. */
  async function loadForReviewer(actor: Actor, applicationId: string) {
    const assignment = await repo.findLiveAssignment(actor.tenantId, applicationId, actor.userId);
    if (!assignment || assignment.status === 'recused') throw notAssigned();
    const app = (await apps.findApplication(actor.tenantId, applicationId))!;
    const call = (await calls.findCall(actor.tenantId, app.call_id))!;
    return { assignment, app, call };
  }

  async function reviewsOf(app: ApplicationRow, call: CallRow): Promise<ApplicationReviews> {
    const rows = await repo.listForApplication(app.tenant_id, app.id);
    const scores = await repo.listScores(
      app.tenant_id,
      rows.map((r) => r.id),
    );
    const totals = rows.filter((r) => r.status === 'submitted').map((r) => r.weighted_total!);
    const current = (await apps.findApplication(app.tenant_id, app.id))!;
    return {
      applicationId: app.id,
      referenceCode: app.reference_code,
      status: current.status as ApplicationStatus,
      required: call.reviewers_per_application,
      assignments: rows.map((r) => toAssignment(r, scoresOf(call, scores, r.id))),
      agreement: agreementOf(totals),
    };
  }

  async function audit(actor: Actor, action: string, entityId: string, meta: unknown, trx?: Database) {
    await deps.audit.recordAudit(
      { tenantId: actor.tenantId, actor, action, entityType: 'grant_application', entityId, meta },
      trx,
    );
  }

  /** An application is reviewed once the call's number of reviews is in. */
  async function settleReviewState(trx: Database, actor: Actor, app: ApplicationRow, call: CallRow) {
    const { submitted } = await createReviewsRepository(trx).countStanding(actor.tenantId, app.id);
    if (submitted >= call.reviewers_per_application)
      await moveApplicationStatus(trx, actor.tenantId, app.id, ['in_review'], 'reviewed', actor.userId);
    else await moveApplicationStatus(trx, actor.tenantId, app.id, ['reviewed'], 'in_review', actor.userId);
  }

  return {
    /** May this signed-in user read this application's documents as its reviewer? */
    async reviewerMayRead(actor: Actor, applicationId: string) {
      const a = await repo.findLiveAssignment(actor.tenantId, applicationId, actor.userId);
      return !!a && a.conflict === 'none' && a.status !== 'recused';
    },

    async assignReviewers(actor: Actor, applicationId: string, reviewerIds: readonly string[]) {
      const { app, call } = await loadForManager(actor, applicationId, 'grants.reviews.assign');
      if (!ASSIGNABLE.includes(app.status as ApplicationStatus)) {
        throw new AppError(
          'CONFLICT',
          `reviewers are assigned to applications screened eligible; this one is ${app.status.replace('_', ' ')}`,
        );
      }
      const ids = [...new Set(reviewerIds)];
      const problems = new FieldProblems();
      for (const [i, id] of ids.entries()) {
        const user = await deps.users.getUser(actor.tenantId, id).catch(() => null);
        if (user?.status !== 'active' || !user.roles.includes('reviewer'))
          problems.add(`reviewerIds.${i}`, 'not an active user with the reviewer role');
        else if (await repo.findLiveAssignment(actor.tenantId, applicationId, id))
          problems.add(`reviewerIds.${i}`, 'already assigned to this application');
      }
      problems.throwIfAny();
      await db.transaction().execute(async (trx) => {
        // The application row is the lock: two managers assigning at once cannot pass the limit.
        await createApplicationsRepository(trx).findApplication(actor.tenantId, applicationId, true);
        const r = createReviewsRepository(trx);
        const { standing } = await r.countStanding(actor.tenantId, applicationId);
        if (standing + ids.length > call.reviewers_per_application) {
          throw new AppError(
            'CONFLICT',
            `this call asks ${call.reviewers_per_application} reviewer(s) per application; ${standing} already assigned`,
            { required: call.reviewers_per_application, standing },
          );
        }
        for (const reviewerId of ids) {
          await r
            .insertAssignment({
              tenant_id: actor.tenantId,
              id: uuidv7(),
              call_id: call.id,
              application_id: applicationId,
              reviewer_id: reviewerId,
              status: 'assigned',
              assigned_by: actor.userId,
            })
            .catch((error: { code?: string }) => {
              // Someone assigned the same reviewer a moment ago.
              if (error?.code === '23505')
                throw new AppError('CONFLICT', 'a reviewer was assigned meanwhile: reload');
              throw error;
            });
        }
        await moveApplicationStatus(
          trx,
          actor.tenantId,
          applicationId,
          ['screened_eligible', 'reviewed'],
          'in_review',
          actor.userId,
        );
        await audit(actor, 'grant_review.assigned', applicationId, { reviewerIds: ids }, trx);
      });
      return reviewsOf(app, call);
    },

    /** Takes a reviewer off an application it has not scored yet. */
    async withdrawAssignment(actor: Actor, assignmentId: string) {
      const a = await repo.findAssignment(actor.tenantId, assignmentId);
      if (!a) throw notFound('assignment');
      const { app, call } = await loadForManager(actor, a.application_id, 'grants.reviews.assign');
      if (a.status === 'submitted')
        throw new AppError('CONFLICT', 'this review was submitted and stays on record');
      if (a.status === 'withdrawn') throw new AppError('CONFLICT', 'this assignment was withdrawn already');
      await db.transaction().execute(async (trx) => {
        const done = await createReviewsRepository(trx).updateAssignment(actor.tenantId, a.id, a.version, {
          status: 'withdrawn',
        });
        if (!done) throw new AppError('CONFLICT', 'the assignment changed meanwhile: reload');
        await settleReviewState(trx, actor, app, call);
        await audit(
          actor,
          'grant_review.withdrawn',
          app.id,
          { assignmentId: a.id, reviewerId: a.reviewer_id },
          trx,
        );
      });
      return reviewsOf(app, call);
    },

    async applicationReviews(actor: Actor, applicationId: string) {
      const { app, call } = await loadForManager(actor, applicationId, 'grants.reviews.read');
      return reviewsOf(app, call);
    },

    /** A reviewer's own assignments: the applicant's name and business, to judge a conflict. */
    async myReviews(actor: Actor, status: ReviewAssignmentStatus | undefined) {
      const rows = await repo.listForReviewer(actor.tenantId, actor.userId, status);
      return {
        items: rows.map((r) => ({
          id: r.id,
          applicationId: r.application_id,
          callId: r.call_id,
          callTitle: r.call_title as BilingualText,
          referenceCode: r.reference_code,
          ...nameOf(deps.crypto, r.applicant_encrypted),
          oblastPcode: r.oblast_pcode,
          status: r.status,
          conflict: r.conflict,
          submittedAt: iso(r.submitted_at),
          assignedAt: iso(r.created_at),
        })),
      };
    },

    /** Before anything else: a conflict of interest (the reviewer steps aside) or none. */
    async declareConflict(
      actor: Actor,
      applicationId: string,
      body: { conflict: boolean; note: string | null },
    ) {
      const { assignment: a, app } = await loadForReviewer(actor, applicationId);
      if (a.conflict !== 'undeclared') throw new AppError('CONFLICT', 'you have declared already');
      await db.transaction().execute(async (trx) => {
        const done = await createReviewsRepository(trx).updateAssignment(actor.tenantId, a.id, a.version, {
          conflict: body.conflict ? 'declared' : 'none',
          conflict_note: body.note,
          declared_at: new Date(),
          ...(body.conflict ? { status: 'recused' as const } : {}),
        });
        if (!done) throw new AppError('CONFLICT', 'the assignment changed meanwhile: reload');
        await audit(
          actor,
          body.conflict ? 'grant_review.recused' : 'grant_review.no_conflict',
          app.id,
          { assignmentId: a.id },
          trx,
        );
      });
      return body.conflict
        ? { assignmentId: a.id, status: 'recused' as const, conflict: 'declared' as const }
        : { assignmentId: a.id, status: a.status, conflict: 'none' as const };
    },

    /** The application as its reviewer reads it; the others' reviews once its own is in. */
    async reviewSheet(actor: Actor, applicationId: string): Promise<ReviewSheet> {
      const { assignment: a, app, call } = await loadForReviewer(actor, applicationId);
      if (a.conflict !== 'none') {
        throw new AppError('CONFLICT', 'declare any conflict of interest before the application opens', {
          conflict: a.conflict,
          assignmentId: a.id,
        });
      }
      const all = await repo.listForApplication(actor.tenantId, applicationId);
      const submittedOthers = all.filter((x) => x.id !== a.id && x.status === 'submitted');
      const scores = await repo.listScores(actor.tenantId, [a.id, ...submittedOthers.map((x) => x.id)]);
      const documents = await apps.listDocuments(actor.tenantId, applicationId);
      await deps.audit.recordRead({
        tenantId: actor.tenantId,
        actor,
        entityType: 'grant_application',
        entityId: applicationId,
        action: 'grant_application.read_for_review',
      });
      return {
        assignmentId: a.id,
        status: a.status,
        application: {
          id: app.id,
          referenceCode: app.reference_code,
          callId: app.call_id,
          callTitle: call.title as BilingualText,
          language: app.language,
          ...nameOf(deps.crypto, app.applicant_encrypted),
          oblastPcode: app.oblast_pcode,
          groups: app.groups as ApplicantGroup[],
          requestedAmountMinor: app.requested_minor === null ? null : Number(app.requested_minor),
          currency: app.currency,
          answers: answersOf(app),
          documents: documents.map(toDocument),
          submittedAt: iso(app.submitted_at),
        },
        rubric: rubricOf(call),
        scores: scoresOf(call, scores, a.id),
        weightedTotal: a.weighted_total,
        submittedAt: iso(a.submitted_at),
        // Independence: nobody is anchored by another's scores before giving its own.
        others:
          a.status === 'submitted'
            ? submittedOthers.map((o, i) => ({
                reviewer: `${i + 1}`,
                weightedTotal: o.weighted_total!,
                scores: scoresOf(call, scores, o.id),
              }))
            : null,
      };
    },

    /** Saves scores as a draft (any subset, comments optional). */
    async saveScores(actor: Actor, applicationId: string, scores: CriterionScore[]) {
      const { assignment: a, call, app } = await loadForReviewer(actor, applicationId);
      requireScorable(a, app);
      throwScoreProblems(checkScores(rubricOf(call), scores, { complete: false }));
      await db.transaction().execute(async (trx) => {
        const r = createReviewsRepository(trx);
        if (!(await r.updateAssignment(actor.tenantId, a.id, a.version, {})))
          throw new AppError('CONFLICT', 'the review changed meanwhile: reload');
        await r.replaceScores(actor.tenantId, a.id, scores);
      });
      return this.reviewSheet(actor, applicationId);
    },

    /** Submits the review: every criterion scored with a comment. Final. */
    async submitReview(actor: Actor, applicationId: string) {
      const { assignment: a, call, app } = await loadForReviewer(actor, applicationId);
      requireScorable(a, app);
      const rubric = rubricOf(call);
      const saved = (await repo.listScores(actor.tenantId, [a.id])).map((s) => ({
        criterion: s.criterion_key,
        score: s.score,
        comment: s.comment,
      }));
      throwScoreProblems(checkScores(rubric, saved, { complete: true }));
      const total = weightedTotal(rubric, saved);
      await db.transaction().execute(async (trx) => {
        const done = await createReviewsRepository(trx).updateAssignment(actor.tenantId, a.id, a.version, {
          status: 'submitted',
          weighted_total: total,
          submitted_at: new Date(),
        });
        if (!done) throw new AppError('CONFLICT', 'the review changed meanwhile: reload');
        await settleReviewState(trx, actor, app, call);
        await audit(
          actor,
          'grant_review.submitted',
          app.id,
          { assignmentId: a.id, weightedTotal: total },
          trx,
        );
      });
      return this.reviewSheet(actor, applicationId);
    },

    /** The call's applications ranked by mean weighted score (see grants.reviews.ranking.ts). */
    ranking(actor: Actor, callId: string) {
      return rankCall(db, deps.crypto, actor, callId);
    },
  };
}

function requireScorable(a: AssignmentRow, app: ApplicationRow) {
  if (a.conflict !== 'none')
    throw new AppError('CONFLICT', 'declare any conflict of interest before scoring', {
      conflict: a.conflict,
    });
  if (a.status === 'submitted')
    throw new AppError('CONFLICT', 'your review is submitted and can no longer change');
  if (!SCORABLE.includes(app.status as ApplicationStatus))
    throw new AppError('CONFLICT', `the application is ${app.status.replace('_', ' ')}; reviews are closed`);
}

function throwScoreProblems(problems: { field: string; message: string }[]) {
  const p = new FieldProblems();
  for (const x of problems) p.add(x.field, x.message);
  p.throwIfAny();
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
