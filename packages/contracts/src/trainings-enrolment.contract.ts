import { z } from 'zod';
import { locale } from './common.contract.ts';
import { formDefinitionSchema } from './forms.contract.ts';
import { ageBand, populationGroup, sex } from './people.contract.ts';
import { trainingEvent } from './trainings.contract.ts';

/** Training enrolment: applications from the public, then selection of applicants under quotas. */

// ---- public enrolment ----

/** What the public sees of an event open for applications: no capacity details, no staff. */
export const publicTrainingEvent = trainingEvent
  .pick({
    id: true,
    title: true,
    description: true,
    topics: true,
    placePcode: true,
    venue: true,
    startsOn: true,
    endsOn: true,
    enrolmentClosesOn: true,
  })
  .extend({ form: formDefinitionSchema, accepting: z.boolean() });
export type PublicTrainingEvent = z.infer<typeof publicTrainingEvent>;
export const publicTrainingEventsList = z.object({
  items: z.array(publicTrainingEvent.omit({ form: true })),
});

export const trainingApplicationBody = z.object({
  language: locale,
  answers: z.record(z.string().max(64), z.unknown()),
});
export type TrainingApplicationBody = z.infer<typeof trainingApplicationBody>;

export const trainingApplicationReceipt = z.object({
  referenceCode: z.string(),
  status: z.literal('applied'),
});

// ---- applicants and selection ----

export const trainingApplicationStatus = z.enum([
  'applied',
  'selected',
  'waitlisted',
  'not_selected',
  'declined',
  'withdrawn',
]);
export type TrainingApplicationState = z.infer<typeof trainingApplicationStatus>;

/**
 * Why an applicant is where they are: selected under a quota, on an open seat or on a seat a quota
 * left unused; on the waiting list (with the position); or not eligible (with the reason).
 */
export const selectionBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quota'), quota: z.string() }),
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('unused_quota'), quota: z.string() }),
  z.object({ kind: z.literal('waitlist'), position: z.number().int() }),
  z.object({
    kind: z.literal('not_eligible'),
    reason: z.enum(['outside_target_groups', 'outside_age_range']),
  }),
]);
export type SelectionBasis = z.infer<typeof selectionBasis>;

export const trainingApplicant = z.object({
  id: z.uuid(),
  referenceCode: z.string(),
  personId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  sex,
  ageBand: ageBand.nullable(),
  populationGroup: populationGroup.nullable(),
  placePcode: z.string().nullable(),
  language: locale,
  status: trainingApplicationStatus,
  basis: selectionBasis.nullable(),
  /** Order of application (1 = first), the tie-break of selection. */
  rank: z.number().int(),
  submittedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type TrainingApplicant = z.infer<typeof trainingApplicant>;
export const trainingApplicantsList = z.object({ items: z.array(trainingApplicant) });

export const quotaOutcome = z.object({
  code: z.string(),
  seats: z.number().int(),
  filled: z.number().int(),
  /** Matching applicants who were eligible. */
  candidates: z.number().int(),
});

export const selectionResult = z.object({
  capacity: z.number().int(),
  selected: z.number().int(),
  waitlisted: z.number().int(),
  notEligible: z.number().int(),
  openSeats: z.number().int(),
  quotas: z.array(quotaOutcome),
  /** Applicants whose outcome changed in this run (they were notified). */
  changed: z.number().int(),
  applicants: z.array(trainingApplicant),
});
export type SelectionResult = z.infer<typeof selectionResult>;

export const declineBody = z.object({
  version: z.number().int(),
  reason: z.string().trim().max(500).nullable().default(null),
});
export const declineResult = z.object({
  declined: trainingApplicant,
  promoted: z.array(trainingApplicant),
});
