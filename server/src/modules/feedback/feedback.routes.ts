import {
  assignFeedbackBody,
  closeFeedbackBody,
  escalateFeedbackBody,
  feedbackFollowUp,
  feedbackHandlers,
  feedbackItem,
  feedbackList,
  feedbackListQuery,
  feedbackReceipt,
  feedbackStats,
  followUpBody,
  recordFeedbackBody,
  respondFeedbackBody,
  submitFeedbackBody,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';

const byId = z.object({ id: z.uuid() });
const byUser = z.object({ userId: z.uuid() });

/** Feedback and complaints: the public JSON API, the staff queue, statistics and the designation. */
export const feedbackRoutes: AppRoutes = async (app, { services, config }) => {
  const fb = services.feedback;
  const limited = {
    access: 'public' as const,
    rateLimit: { max: config.publicRatePerMinute, timeWindow: 60_000 },
  };

  app.post(
    '/public/feedback',
    {
      schema: {
        tags: ['public', 'feedback'],
        summary:
          'Send feedback or a complaint (anonymous allowed): answers the reference code and secret, once',
        body: submitFeedbackBody,
        response: { 201: feedbackReceipt },
      },
      config: limited,
    },
    async (req, reply) => reply.status(201).send(await fb.submitPublic(req.tenantId, req.body)),
  );

  app.post(
    '/public/feedback/follow-up',
    {
      schema: {
        tags: ['public', 'feedback'],
        summary:
          'Status and public answers, given the reference code and the secret (in the body, never the address)',
        body: followUpBody,
        response: { 200: feedbackFollowUp },
      },
      config: limited,
    },
    async (req) => fb.followUp(req.tenantId, req.body),
  );

  app.get(
    '/feedback',
    {
      schema: { tags: ['feedback'], querystring: feedbackListQuery, response: { 200: feedbackList } },
      config: { access: 'feedback.read' },
    },
    async (req) => fb.list(actorOf(req), req.query),
  );

  app.post(
    '/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Record feedback received by the hotline, in person or by letter',
        body: recordFeedbackBody,
        response: { 201: feedbackReceipt },
      },
      config: { access: 'feedback.handle' },
    },
    async (req, reply) => reply.status(201).send(await fb.record(actorOf(req), req.body)),
  );

  app.get(
    '/feedback/stats',
    {
      schema: { tags: ['feedback'], response: { 200: feedbackStats } },
      config: { access: 'feedback.stats' },
    },
    async (req) => fb.stats(actorOf(req)),
  );

  app.get(
    '/feedback/handlers',
    {
      schema: { tags: ['feedback'], response: { 200: feedbackHandlers } },
      config: { access: 'feedback.designate' },
    },
    async (req) => fb.listHandlers(actorOf(req)),
  );

  app.put(
    '/feedback/handlers/:userId',
    {
      schema: { tags: ['feedback'], summary: 'Designate a user for sensitive reports', params: byUser },
      config: { access: 'feedback.designate' },
    },
    async (req, reply) => {
      await fb.setHandler(actorOf(req), req.params.userId, true);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/feedback/handlers/:userId',
    { schema: { tags: ['feedback'], params: byUser }, config: { access: 'feedback.designate' } },
    async (req, reply) => {
      await fb.setHandler(actorOf(req), req.params.userId, false);
      return reply.status(204).send();
    },
  );

  app.get(
    '/feedback/:id',
    {
      schema: { tags: ['feedback'], params: byId, response: { 200: feedbackItem } },
      config: { access: 'feedback.read' },
    },
    async (req) => fb.getItem(actorOf(req), req.params.id),
  );

  app.post(
    '/feedback/:id/responses',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Answer (shown on the follow-up page) or add an internal note',
        params: byId,
        body: respondFeedbackBody,
        response: { 200: feedbackItem },
      },
      config: { access: 'feedback.handle' },
    },
    async (req) => fb.respond(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/feedback/:id/assign',
    {
      schema: { tags: ['feedback'], params: byId, body: assignFeedbackBody, response: { 200: feedbackItem } },
      config: { access: 'feedback.handle' },
    },
    async (req) => fb.assign(actorOf(req), req.params.id, req.body.version, req.body.assigneeId),
  );

  app.post(
    '/feedback/:id/escalate',
    {
      schema: {
        tags: ['feedback'],
        params: byId,
        body: escalateFeedbackBody,
        response: { 200: feedbackItem },
      },
      config: { access: 'feedback.handle' },
    },
    async (req) => fb.escalate(actorOf(req), req.params.id, req.body.version, req.body.reason),
  );

  app.post(
    '/feedback/:id/close',
    {
      schema: { tags: ['feedback'], params: byId, body: closeFeedbackBody, response: { 200: feedbackItem } },
      config: { access: 'feedback.handle' },
    },
    async (req) => fb.close(actorOf(req), req.params.id, req.body.version, req.body.resolution),
  );
};
