import { z } from 'zod';
import type { AppRoutes } from '../../http/route-types.ts';

/** Who may be assigned to review: a name to choose by, nothing else (no email, no roles). */
const reviewerChoices = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

/**
 * The reviewers a programme manager may assign (active users with the reviewer role). The users
 * list itself is for administrators only; this answers just enough to choose.
 */
export const grantsReviewersRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/grants/reviewers',
    {
      schema: {
        tags: ['grants: review'],
        summary: 'Active users with the reviewer role, by name, to assign to applications',
        response: { 200: reviewerChoices },
      },
      config: { access: 'grants.reviews.assign' },
    },
    async (req) => {
      const page = await services.users.listUsers(req.tenantId, {
        role: 'reviewer',
        status: 'active',
        limit: 200,
      });
      return {
        items: page.items
          .map((u) => ({ id: u.id, name: u.displayName }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
  );
};
