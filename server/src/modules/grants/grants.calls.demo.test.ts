import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, call, factoryActor } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedGrantsDemo } from './grants.calls.demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('grants demo', () => {
  it('opens a business and a youth call, with two applications of which screening finds one ineligible; once', async () => {
    const mission = await buildOrganisation(t, { type: 'mission' });
    expect(await seedGrantsDemo(t.services, t.tenantId, mission.id)).toEqual({ calls: 2, applications: 2 });
    expect(await seedGrantsDemo(t.services, t.tenantId, mission.id)).toEqual({ calls: 0, applications: 0 });

    const open = (await call(t, null, 'GET', '/api/v1/public/grants/calls')).json().items;
    expect(open.map((c: { kind: string }) => c.kind).sort()).toEqual(['business', 'youth']);
    const business = open.find((c: { kind: string }) => c.kind === 'business');
    const page = (await call(t, null, 'GET', `/api/v1/public/grants/calls/${business.id}`)).json();
    expect(page.maxPerGrantMinor).toBe(700_000);
    expect(page.eligibility.map((e: { en: string }) => e.en)).toContain(
      'Excluded sectors: gambling, alcohol_tobacco',
    );

    const actor = factoryActor(t, mission.id);
    const counts = await t.services.grantScreening.screenCall(actor, business.id);
    expect(counts).toMatchObject({ screened: 2, eligible: 1, ineligible: 1 });
    const listed = await t.services.grantScreening.listApplications(actor, business.id, {
      eligible: 'false',
      limit: 10,
    });
    const detail = await t.services.grantScreening.getApplication(actor, listed.items[0]!.id, false);
    expect(detail.screening!.rules.filter((r) => r.outcome === 'fail').map((r) => r.type)).toEqual([
      'registered_at_least_months',
      'staff_at_most',
      'amount_at_most',
    ]);
  });
});
