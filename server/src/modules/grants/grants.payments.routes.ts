import { grantPayment, paymentsList, recordPaymentBody } from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const tags = ['grants: awards'];

export const grantsPaymentsRoutes: AppRoutes = async (app, { services }) => {
  const payments = services.grantsPayments;

  app.post(
    '/grants/awards/:id/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment against a tranche (never past its amount); writes the assistance ledger',
        params: byId,
        body: recordPaymentBody,
        response: { 201: grantPayment },
      },
      config: { access: 'grants.payments.record' },
    },
    async (req, reply) =>
      reply.status(201).send(await payments.recordPayment(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/grants/awards/:id/payments',
    {
      schema: {
        tags,
        summary: 'Payments of an award, oldest first',
        params: byId,
        response: { 200: paymentsList },
      },
      config: { access: 'grants.awards.read' },
    },
    async (req) => payments.listPayments(actorOf(req), req.params.id),
  );
};
