import {
  dedupDecisionBody,
  dedupPair,
  dedupPairDetail,
  dedupPairsPage,
  dedupPairsQuery,
  dedupRunStarted,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });

export const dedupRoutes: AppRoutes = async (app, { services }) => {
  app.post(
    '/dedup/runs',
    {
      schema: {
        tags: ['dedup'],
        summary: 'Start a deduplication run over the registry (a durable job)',
        response: { 202: dedupRunStarted },
      },
      config: { access: 'dedup.run' },
    },
    async (req, reply) => reply.status(202).send(await services.dedup.startDedupRun(actorOf(req))),
  );

  app.get(
    '/dedup/pairs',
    {
      schema: {
        tags: ['dedup'],
        summary: 'The review queue, strongest first',
        querystring: dedupPairsQuery,
        response: { 200: dedupPairsPage },
      },
      config: { access: 'dedup.review' },
    },
    async (req) => services.dedup.listPairs(actorOf(req), req.query),
  );

  app.get(
    '/dedup/pairs/:id',
    {
      schema: {
        tags: ['dedup'],
        summary: 'Two records side by side, with the weight each field added',
        params: byId,
        response: { 200: dedupPairDetail },
      },
      config: { access: 'dedup.review' },
    },
    async (req) => services.dedup.getPair(actorOf(req), req.params.id),
  );

  app.post(
    '/dedup/pairs/:id/decision',
    {
      schema: {
        tags: ['dedup'],
        summary: 'Same person (merge, reversible), not the same (remembered), or skip',
        params: byId,
        body: dedupDecisionBody,
        response: { 200: dedupPair },
      },
      config: { access: 'dedup.review' },
    },
    async (req) => services.dedup.decidePair(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/dedup/pairs/:id/undo',
    {
      schema: {
        tags: ['dedup'],
        summary: 'Undo a merge: both records stand alone again',
        params: byId,
        response: { 200: dedupPair },
      },
      config: { access: 'dedup.review' },
    },
    async (req) => services.dedup.undoMerge(actorOf(req), req.params.id),
  );
};
