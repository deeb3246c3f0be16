import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { populationGroup } from './people.contract.ts';
import { pcode } from './places.contract.ts';
import { bilingual, bilingualLong, isoDate } from './trainings-fields.ts';

/**
 * Trainings (e.g. a summer school on counter-trafficking and safe migration), their public
 * enrolment with quotas, attendance, knowledge tests, certificates, alumni, the awareness sessions
 * alumni run, and the cascade reach of it all.
 *
 * This file holds what the others build on: topics, statuses and the events themselves (their
 * sessions, quotas, facilitators and editing). Enrolment and selection are in
 * trainings-enrolment.contract.ts; attendance, tests and certificates in
 * trainings-completion.contract.ts; alumni, awareness sessions and reach in
 * trainings-awareness.contract.ts.
 */

export const trainingTopic = z.enum([
  'counter_trafficking',
  'safe_migration',
  'gbv_prevention',
  'digital_safety',
  'psychosocial_support',
  'social_cohesion',
  'livelihoods',
  'youth_leadership',
]);
export type TrainingTopic = z.infer<typeof trainingTopic>;

export const trainingStatus = z.enum(['draft', 'open', 'closed', 'cancelled']);
export type TrainingStatus = z.infer<typeof trainingStatus>;

/** A population group as trainings target and count it (the registry's groups). */
export type TargetGroup = z.infer<typeof populationGroup>;

export const projectCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ -');

/** Seats kept for a group: `percent` of the capacity, rounded down. */
export const trainingQuota = z.object({
  code: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z][a-z0-9_]*$/, 'a lower-case letter, then lower-case letters, digits or _'),
  label: bilingual,
  populationGroups: z.array(populationGroup).min(1).max(4),
  percent: z.number().int().min(1).max(100),
});
export type TrainingQuota = z.infer<typeof trainingQuota>;

export const trainingSessionInput = z.object({
  /** Keep an existing session (its attendance) by sending its id; a new one has none. */
  id: z.uuid().optional(),
  date: isoDate,
  title: bilingual.nullable().default(null),
  minutes: z.number().int().min(15).max(720),
});

/** A staff user, or someone from outside named as written. */
export const facilitatorInput = z.union([
  z.object({ userId: z.uuid() }).strict(),
  z.object({ name: z.string().trim().min(1).max(200) }).strict(),
]);

export const completionRule = z.object({
  /** Attended sessions × 100 ≥ this × all sessions. */
  minAttendancePercent: z.number().int().min(1).max(100).default(80),
});
export type CompletionRule = z.infer<typeof completionRule>;

const eventFields = {
  title: bilingual,
  description: bilingualLong.default({ uk: '', en: '' }),
  topics: z.array(trainingTopic).min(1).max(8),
  projectCode,
  placePcode: pcode,
  venue: z.string().trim().max(200).nullable().default(null),
  capacity: z.number().int().min(1).max(1000),
  /** Who may be selected; empty = everyone. */
  targetGroups: z.array(populationGroup).max(4).default([]),
  ageMin: z.number().int().min(0).max(120).nullable().default(null),
  ageMax: z.number().int().min(0).max(120).nullable().default(null),
  quotas: z.array(trainingQuota).max(10).default([]),
  /** Seats a quota could not fill go to the others. */
  fillUnusedQuotas: z.boolean().default(true),
  completion: completionRule.default({ minAttendancePercent: 80 }),
  sessions: z.array(trainingSessionInput).min(1).max(60),
  facilitators: z.array(facilitatorInput).max(20).default([]),
  /** A stored form (forms module) used for enrolment; null = the standard enrolment form. */
  enrolmentForm: z
    .object({ formId: z.uuid(), version: z.number().int().min(1) })
    .nullable()
    .default(null),
  enrolmentClosesOn: isoDate.nullable().default(null),
};

export const createTrainingEventBody = z.object(eventFields);
export type CreateTrainingEventBody = z.input<typeof createTrainingEventBody>;

export const updateTrainingEventBody = z
  .object({
    title: eventFields.title,
    description: bilingualLong,
    topics: eventFields.topics,
    projectCode,
    placePcode: pcode,
    venue: z.string().trim().max(200).nullable(),
    capacity: eventFields.capacity,
    targetGroups: z.array(populationGroup).max(4),
    ageMin: z.number().int().min(0).max(120).nullable(),
    ageMax: z.number().int().min(0).max(120).nullable(),
    quotas: z.array(trainingQuota).max(10),
    fillUnusedQuotas: z.boolean(),
    completion: completionRule,
    sessions: eventFields.sessions,
    facilitators: z.array(facilitatorInput).max(20),
    enrolmentForm: z.object({ formId: z.uuid(), version: z.number().int().min(1) }).nullable(),
    enrolmentClosesOn: isoDate.nullable(),
    status: trainingStatus,
  })
  .partial()
  .extend({ version: z.number().int() });

export const trainingSession = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  date: isoDate,
  title: z.object({ uk: z.string(), en: z.string() }).nullable(),
  minutes: z.number().int(),
});
export type TrainingSession = z.infer<typeof trainingSession>;

export const trainingFacilitator = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
});

export const trainingCounts = z.object({
  applied: z.number().int(),
  selected: z.number().int(),
  waitlisted: z.number().int(),
  notSelected: z.number().int(),
  declined: z.number().int(),
});

export const trainingEvent = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: trainingStatus,
  title: z.object({ uk: z.string(), en: z.string() }),
  description: z.object({ uk: z.string(), en: z.string() }),
  topics: z.array(trainingTopic),
  projectCode: z.string(),
  placePcode: z.string(),
  venue: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  capacity: z.number().int(),
  targetGroups: z.array(populationGroup),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  quotas: z.array(trainingQuota),
  fillUnusedQuotas: z.boolean(),
  completion: completionRule,
  sessions: z.array(trainingSession),
  facilitators: z.array(trainingFacilitator),
  enrolmentForm: z.object({ formId: z.uuid(), version: z.number().int() }).nullable(),
  enrolmentClosesOn: isoDate.nullable(),
  counts: trainingCounts,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TrainingEvent = z.infer<typeof trainingEvent>;

export const trainingEventSummary = trainingEvent.pick({
  id: true,
  status: true,
  title: true,
  topics: true,
  projectCode: true,
  placePcode: true,
  startsOn: true,
  endsOn: true,
  capacity: true,
  counts: true,
});
export type TrainingEventSummary = z.infer<typeof trainingEventSummary>;
export const trainingEventsPage = pageOf(trainingEventSummary);
export const trainingEventsQuery = z.object({
  status: trainingStatus.optional(),
  projectCode: projectCode.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- staff who may facilitate ----

export const facilitatorCandidates = z.object({
  items: z.array(z.object({ userId: z.uuid(), name: z.string() })),
});
