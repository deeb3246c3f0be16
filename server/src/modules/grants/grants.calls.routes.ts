import {
  callVersionBody,
  createCallBody,
  grantCall,
  grantCallsPage,
  listCallsQuery,
  updateCallBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

/** Calls for proposals (staff): draft, change, open after checks, close. */
export const grantCallsRoutes: AppRoutes = async (app, { services }) => {
  const calls = services.grantCalls;

  app.get(
    '/grants/calls',
    {
      schema: {
        tags: ['grants'],
        summary: 'Calls for proposals, newest first',
        querystring: listCallsQuery,
        response: { 200: grantCallsPage },
      },
      config: { access: 'grants.calls.read' },
    },
    async (req) => calls.listCalls(actorOf(req), req.query),
  );

  app.post(
    '/grants/calls',
    {
      schema: {
        tags: ['grants'],
        summary:
          'Draft a call: kind, texts in uk/en, money in minor units, dates, rules, documents, rubric, form',
        body: createCallBody,
        response: { 201: grantCall },
      },
      config: { access: 'grants.calls.manage' },
    },
    async (req, reply) => reply.status(201).send(await calls.createCall(actorOf(req), req.body)),
  );

  app.get(
    '/grants/calls/:id',
    {
      schema: {
        tags: ['grants'],
        summary: 'A call with its rules, documents, rubric and application counts',
        params: byId,
        response: { 200: grantCall },
      },
      config: { access: 'grants.calls.read' },
    },
    async (req) => calls.getCall(actorOf(req), req.params.id),
  );

  app.patch(
    '/grants/calls/:id',
    {
      schema: {
        tags: ['grants'],
        summary:
          'Change a call (send the version you read; 409 if stale). An open call changes only its texts and a later closing date',
        params: byId,
        body: updateCallBody,
        response: { 200: grantCall },
      },
      config: { access: 'grants.calls.manage' },
    },
    async (req) => calls.updateCall(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/grants/calls/:id/open',
    {
      schema: {
        tags: ['grants'],
        summary:
          'Open a draft call to applications (422 with the reasons unless the form is pinned, the rubric weights add up to 100 and the dates hold)',
        params: byId,
        body: callVersionBody,
        response: { 200: grantCall },
      },
      config: { access: 'grants.calls.manage' },
    },
    async (req) => calls.openCall(actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    '/grants/calls/:id/close',
    {
      schema: {
        tags: ['grants'],
        summary: 'Close an open call: no more applications are started or submitted',
        params: byId,
        body: callVersionBody,
        response: { 200: grantCall },
      },
      config: { access: 'grants.calls.manage' },
    },
    async (req) => calls.closeCall(actorOf(req), req.params.id, req.body.version),
  );
};
