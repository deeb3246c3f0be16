import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildFeedback, feedbackIdOf } from './feedback.test-support.ts';

/** One valid request per feedback route, for the policy matrix (access.matrix.test.ts). */
interface Example {
  url: string;
  payload?: unknown;
}

export function feedbackExamples(app: () => TestApp): Record<string, () => Promise<Example>> {
  const t = () => app();
  const item = async () => {
    const r = await buildFeedback(t(), { category: 'question' });
    return feedbackIdOf(t(), r.referenceCode);
  };
  /** A user whose role may handle sensitive reports, to designate (invited: no password to hash). */
  const officerId = async () =>
    (await buildUser(t(), { roles: ['registration_officer'], password: null })).id;
  return {
    'POST /api/v1/public/feedback': async () => ({
      url: '/api/v1/public/feedback',
      payload: { category: 'question', text: 'When is the next training?', anonymous: true },
    }),
    'POST /api/v1/public/feedback/follow-up': async () => {
      const r = await buildFeedback(t());
      return {
        url: '/api/v1/public/feedback/follow-up',
        payload: { referenceCode: r.referenceCode, secret: r.secret },
      };
    },
    'GET /api/v1/feedback': async () => ({ url: '/api/v1/feedback?overdue=false' }),
    'POST /api/v1/feedback': async () => ({
      url: '/api/v1/feedback',
      payload: {
        category: 'request',
        channel: 'hotline',
        text: 'A caller asks for winter clothes.',
        anonymous: true,
      },
    }),
    'GET /api/v1/feedback/stats': async () => ({ url: '/api/v1/feedback/stats' }),
    'GET /api/v1/feedback/handlers': async () => ({ url: '/api/v1/feedback/handlers' }),
    'PUT /api/v1/feedback/handlers/:userId': async () => ({
      url: `/api/v1/feedback/handlers/${await officerId()}`,
    }),
    'DELETE /api/v1/feedback/handlers/:userId': async () => ({
      url: `/api/v1/feedback/handlers/${await officerId()}`,
    }),
    'GET /api/v1/feedback/:id': async () => ({ url: `/api/v1/feedback/${await item()}` }),
    'POST /api/v1/feedback/:id/responses': async () => ({
      url: `/api/v1/feedback/${await item()}/responses`,
      payload: { version: 1, visibility: 'internal', text: 'Called back.' },
    }),
    'POST /api/v1/feedback/:id/assign': async () => ({
      url: `/api/v1/feedback/${await item()}/assign`,
      payload: { version: 1, assigneeId: null },
    }),
    'POST /api/v1/feedback/:id/escalate': async () => ({
      url: `/api/v1/feedback/${await item()}/escalate`,
      payload: { version: 1, reason: 'Needs a manager' },
    }),
    'POST /api/v1/feedback/:id/close': async () => ({
      url: `/api/v1/feedback/${await item()}/close`,
      payload: { version: 1, resolution: 'Answered by phone' },
    }),
  };
}
