import {
  applicationsPage,
  grantApplication,
  linkPersonBody,
  listApplicationsQuery,
  overrideScreeningBody,
  screening,
  screeningRunResult,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

/** Applications for staff: lists, the full record, screening and its override, the registry link. */
export const grantScreeningRoutes: AppRoutes = async (app, { services }) => {
  const s = services.grantScreening;

  app.get(
    '/grants/calls/:id/applications',
    {
      schema: {
        tags: ['grants'],
        summary: "A call's applications, filtered by status, oblast and screening result",
        params: byId,
        querystring: listApplicationsQuery,
        response: { 200: applicationsPage },
      },
      config: { access: 'grants.applications.read' },
    },
    async (req) => s.listApplications(actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/grants/calls/:id/screening',
    {
      schema: {
        tags: ['grants'],
        summary: 'Screen every submitted application of the call (eligibility per rule, registry check)',
        params: byId,
        response: { 200: screeningRunResult },
      },
      config: { access: 'grants.screening.manage' },
    },
    async (req) => s.screenCall(actorOf(req), req.params.id),
  );

  app.get(
    '/grants/applications/:id',
    {
      schema: {
        tags: ['grants'],
        summary: 'An application with answers, documents and screening (the opening is audit-logged)',
        params: byId,
        response: { 200: grantApplication },
      },
      config: { access: 'grants.applications.read' },
    },
    async (req) => s.getApplication(actorOf(req), req.params.id),
  );

  app.post(
    '/grants/applications/:id/screening',
    {
      schema: {
        tags: ['grants'],
        summary: 'Screen one application again (a kept override still decides)',
        params: byId,
        response: { 200: screening },
      },
      config: { access: 'grants.screening.manage' },
    },
    async (req) => s.screenApplication(actorOf(req), req.params.id),
  );

  app.post(
    '/grants/applications/:id/screening/override',
    {
      schema: {
        tags: ['grants'],
        summary: 'Decide eligibility by hand, with a reason (audit-logged); send the screening version',
        params: byId,
        body: overrideScreeningBody,
        response: { 200: screening },
      },
      config: { access: 'grants.screening.manage' },
    },
    async (req) => s.overrideScreening(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/grants/applications/:id/person',
    {
      schema: {
        tags: ['grants'],
        summary: 'Link the application to its person in the registry (send the application version)',
        params: byId,
        body: linkPersonBody,
        response: { 200: grantApplication },
      },
      config: { access: 'grants.screening.manage' },
    },
    async (req) => s.linkPerson(actorOf(req), req.params.id, req.body),
  );
};
