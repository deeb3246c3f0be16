import {
  alumniList,
  awarenessSession,
  awarenessSessionsPage,
  awarenessSessionsQuery,
  createAwarenessSessionBody,
  eventReach,
  linkGrantBody,
  projectReach,
  projectReachQuery,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

/** Alumni, the awareness sessions they run, and the cascade reach of trainings and projects. */
export const trainingsAwarenessRoutes: AppRoutes = async (app, { services }) => {
  const { awareness, reach } = services.trainings;

  app.get(
    '/trainings/events/:id/alumni',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Alumni of a training: sessions they ran, grant applications, reporting link',
        params: byId,
        response: { 200: alumniList },
      },
      config: { access: 'trainings.participants.read' },
    },
    async (req) => awareness.alumni(actorOf(req), req.params.id),
  );

  app.post(
    '/trainings/alumni/:id/grant-applications',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Link a youth initiative grant application to the alumnus who submitted it',
        params: byId,
        body: linkGrantBody,
        response: { 200: z.object({ grantApplicationIds: z.array(z.uuid()) }) },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => awareness.linkGrant(actorOf(req), req.params.id, req.body.grantApplicationId),
  );

  app.get(
    '/awareness-sessions',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Awareness sessions, latest first (audiences as counts)',
        querystring: awarenessSessionsQuery,
        response: { 200: awarenessSessionsPage },
      },
      config: { access: 'trainings.read' },
    },
    async (req) => awareness.listSessions(actorOf(req), req.query),
  );

  app.post(
    '/awareness-sessions',
    {
      schema: {
        tags: ['trainings'],
        summary:
          'Record an awareness session (by staff, or one an alumnus ran); counts by sex and age band must add up to the total',
        body: createAwarenessSessionBody,
        response: { 201: awarenessSession },
      },
      config: { access: 'awareness.record' },
    },
    async (req, reply) => reply.status(201).send(await awareness.recordSession(actorOf(req), req.body)),
  );

  app.get(
    '/trainings/events/:id/reach',
    {
      schema: {
        tags: ['trainings'],
        summary: "A training's cascade reach: people trained plus its alumni's audiences",
        params: byId,
        response: { 200: eventReach },
      },
      config: { access: 'trainings.reach.read' },
    },
    async (req) => reach.eventReach(actorOf(req), req.params.id),
  );

  app.get(
    '/trainings/reach',
    {
      schema: {
        tags: ['trainings'],
        summary: "A project's cascade reach, with each of its trainings",
        querystring: projectReachQuery,
        response: { 200: projectReach },
      },
      config: { access: 'trainings.reach.read' },
    },
    async (req) => reach.projectReach(actorOf(req), req.query.projectCode),
  );
};
