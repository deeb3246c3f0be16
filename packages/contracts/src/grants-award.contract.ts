import { z } from 'zod';
import { applicantGroup, grantCurrency, minorUnits } from './grants.contract.ts';

/**
 * After review: committee sessions and decisions, awards with their agreement and disbursement
 * plan, payments, monitoring and the call dashboard. Money is integer minor units, never a float.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

// ---- Committee ----

export const decisionOutcome = z.enum(['approve', 'waiting_list', 'reject']);
export type DecisionOutcome = z.infer<typeof decisionOutcome>;
export const decisionStatus = z.enum(['proposed', 'approved', 'superseded', 'withdrawn']);

export const grantDecision = z.object({
  id: z.uuid(),
  version: z.number().int(),
  sessionId: z.uuid(),
  callId: z.uuid(),
  applicationId: z.uuid(),
  referenceCode: z.string(),
  outcome: decisionOutcome,
  amountMinor: minorUnits.nullable(),
  currency: grantCurrency,
  reason: z.string().nullable(),
  status: decisionStatus,
  proposedAt: isoDateTime,
  approvedAt: isoDateTime.nullable(),
  approvedBy: z.uuid().nullable(),
  /** The message to the applicant that the approval wrote to the outbox. */
  notificationId: z.uuid().nullable(),
});
export type GrantDecision = z.infer<typeof grantDecision>;

export const callBudget = z.object({
  currency: grantCurrency,
  budgetMinor: minorUnits,
  /** Sum of the amounts of standing approvals. */
  committedMinor: minorUnits,
  remainingMinor: z.number().int(),
  maxPerGrantMinor: minorUnits,
});

export const committeeSession = z.object({
  id: z.uuid(),
  version: z.number().int(),
  callId: z.uuid(),
  heldOn: isoDate,
  minutes: z.string(),
  attendees: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  closedAt: isoDateTime.nullable(),
  decisions: z.array(grantDecision),
  budget: callBudget,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type CommitteeSession = z.infer<typeof committeeSession>;
export const committeeSessionsList = z.object({ items: z.array(committeeSession.omit({ decisions: true })) });

export const createSessionBody = z.object({
  heldOn: isoDate,
  minutes: z.string().trim().max(50_000).default(''),
  attendees: z.array(text(200)).max(50).default([]),
});
export const updateSessionBody = z.object({
  version: z.number().int().min(1),
  heldOn: isoDate.optional(),
  minutes: z.string().trim().max(50_000).optional(),
  attendees: z.array(text(200)).max(50).optional(),
});
export const sessionVersionBody = z.object({ version: z.number().int().min(1) });

export const proposeDecisionBody = z
  .object({
    applicationId: z.uuid(),
    outcome: decisionOutcome,
    /** Approve only: the amount granted, at most the call's maximum per grant. */
    amountMinor: minorUnits.min(1).nullable().default(null),
    /** Required to reject; optional otherwise (shown to the applicant). */
    reason: z.string().trim().min(3).max(2000).nullable().default(null),
  })
  .refine((b) => (b.outcome === 'approve') === (b.amountMinor !== null), {
    message: 'an approval needs an amount, and only an approval has one',
    path: ['amountMinor'],
  })
  .refine((b) => b.outcome !== 'reject' || b.reason !== null, {
    message: 'say why the application is rejected',
    path: ['reason'],
  });
export const decisionVersionBody = z.object({ version: z.number().int().min(1) });

// ---- Awards and the disbursement plan ----

export const trancheItemInput = z.object({
  item: text(300),
  quantity: z.number().int().min(1).max(1_000_000),
  unitCostMinor: minorUnits,
  supplier: z.string().trim().max(300).nullable().default(null),
});
export const trancheInput = z.object({
  amountMinor: minorUnits.min(1),
  dueDate: isoDate,
  condition: z.string().trim().max(1000).nullable().default(null),
  modality: z.enum(['cash', 'in_kind']),
  /** In kind: what is procured; the lines add up to the tranche. */
  items: z.array(trancheItemInput).max(100).default([]),
});
export type TrancheInput = z.output<typeof trancheInput>;

export const setPlanBody = z.object({
  version: z.number().int().min(1),
  tranches: z.array(trancheInput).min(1).max(24),
});

export const createAwardBody = z.object({
  decisionId: z.uuid(),
  /** The agreement's language; the application's language when not given. */
  language: z.enum(['uk', 'en']).optional(),
  /** The grantee's obligations; the standard ones when not given. */
  obligations: z.array(text(1000)).max(30).optional(),
  issuedOn: isoDate.optional(),
  /** The disbursement plan, if known already (it can be set later). */
  tranches: z.array(trancheInput).min(1).max(24).optional(),
});

export const tranche = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  amountMinor: minorUnits,
  paidMinor: minorUnits,
  dueDate: isoDate,
  condition: z.string().nullable(),
  modality: z.enum(['cash', 'in_kind']),
  items: z.array(
    z.object({
      item: z.string(),
      quantity: z.number().int(),
      unitCostMinor: minorUnits,
      totalMinor: minorUnits,
      supplier: z.string().nullable(),
    }),
  ),
});

export const closureReason = z.enum(['completed', 'not_operating', 'terminated', 'other']);
export const grantAward = z.object({
  id: z.uuid(),
  version: z.number().int(),
  callId: z.uuid(),
  applicationId: z.uuid(),
  referenceCode: z.string(),
  decisionId: z.uuid(),
  amountMinor: minorUnits,
  currency: grantCurrency,
  paidMinor: minorUnits,
  language: z.enum(['uk', 'en']),
  obligations: z.array(z.string()),
  issuedOn: isoDate,
  status: z.enum(['active', 'closed']),
  /** The tranches add up to the award: payments may be recorded. */
  planComplete: z.boolean(),
  tranches: z.array(tranche),
  firstPaymentOn: isoDate.nullable(),
  closure: z.object({ reason: closureReason, note: z.string().nullable(), closedAt: isoDateTime }).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type GrantAward = z.infer<typeof grantAward>;
export const awardsQuery = z.object({
  callId: z.uuid().optional(),
  status: z.enum(['active', 'closed']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const awardsPage = z.object({ items: z.array(grantAward), next: z.string().nullable() });

export const closeAwardBody = z.object({
  version: z.number().int().min(1),
  reason: closureReason,
  note: z.string().trim().max(2000).nullable().default(null),
});

// ---- Payments ----

export const recordPaymentBody = z.object({
  trancheId: z.uuid(),
  paidOn: isoDate,
  amountMinor: minorUnits.min(1),
  /** The bank transfer or delivery note reference. */
  reference: text(200),
});
export const grantPayment = z.object({
  id: z.uuid(),
  awardId: z.uuid(),
  trancheId: z.uuid(),
  trancheSeq: z.number().int(),
  paidOn: isoDate,
  amountMinor: minorUnits,
  currency: grantCurrency,
  reference: z.string(),
  /** The row this payment wrote to the assistance ledger. */
  assistanceId: z.uuid(),
  createdAt: isoDateTime,
});
export type GrantPayment = z.infer<typeof grantPayment>;
export const paymentsList = z.object({ items: z.array(grantPayment) });

// ---- Monitoring ----

export const followUpMonth = z.union([z.literal(3), z.literal(6), z.literal(12)]);
export const recordVisitBody = z.object({
  visitedOn: isoDate,
  /** The follow-up this visit counts as, if any. */
  followUpMonth: followUpMonth.nullable().default(null),
  operating: z.boolean(),
  jobsCreated: z.number().int().min(0).max(100_000).default(0),
  jobsKept: z.number().int().min(0).max(100_000).default(0),
  /** Photos uploaded through the files API (JPEG or PNG). */
  photoFileIds: z.array(z.uuid()).max(20).default([]),
  notes: z.string().trim().max(5000).nullable().default(null),
});
export const monitoringVisit = z.object({
  id: z.uuid(),
  awardId: z.uuid(),
  visitedOn: isoDate,
  followUpMonth: followUpMonth.nullable(),
  operating: z.boolean(),
  jobsCreated: z.number().int(),
  jobsKept: z.number().int(),
  photoFileIds: z.array(z.uuid()),
  notes: z.string().nullable(),
  createdAt: isoDateTime,
});
export const visitsList = z.object({ items: z.array(monitoringVisit) });

export const followUpStatus = z.enum(['done', 'overdue', 'due', 'upcoming']);
export const followUp = z.object({
  awardId: z.uuid(),
  callId: z.uuid(),
  referenceCode: z.string(),
  month: followUpMonth,
  /** First payment + 3, 6 or 12 months. */
  dueOn: isoDate,
  /** done: a visit counts as it; overdue: past due; due: within 30 days; upcoming: later. */
  status: followUpStatus,
  visitId: z.uuid().nullable(),
});
export const followUpsQuery = z.object({
  callId: z.uuid().optional(),
  awardId: z.uuid().optional(),
  status: followUpStatus.optional(),
  /** The day to judge from (default today). */
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const followUpsList = z.object({ items: z.array(followUp) });

// ---- Dashboard ----

const breakdown = {
  applied: z.number().int(),
  eligible: z.number().int(),
  approved: z.number().int(),
  committedMinor: minorUnits,
  paidMinor: minorUnits,
};
export const callDashboard = z.object({
  callId: z.uuid(),
  currency: grantCurrency,
  /**
   * applied: submitted; eligible: screened eligible (after override); scored: at least one review
   * submitted; approved: a standing approval; paid: at least one payment; operatingAt6Months: the
   * 6-month follow-up found the business operating.
   */
  funnel: z.object({
    applied: z.number().int(),
    eligible: z.number().int(),
    scored: z.number().int(),
    approved: z.number().int(),
    paid: z.number().int(),
    operatingAt6Months: z.number().int(),
  }),
  money: z.object({ budgetMinor: minorUnits, committedMinor: minorUnits, paidMinor: minorUnits }),
  byOblast: z.array(z.object({ oblastPcode: z.string().nullable(), ...breakdown })),
  byGroup: z.array(z.object({ group: applicantGroup, ...breakdown })),
});
export type CallDashboard = z.infer<typeof callDashboard>;
