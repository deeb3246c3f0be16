import { awardsPage, awardsQuery, createAwardBody, grantAward, setPlanBody } from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const tags = ['grants: awards'];

export const grantsAwardsRoutes: AppRoutes = async (app, { services }) => {
  const awards = services.grantsAwards;

  app.post(
    '/grants/awards',
    {
      schema: {
        tags,
        summary: 'Make the award of an approved decision (optionally with its disbursement plan)',
        body: createAwardBody,
        response: { 201: grantAward },
      },
      config: { access: 'grants.awards.manage' },
    },
    async (req, reply) => reply.status(201).send(await awards.createAward(actorOf(req), req.body)),
  );

  app.get(
    '/grants/awards',
    {
      schema: {
        tags,
        summary: 'Awards, newest first (filter by call and status)',
        querystring: awardsQuery,
        response: { 200: awardsPage },
      },
      config: { access: 'grants.awards.read' },
    },
    async (req) => awards.listAwards(actorOf(req), req.query),
  );

  app.get(
    '/grants/awards/:id',
    {
      schema: {
        tags,
        summary: 'An award with its tranches, procurement lines and what is paid',
        params: byId,
        response: { 200: grantAward },
      },
      config: { access: 'grants.awards.read' },
    },
    async (req) => awards.getAward(actorOf(req), req.params.id),
  );

  app.put(
    '/grants/awards/:id/plan',
    {
      schema: {
        tags,
        summary:
          'Set the disbursement plan: tranches (cash, or in kind with procurement lines) adding up to the award',
        params: byId,
        body: setPlanBody,
        response: { 200: grantAward },
      },
      config: { access: 'grants.awards.manage' },
    },
    async (req) => awards.setPlan(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/grants/awards/:id/agreement.pdf',
    {
      schema: {
        tags,
        summary: 'The grant agreement as a PDF, in the award’s language (Ukrainian or English)',
        params: byId,
        response: { 200: z.any() },
      },
      config: { access: 'grants.awards.read' },
    },
    async (req, reply) => {
      const { pdf, fileName } = await awards.agreementPdf(actorOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
