import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCallForm, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let manager: Session;

beforeAll(async () => {
  t = await createTestApp();
  manager = (await signedInAs(t, ['programme_manager'])).session;
});
afterAll(() => t.close());

const day = 24 * 3600_000;
const draftBody = (over: Record<string, unknown> = {}) => ({
  kind: 'community',
  title: { uk: 'Гранти громадам', en: 'Community grants' },
  description: { uk: 'Спільні простори для громад.', en: 'Shared spaces for communities.' },
  currency: 'UAH',
  budgetMinor: 100_000_000,
  maxPerGrantMinor: 20_000_000,
  opensAt: new Date(Date.now() - day).toISOString(),
  closesAt: new Date(Date.now() + 20 * day).toISOString(),
  ...over,
});
const rubric = (weights: number[]) => ({
  criteria: weights.map((weight, i) => ({
    key: `c${i}`,
    label: { uk: `Критерій ${i}`, en: `Criterion ${i}` },
    weight,
    scale: { min: 0, max: 10 },
  })),
});

describe('calls', () => {
  it('drafts a call and opens it only when the form, the rubric and the dates are right', async () => {
    const created = await call(
      t,
      manager,
      'POST',
      '/api/v1/grants/calls',
      draftBody({ scoringRubric: rubric([50, 40]) }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ status: 'draft', version: 1, budgetMinor: 100_000_000, applicationCounts: {} });

    const refused = await call(t, manager, 'POST', `/api/v1/grants/calls/${c.id}/open`, { version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.fields.map((f: { message: string }) => f.message)).toEqual([
      'pin the application form (a form and its version)',
      'the criteria weights add up to 90, not 100',
    ]);

    const fixed = await call(t, manager, 'PATCH', `/api/v1/grants/calls/${c.id}`, {
      version: 1,
      form: await buildCallForm(t),
      scoringRubric: rubric([60, 40]),
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const opened = await call(t, manager, 'POST', `/api/v1/grants/calls/${c.id}/open`, { version: 2 });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', version: 3 });
    expect(opened.json().openedAt).not.toBeNull();
  });

  it('refuses a call whose money or dates do not hold, and a form that does not exist', async () => {
    const res = await call(
      t,
      manager,
      'POST',
      '/api/v1/grants/calls',
      draftBody({
        maxPerGrantMinor: 200_000_000,
        closesAt: new Date(Date.now() - 2 * day).toISOString(),
        form: { id: crypto.randomUUID(), version: 1 },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'maxPerGrantMinor',
      'closesAt',
      'form',
    ]);
    const float = await call(t, manager, 'POST', '/api/v1/grants/calls', draftBody({ budgetMinor: 1000.5 }));
    expect(float.statusCode).toBe(400);
  });

  it('keeps an open call’s rules fixed, lets its texts and closing date change, and refuses stale versions', async () => {
    const form = await buildCallForm(t);
    const c = (
      await call(
        t,
        manager,
        'POST',
        '/api/v1/grants/calls',
        draftBody({ form, scoringRubric: rubric([100]) }),
      )
    ).json();
    const open = (
      await call(t, manager, 'POST', `/api/v1/grants/calls/${c.id}/open`, { version: c.version })
    ).json();
    const rules = await call(t, manager, 'PATCH', `/api/v1/grants/calls/${c.id}`, {
      version: open.version,
      eligibilityRules: [{ type: 'staff_at_most', max: 1 }],
    });
    expect(rules.statusCode).toBe(409);
    expect(rules.json().error.message).toMatch(/^an open call keeps its rules/);
    const later = new Date(Date.now() + 40 * day).toISOString();
    const texts = await call(t, manager, 'PATCH', `/api/v1/grants/calls/${c.id}`, {
      version: open.version,
      title: { uk: 'Гранти громадам 2027', en: 'Community grants 2027' },
      closesAt: later,
    });
    expect(texts.statusCode, texts.body).toBe(200);
    expect(texts.json().closesAt).toBe(later);
    const stale = await call(t, manager, 'PATCH', `/api/v1/grants/calls/${c.id}`, {
      version: open.version,
      title: { uk: 'Ні', en: 'No' },
    });
    expect(stale.statusCode).toBe(409);

    const closed = await call(t, manager, 'POST', `/api/v1/grants/calls/${c.id}/close`, {
      version: texts.json().version,
    });
    expect(closed.json().status).toBe('closed');
    const after = await call(t, manager, 'PATCH', `/api/v1/grants/calls/${c.id}`, {
      version: closed.json().version,
      title: { uk: 'Ні', en: 'No' },
    });
    expect(after.statusCode).toBe(409);
    const public_ = await call(t, null, 'GET', `/api/v1/public/grants/calls/${c.id}`);
    expect(public_.json().status).toBe('closed');
  });

  it('lists calls for staff by status, and lets reviewers read but not write', async () => {
    const list = (await call(t, manager, 'GET', '/api/v1/grants/calls?status=closed')).json();
    expect(list.items.every((c: { status: string }) => c.status === 'closed')).toBe(true);
    const reviewer = (await signedInAs(t, ['reviewer'])).session;
    expect((await call(t, reviewer, 'GET', '/api/v1/grants/calls')).statusCode).toBe(200);
    expect((await call(t, reviewer, 'POST', '/api/v1/grants/calls', draftBody())).statusCode).toBe(403);
  });
});
