import { z } from 'zod';
import { locale, pageOf } from './common.contract.ts';
import { formDefinitionSchema } from './forms.contract.ts';
import { ageBand, populationGroup, sex } from './people.contract.ts';
import { pcode } from './places.contract.ts';

/**
 * Trainings (e.g. a summer school on counter-trafficking and safe migration), their public
 * enrolment with quotas, attendance, knowledge tests, certificates, alumni, the awareness sessions
 * alumni run, and the cascade reach of it all.
 */

const isoDate = z.iso.date();
const bilingual = z
  .object({ uk: z.string().trim().max(300), en: z.string().trim().max(300) })
  .refine((t) => t.uk !== '' || t.en !== '', { message: 'give the text in Ukrainian, English or both' });
const bilingualLong = z.object({ uk: z.string().trim().max(4000), en: z.string().trim().max(4000) });

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

// ---- attendance ----

export const attendanceEntry = z.object({ applicationId: z.uuid(), present: z.boolean() });
export const attendanceBody = z.object({ entries: z.array(attendanceEntry).max(1000) });
export const attendanceSheet = z.object({
  event: z.object({ id: z.uuid(), title: z.object({ uk: z.string(), en: z.string() }) }),
  session: trainingSession,
  sessionCount: z.number().int(),
  entries: z.array(
    z.object({
      applicationId: z.uuid(),
      familyName: z.string(),
      givenName: z.string(),
      patronymic: z.string().nullable(),
      /** null = not recorded yet. */
      present: z.boolean().nullable(),
    }),
  ),
  recordedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type AttendanceSheet = z.infer<typeof attendanceSheet>;

// ---- knowledge tests ----

export const testKind = z.enum(['pre', 'post']);
export type TestKind = z.infer<typeof testKind>;
const shortId = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits, _');
export const testQuestion = z.object({
  id: shortId,
  text: bilingual,
  choices: z
    .array(z.object({ id: shortId, text: bilingual }))
    .min(2)
    .max(10),
  /** The answer key: the choices that are right (all of them must be picked, and no other). */
  correct: z.array(shortId).min(1),
  points: z.number().int().min(1).max(100).default(1),
});
export type TestQuestion = z.infer<typeof testQuestion>;
export const testBody = z.object({
  questions: z.array(testQuestion).min(1).max(100),
  version: z.number().int().optional(),
});
export const knowledgeTest = z.object({
  id: z.uuid(),
  kind: testKind,
  questions: z.array(testQuestion),
  maxScore: z.number().int(),
  version: z.number().int(),
  answered: z.number().int(),
});
export type KnowledgeTest = z.infer<typeof knowledgeTest>;
export const testParams = z.object({ id: z.uuid(), kind: testKind });

/** A participant's picks per question id. */
export const testAnswers = z.record(shortId, z.array(shortId).max(10));
export const testAnswersBody = z.object({
  entries: z
    .array(z.object({ applicationId: z.uuid(), answers: testAnswers }))
    .min(1)
    .max(1000),
});
export const testScores = z.object({
  items: z.array(z.object({ applicationId: z.uuid(), score: z.number().int(), maxScore: z.number().int() })),
});

export const participantGain = z.object({
  applicationId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  pre: z.number().int().nullable(),
  post: z.number().int().nullable(),
  /** Percentage points, post − pre (null until both are scored). */
  gain: z.number().nullable(),
  /** (post − pre) / (max − pre): the share of what there was to learn that was learned. */
  normalisedGain: z.number().nullable(),
});
export const knowledgeSummary = z.object({
  preMax: z.number().int().nullable(),
  postMax: z.number().int().nullable(),
  participants: z.array(participantGain),
  event: z.object({
    withBoth: z.number().int(),
    meanPrePercent: z.number().nullable(),
    meanPostPercent: z.number().nullable(),
    meanGain: z.number().nullable(),
    meanNormalisedGain: z.number().nullable(),
    shareImproved: z.number().nullable(),
  }),
});
export type KnowledgeSummary = z.infer<typeof knowledgeSummary>;

// ---- participants, completion, certificates ----

export const trainingParticipant = z.object({
  applicationId: z.uuid(),
  personId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  attended: z.number().int(),
  sessions: z.number().int(),
  minutesAttended: z.number().int(),
  completed: z.boolean(),
  certificate: z
    .object({
      id: z.uuid(),
      code: z.string(),
      issuedAt: z.iso.datetime({ offset: true }),
      revoked: z.boolean(),
    })
    .nullable(),
});
export type TrainingParticipant = z.infer<typeof trainingParticipant>;
export const trainingParticipantsList = z.object({ items: z.array(trainingParticipant) });

export const certificate = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  code: z.string(),
  holderName: z.string(),
  minutes: z.number().int(),
  issuedAt: z.iso.datetime({ offset: true }),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Certificate = z.infer<typeof certificate>;
export const issueCertificatesResult = z.object({
  issued: z.array(certificate),
  /** Completers who already had one. */
  alreadyIssued: z.number().int(),
  /** Participants the rule does not count as completers. */
  notCompleted: z.number().int(),
});
export const revokeCertificateBody = z.object({ reason: z.string().trim().min(1).max(500) });

/** Typed codes: Crockford base32, case and dashes ignored. */
export const certificateCodeParam = z.object({ code: z.string().trim().min(4).max(40) });
/** The public answer: nothing about the holder but initials. */
export const certificateVerification = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    code: z.string(),
    holderInitials: z.string(),
    eventTitle: z.object({ uk: z.string(), en: z.string() }),
    startsOn: isoDate,
    endsOn: isoDate,
  }),
  z.object({ valid: z.literal(false), code: z.string() }),
]);
export type CertificateVerification = z.infer<typeof certificateVerification>;

// ---- alumni ----

export const alumnus = z.object({
  applicationId: z.uuid(),
  personId: z.uuid(),
  eventId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  awarenessSessions: z.number().int(),
  audienceTotal: z.number().int(),
  grantApplicationIds: z.array(z.uuid()),
  /** A link the alumnus uses to report awareness sessions without an account (staff only). */
  reportingLink: z.string().nullable(),
});
export type Alumnus = z.infer<typeof alumnus>;
export const alumniList = z.object({ items: z.array(alumnus) });
export const alumniQuery = z.object({ eventId: z.uuid() });
export const linkGrantBody = z.object({ grantApplicationId: z.uuid() });

// ---- awareness sessions ----

export const audienceCounts = z.object({
  f_0_17: z.number().int().min(0).max(100_000),
  f_18_59: z.number().int().min(0).max(100_000),
  f_60_plus: z.number().int().min(0).max(100_000),
  m_0_17: z.number().int().min(0).max(100_000),
  m_18_59: z.number().int().min(0).max(100_000),
  m_60_plus: z.number().int().min(0).max(100_000),
});
export type AudienceCounts = z.infer<typeof audienceCounts>;
export const audienceCells = [
  'f_0_17',
  'f_18_59',
  'f_60_plus',
  'm_0_17',
  'm_18_59',
  'm_60_plus',
] as const satisfies readonly (keyof AudienceCounts)[];

const awarenessFields = {
  date: isoDate,
  topic: trainingTopic,
  venue: z.string().trim().min(1).max(200),
  placePcode: pcode,
  audience: audienceCounts,
  total: z.number().int().min(1).max(600_000),
  materials: z.string().trim().max(2000).nullable().default(null),
  photoFileIds: z.array(z.uuid()).max(10).default([]),
};
/** Staff record a session they ran, or one an alumnus ran (`alumnusApplicationId`). */
export const createAwarenessSessionBody = z.object({
  ...awarenessFields,
  alumnusApplicationId: z.uuid().nullable().default(null),
});
export type CreateAwarenessSessionBody = z.input<typeof createAwarenessSessionBody>;
/** An alumnus reporting through their own link. */
export const publicAwarenessSessionBody = z.object(awarenessFields);

export const awarenessSession = z.object({
  id: z.uuid(),
  date: isoDate,
  topic: trainingTopic,
  venue: z.string(),
  placePcode: z.string(),
  audience: audienceCounts,
  total: z.number().int(),
  materials: z.string().nullable(),
  photoFileIds: z.array(z.uuid()),
  facilitator: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('staff'), userId: z.uuid().nullable(), name: z.string() }),
    z.object({
      kind: z.literal('alumnus'),
      applicationId: z.uuid(),
      eventId: z.uuid(),
      initials: z.string(),
    }),
  ]),
  projectCode: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type AwarenessSession = z.infer<typeof awarenessSession>;
export const awarenessSessionsPage = pageOf(awarenessSession);
export const awarenessSessionsQuery = z.object({
  eventId: z.uuid().optional(),
  alumnusApplicationId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const reporterToken = z.object({ token: z.string().min(20).max(100) });
export const alumnusReporter = z.object({
  initials: z.string(),
  eventTitle: z.object({ uk: z.string(), en: z.string() }),
  sessions: z.array(awarenessSession.omit({ facilitator: true })),
});

// ---- cascade reach ----

export const reachBreakdown = z.object({
  /** Completers, distinct persons, by sex and age band as they gave them when applying. */
  trained: z.object({
    total: z.number().int(),
    female: z.number().int(),
    male: z.number().int(),
    otherOrUnknown: z.number().int(),
    byAgeBand: z.object({
      '0-17': z.number().int(),
      '18-59': z.number().int(),
      '60+': z.number().int(),
      unknown: z.number().int(),
    }),
  }),
  audiences: audienceCounts.extend({ total: z.number().int(), sessions: z.number().int() }),
  /** trained.total + audiences.total */
  reach: z.number().int(),
});
export type ReachBreakdown = z.infer<typeof reachBreakdown>;
export const eventReach = reachBreakdown.extend({
  eventId: z.uuid(),
  title: z.object({ uk: z.string(), en: z.string() }),
  projectCode: z.string(),
  alumniActive: z.number().int(),
});
export type EventReach = z.infer<typeof eventReach>;
export const projectReach = reachBreakdown.extend({
  projectCode: z.string(),
  events: z.array(eventReach),
});
export type ProjectReach = z.infer<typeof projectReach>;
export const projectReachQuery = z.object({ projectCode });

// ---- staff who may facilitate ----

export const facilitatorCandidates = z.object({
  items: z.array(z.object({ userId: z.uuid(), name: z.string() })),
});
