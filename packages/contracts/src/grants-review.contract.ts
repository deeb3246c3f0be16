import { z } from 'zod';
import {
  applicantGroup,
  applicationDocument,
  applicationStatus,
  bilingualText,
  grantCurrency,
  minorUnits,
  scoringRubric,
} from './grants.contract.ts';

/**
 * Review of grant applications: reviewers assigned per application, a declaration of conflict
 * of interest before anything is shown, scores per rubric criterion with a comment each, and a
 * ranking per call. Scores are independent: a reviewer sees the others' only after submitting.
 */

const isoDateTime = z.iso.datetime({ offset: true });

export const reviewAssignmentStatus = z.enum(['assigned', 'recused', 'submitted', 'withdrawn']);
export type ReviewAssignmentStatus = z.infer<typeof reviewAssignmentStatus>;
export const conflictDeclaration = z.enum(['undeclared', 'none', 'declared']);

export const assignReviewersBody = z.object({
  reviewerIds: z.array(z.uuid()).min(1).max(10),
});

export const criterionScore = z.object({
  criterion: z.string().min(1).max(64),
  score: z.number().int().min(0).max(100),
  /** Why this score; required when the review is submitted. */
  comment: z.string().trim().max(2000).default(''),
});
export type CriterionScoreInput = z.input<typeof criterionScore>;

/** A reviewer on an application, as the programme manager sees it (scores once submitted). */
export const reviewAssignment = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  callId: z.uuid(),
  reviewer: z.object({ id: z.uuid(), name: z.string() }),
  status: reviewAssignmentStatus,
  conflict: conflictDeclaration,
  conflictNote: z.string().nullable(),
  declaredAt: isoDateTime.nullable(),
  weightedTotal: z.number().nullable(),
  scores: z.array(criterionScore),
  submittedAt: isoDateTime.nullable(),
  assignedAt: isoDateTime,
});
export type ReviewAssignment = z.infer<typeof reviewAssignment>;

export const agreement = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Highest minus lowest weighted total, in points of the 0–100 scale. */
  spread: z.number(),
  /** The spread is above `threshold` points: the reviewers read the application very differently. */
  strongDisagreement: z.boolean(),
});

export const applicationReviews = z.object({
  applicationId: z.uuid(),
  referenceCode: z.string(),
  status: applicationStatus,
  /** The call's reviewers per application (recused reviewers do not count). */
  required: z.number().int(),
  assignments: z.array(reviewAssignment),
  agreement,
});
export type ApplicationReviews = z.infer<typeof applicationReviews>;

/** One assignment in a reviewer's own list: enough to judge a conflict of interest, nothing more. */
export const myReviewAssignment = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  callId: z.uuid(),
  callTitle: bilingualText,
  referenceCode: z.string(),
  organisationName: z.string().nullable(),
  applicantName: z.string().nullable(),
  oblastPcode: z.string().nullable(),
  status: reviewAssignmentStatus,
  conflict: conflictDeclaration,
  submittedAt: isoDateTime.nullable(),
  assignedAt: isoDateTime,
});
export const myReviewsQuery = z.object({ status: reviewAssignmentStatus.optional() });
export const myReviewsList = z.object({ items: z.array(myReviewAssignment) });

export const declareConflictBody = z
  .object({
    /** true: I have a conflict of interest and step aside; false: I have none. */
    conflict: z.boolean(),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((b) => !b.conflict || (b.note?.length ?? 0) >= 3, {
    message: 'say what the conflict is (a relative, a business partner, …)',
    path: ['note'],
  });

export const conflictDeclared = z.object({
  assignmentId: z.uuid(),
  status: reviewAssignmentStatus,
  conflict: conflictDeclaration,
});

export const saveScoresBody = z.object({ scores: z.array(criterionScore).max(30) });

/** What a reviewer reads and scores: the application without contact details or screening. */
export const applicationForReview = z.object({
  id: z.uuid(),
  referenceCode: z.string(),
  callId: z.uuid(),
  callTitle: bilingualText,
  language: z.enum(['uk', 'en']),
  organisationName: z.string().nullable(),
  applicantName: z.string().nullable(),
  oblastPcode: z.string().nullable(),
  groups: z.array(applicantGroup),
  requestedAmountMinor: minorUnits.nullable(),
  currency: grantCurrency,
  answers: z.record(z.string(), z.unknown()),
  documents: z.array(applicationDocument),
  submittedAt: isoDateTime.nullable(),
});

export const reviewSheet = z.object({
  assignmentId: z.uuid(),
  status: reviewAssignmentStatus,
  application: applicationForReview,
  rubric: scoringRubric,
  scores: z.array(criterionScore),
  weightedTotal: z.number().nullable(),
  submittedAt: isoDateTime.nullable(),
  /** The other reviewers' submitted reviews: null until this reviewer has submitted its own. */
  others: z
    .array(
      z.object({
        reviewer: z.string(),
        weightedTotal: z.number(),
        scores: z.array(criterionScore),
      }),
    )
    .nullable(),
});
export type ReviewSheet = z.infer<typeof reviewSheet>;

export const rankingRow = z.object({
  rank: z.number().int().nullable(),
  applicationId: z.uuid(),
  referenceCode: z.string(),
  organisationName: z.string().nullable(),
  oblastPcode: z.string().nullable(),
  groups: z.array(applicantGroup),
  status: applicationStatus,
  requestedAmountMinor: minorUnits.nullable(),
  reviewsSubmitted: z.number().int(),
  reviewsRequired: z.number().int(),
  ...agreement.shape,
  /** The mean score per criterion, on the criterion's own scale. */
  criteria: z.array(z.object({ key: z.string(), mean: z.number().nullable() })),
});
export const callRanking = z.object({
  callId: z.uuid(),
  currency: grantCurrency,
  /** Strong disagreement: a spread of weighted totals above this many points (of 100). */
  threshold: z.number(),
  items: z.array(rankingRow),
});
export type CallRanking = z.infer<typeof callRanking>;
