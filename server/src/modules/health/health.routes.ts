import { healthResponse } from '@oselia/contracts';
import type { AppRoutes } from '../../http/route-types.ts';

export const healthRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['public', 'system'],
        summary: 'Liveness, database engine and migration level',
        response: { 200: healthResponse },
      },
      config: { access: 'public' },
    },
    async () => services.system.describeHealth(),
  );
};
