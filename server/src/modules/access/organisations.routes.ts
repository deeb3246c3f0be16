import {
  createOrganisationBody,
  organisation,
  organisationsPage,
  pageQuery,
  updateOrganisationBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

export const organisationsRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisations the user may see',
        querystring: pageQuery,
        response: { 200: organisationsPage },
      },
      config: { access: 'organisations.read' },
    },
    async (req) => services.organisations.listOrganisations(actorOf(req), req.query),
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation',
        body: createOrganisationBody,
        response: { 201: organisation },
      },
      config: { access: 'organisations.manage' },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.organisations.createOrganisation(req.tenantId, actorOf(req), req.body)),
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: byId,
        response: { 200: organisation },
      },
      config: { access: 'organisations.read' },
    },
    async (req) => services.organisations.getOrganisation(actorOf(req), req.params.id),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename or retype an organisation (send the version you read)',
        params: byId,
        body: updateOrganisationBody,
        response: { 200: organisation },
      },
      config: { access: 'organisations.manage' },
    },
    async (req) => services.organisations.updateOrganisation(actorOf(req), req.params.id, req.body),
  );
};
