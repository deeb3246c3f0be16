import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /grants/reviewers', () => {
  it('lists active reviewers by name only, for those who assign them', async () => {
    const active = await buildUser(t, { roles: ['reviewer'] });
    const invited = await buildUser(t, { roles: ['reviewer'], password: null });
    const finance = await buildUser(t, { roles: ['finance_officer'] });
    const { session } = await signedInAs(t, ['programme_manager']);

    const res = await call(t, session, 'GET', '/api/v1/grants/reviewers');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; name: string }[];
    const ids = items.map((r) => r.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(invited.id);
    expect(ids).not.toContain(finance.id);
    expect(items.find((r) => r.id === active.id)).toEqual({ id: active.id, name: active.displayName });
    // A name to choose by, nothing more: no email, roles or scope.
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'name']);
  });

  it('is refused to a reviewer and to a finance officer', async () => {
    for (const role of ['reviewer', 'finance_officer'] as const) {
      const { session } = await signedInAs(t, [role]);
      expect((await call(t, session, 'GET', '/api/v1/grants/reviewers')).statusCode).toBe(403);
    }
  });
});
