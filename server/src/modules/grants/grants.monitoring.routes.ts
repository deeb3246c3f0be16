import {
  closeAwardBody,
  followUpsList,
  followUpsQuery,
  grantAward,
  monitoringVisit,
  recordVisitBody,
  visitsList,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const tags = ['grants: monitoring'];

export const grantsMonitoringRoutes: AppRoutes = async (app, { services }) => {
  const monitoring = services.grantsMonitoring;

  app.post(
    '/grants/awards/:id/visits',
    {
      schema: {
        tags,
        summary:
          'Record a monitoring visit (operating or not, jobs, photos, notes; may count as a follow-up)',
        params: byId,
        body: recordVisitBody,
        response: { 201: monitoringVisit },
      },
      config: { access: 'grants.monitoring.write' },
    },
    async (req, reply) =>
      reply.status(201).send(await monitoring.recordVisit(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/grants/awards/:id/visits',
    {
      schema: {
        tags,
        summary: 'Monitoring visits of an award, oldest first',
        params: byId,
        response: { 200: visitsList },
      },
      config: { access: 'grants.monitoring.read' },
    },
    async (req) => monitoring.listVisits(actorOf(req), req.params.id),
  );

  app.get(
    '/grants/follow-ups',
    {
      schema: {
        tags,
        summary: 'Follow-ups at 3, 6 and 12 months after the first payment: due, overdue, upcoming or done',
        querystring: followUpsQuery,
        response: { 200: followUpsList },
      },
      config: { access: 'grants.monitoring.read' },
    },
    async (req) => monitoring.followUps(actorOf(req), req.query),
  );

  app.post(
    '/grants/awards/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an award with the reason (completed, not operating, terminated, other)',
        params: byId,
        body: closeAwardBody,
        response: { 200: grantAward },
      },
      config: { access: 'grants.monitoring.write' },
    },
    async (req) => services.grantsAwards.closeAward(actorOf(req), req.params.id, req.body),
  );
};
