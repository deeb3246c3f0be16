import {
  alumnusReporter,
  awarenessSession,
  certificateCodeParam,
  certificateVerification,
  publicAwarenessSessionBody,
  publicTrainingEvent,
  publicTrainingEventsList,
  reporterToken,
  trainingApplicationBody,
  trainingApplicationReceipt,
} from '@oselia/contracts';
import { z } from 'zod';
import type { AppRoutes } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

/**
 * What needs no account: trainings open for applications and the application form, checking a
 * certificate's code, and an alumnus's own link for reporting sessions. Rate-limited per address.
 */
export const trainingsPublicRoutes: AppRoutes = async (app, { services, config }) => {
  const { events, enrolment, certificates, awareness } = services.trainings;
  const limited = {
    access: 'public' as const,
    rateLimit: { max: config.publicRatePerMinute, timeWindow: 60_000 },
  };

  app.get(
    '/public/trainings',
    {
      schema: {
        tags: ['public', 'trainings'],
        summary: 'Trainings taking applications now',
        response: { 200: publicTrainingEventsList },
      },
      config: limited,
    },
    async (req) => events.listOpenEvents(req.tenantId),
  );

  app.get(
    '/public/trainings/:id',
    {
      schema: {
        tags: ['public', 'trainings'],
        summary: 'A training and its application form',
        params: byId,
        response: { 200: publicTrainingEvent },
      },
      config: limited,
    },
    async (req) => events.getPublicEvent(req.tenantId, req.params.id),
  );

  app.post(
    '/public/trainings/:id/applications',
    {
      schema: {
        tags: ['public', 'trainings'],
        summary: 'Apply (no account): answers are checked against the form; a reference comes back',
        params: byId,
        body: trainingApplicationBody,
        response: { 201: trainingApplicationReceipt },
      },
      config: limited,
    },
    async (req, reply) =>
      reply.status(201).send(await enrolment.apply(req.tenantId, req.params.id, req.body)),
  );

  app.get(
    '/public/certificates/:code',
    {
      schema: {
        tags: ['public', 'trainings'],
        summary:
          "Check a certificate's code: valid or not, the training, its dates and the holder's initials",
        params: certificateCodeParam,
        response: { 200: certificateVerification },
      },
      config: limited,
    },
    async (req) => certificates.verify(req.tenantId, req.params.code),
  );

  app.get(
    '/public/awareness/reporters/:token',
    {
      schema: {
        tags: ['public', 'trainings'],
        summary: "An alumnus's reporting link: whose it is (initials) and the sessions recorded with it",
        params: reporterToken,
        response: { 200: alumnusReporter },
      },
      config: limited,
    },
    async (req) => awareness.reporterInfo(req.tenantId, req.params.token),
  );

  app.post(
    '/public/awareness/reporters/:token/sessions',
    {
      schema: {
        tags: ['public', 'trainings'],
        summary: 'An alumnus records an awareness session they ran (counts must add up to the total)',
        params: reporterToken,
        body: publicAwarenessSessionBody,
        response: { 201: awarenessSession.omit({ facilitator: true }) },
      },
      config: limited,
    },
    async (req, reply) =>
      reply.status(201).send(await awareness.reportViaLink(req.tenantId, req.params.token, req.body)),
  );
};
