import { job, jobsPage, jobsQuery } from '@oselia/contracts';
import { z } from 'zod';
import type { AppRoutes } from '../../http/route-types.ts';

export const jobsRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Background jobs, newest first',
        querystring: jobsQuery,
        response: { 200: jobsPage },
      },
      config: { access: 'jobs.read' },
    },
    async (req) => services.jobs.listJobs(req.tenantId, req.query),
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One job with its progress',
        params: z.object({ id: z.uuid() }),
        response: { 200: job },
      },
      config: { access: 'jobs.read' },
    },
    async (req) => services.jobs.getJob(req.tenantId, req.params.id),
  );

  app.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued or running job',
        params: z.object({ id: z.uuid() }),
        response: { 200: job },
      },
      config: { access: 'jobs.cancel' },
    },
    async (req) => services.jobs.cancelJob(req.tenantId, req.params.id),
  );
};
