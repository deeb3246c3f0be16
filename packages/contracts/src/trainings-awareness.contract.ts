import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { pcode } from './places.contract.ts';
import { projectCode, trainingTopic } from './trainings.contract.ts';
import { isoDate } from './trainings-fields.ts';

/** After a training: its alumni, the awareness sessions they run and the cascade reach of it all. */

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
