import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, factoryActor } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { DEMO_PROJECT, seedTrainingsDemo } from './trainings.demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo trainings', () => {
  it('seeds a finished spring school with alumni and their sessions, and an open summer school, once', async () => {
    const mission = (await buildOrganisation(t, { type: 'mission' })).id;
    expect(await seedTrainingsDemo(t.services.trainings, t.tenantId, mission)).toEqual({ trainings: 2 });
    expect(await seedTrainingsDemo(t.services.trainings, t.tenantId, mission)).toEqual({ trainings: 0 });
    const reach = await t.services.trainings.reach.projectReach(factoryActor(t, mission), DEMO_PROJECT);
    expect(reach.trained.total).toBe(5);
    expect(reach.audiences).toMatchObject({ sessions: 2, total: 43 });
    expect(reach.reach).toBe(48);
    const open = await t.services.trainings.events.listOpenEvents(t.tenantId);
    expect(open.items.map((e) => e.title.en)).toContain('Summer school “Safe routes”');
  });
});
