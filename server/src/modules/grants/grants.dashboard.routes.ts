import { callDashboard } from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

export const grantsDashboardRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/grants/calls/:id/dashboard',
    {
      schema: {
        tags: ['grants: monitoring'],
        summary:
          'Funnel applied → eligible → scored → approved → paid → operating at 6 months; money; by oblast and applicant group',
        params: z.object({ id: z.uuid() }),
        response: { 200: callDashboard },
      },
      config: { access: 'grants.dashboard.read' },
    },
    async (req) => services.grantsDashboard.callDashboard(actorOf(req), req.params.id),
  );
};
