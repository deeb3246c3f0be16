import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { DEMO_FEEDBACK, seedFeedbackDemo } from './feedback.demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo feedback', () => {
  it('fills the queue with items in every state, handled by the registration officer, once', async () => {
    const mission = (await buildOrganisation(t, { type: 'mission' })).id;
    const registrar = await buildUser(t, { roles: ['registration_officer'], organisationId: mission });
    const seed = () => seedFeedbackDemo(t.services, t.tenantId, mission, registrar.email);
    expect(await seed()).toEqual({ feedback: DEMO_FEEDBACK.length });
    expect(await seed()).toEqual({ feedback: 0 });

    const actor = {
      userId: registrar.id,
      tenantId: t.tenantId,
      organisationId: mission,
      roles: ['registration_officer' as const],
      projectScope: null,
      oblastScope: null,
      label: 'test',
    };
    const queue = await t.services.feedback.list(actor, { limit: 200, offset: 0 });
    expect(queue.total).toBe(DEMO_FEEDBACK.length);
    expect(new Set(queue.items.map((i) => i.status))).toEqual(
      new Set(['new', 'in_progress', 'answered', 'closed']),
    );
    expect(queue.items.some((i) => i.escalationLevel > 0)).toBe(true);
    expect(queue.items.filter((i) => i.assigneeId === registrar.id).length).toBeGreaterThan(0);
    const stats = await t.services.feedback.stats({ ...actor, roles: ['admin'] });
    expect(stats.total).toBe(DEMO_FEEDBACK.length);
    expect(stats.medianDaysToClose).not.toBeNull();
  });
});
