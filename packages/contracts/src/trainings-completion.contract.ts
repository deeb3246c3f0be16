import { z } from 'zod';
import { trainingSession } from './trainings.contract.ts';
import { bilingual, isoDate } from './trainings-fields.ts';

/**
 * What follows selection in a training: attendance per session, pre and post knowledge tests,
 * completion and certificates (with their public verification).
 */

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
