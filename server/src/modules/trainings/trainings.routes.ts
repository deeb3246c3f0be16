import {
  createTrainingEventBody,
  declineBody,
  declineResult,
  facilitatorCandidates,
  selectionResult,
  trainingApplicantsList,
  trainingEvent,
  trainingEventsPage,
  trainingEventsQuery,
  updateTrainingEventBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

/** Training events, their applicants and the selection. */
export const trainingsRoutes: AppRoutes = async (app, { services }) => {
  const { events, enrolment } = services.trainings;

  app.get(
    '/trainings/events',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Trainings, latest first',
        querystring: trainingEventsQuery,
        response: { 200: trainingEventsPage },
      },
      config: { access: 'trainings.read' },
    },
    async (req) => events.listEvents(actorOf(req), req.query),
  );

  app.post(
    '/trainings/events',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Create a training: topics, project, place, sessions, capacity, quotas, completion rule',
        body: createTrainingEventBody,
        response: { 201: trainingEvent },
      },
      config: { access: 'trainings.manage' },
    },
    async (req, reply) => reply.status(201).send(await events.createEvent(actorOf(req), req.body)),
  );

  app.get(
    '/trainings/events/:id',
    {
      schema: { tags: ['trainings'], summary: 'A training', params: byId, response: { 200: trainingEvent } },
      config: { access: 'trainings.read' },
    },
    async (req) => events.getEvent(actorOf(req), req.params.id),
  );

  app.patch(
    '/trainings/events/:id',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Change a training or its status (stale version → 409)',
        params: byId,
        body: updateTrainingEventBody,
        response: { 200: trainingEvent },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => events.updateEvent(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/trainings/facilitator-candidates',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Staff who may be named as facilitators',
        response: { 200: facilitatorCandidates },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => events.facilitatorCandidates(actorOf(req)),
  );

  app.get(
    '/trainings/events/:id/applications',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Applicants in order of application, with their outcome and why',
        params: byId,
        response: { 200: trainingApplicantsList },
      },
      config: { access: 'trainings.participants.read' },
    },
    async (req) => enrolment.listApplicants(actorOf(req), req.params.id),
  );

  app.post(
    '/trainings/events/:id/selection',
    {
      schema: {
        tags: ['trainings'],
        summary: 'Run the selection: quotas, open seats, unused quota seats, waiting list (seats held stay)',
        params: byId,
        response: { 200: selectionResult },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => enrolment.runSelection(actorOf(req), req.params.id),
  );

  app.post(
    '/trainings/applications/:id/decline',
    {
      schema: {
        tags: ['trainings'],
        summary: 'An applicant gives up their place; the next who fits is promoted from the waiting list',
        params: byId,
        body: declineBody,
        response: { 200: declineResult },
      },
      config: { access: 'trainings.manage' },
    },
    async (req) => enrolment.decline(actorOf(req), req.params.id, req.body),
  );
};
