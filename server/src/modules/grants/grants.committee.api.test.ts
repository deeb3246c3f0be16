import { committeeSession, grantDecision, notificationsPage } from '@oselia/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCall, buildReviewedApplication, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let manager: Session;
let reviewerIds: string[];

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  manager = (await signedInAs(t, ['programme_manager'])).session;
  reviewerIds = [(await signedInAs(t, ['reviewer'])).user.id, (await signedInAs(t, ['reviewer'])).user.id];
});
afterAll(() => t.close());

const reviewed = (callId: string, over: Parameters<typeof buildReviewedApplication>[3] = {}) =>
  buildReviewedApplication(
    t,
    callId,
    reviewerIds.map((reviewerId) => ({ reviewerId, scores: { viability: 4, jobs: 4 } })),
    over,
  );

async function openSession(callId: string) {
  const res = await call(t, manager, 'POST', `/api/v1/grants/calls/${callId}/committee-sessions`, {
    heldOn: '2026-11-20',
    minutes: 'Комісія розглянула заявки.',
    attendees: ['Олена Гребенюк (голова)', 'Тарас Мельник'],
  });
  expect(res.statusCode).toBe(201);
  return committeeSession.parse(res.json());
}

const propose = (sessionId: string, body: object) =>
  call(t, manager, 'POST', `/api/v1/grants/committee-sessions/${sessionId}/decisions`, body);
const approve = (d: { id: string; version: number }, who = manager) =>
  call(t, who, 'POST', `/api/v1/grants/decisions/${d.id}/approve`, { version: d.version });

async function statusPage(app: { referenceCode: string; secret: string }) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/public/grants/applications/${app.referenceCode}/status`,
    headers: { 'x-application-secret': app.secret },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('committee decisions', () => {
  it('approves with an amount: the application moves, the applicant is told in its language, all audited', async () => {
    const callId = (await buildCall(t)).id;
    const app = await reviewed(callId, {
      applicant: {
        familyName: 'Кравець',
        givenName: 'Олена',
        patronymic: null,
        birthDate: null,
        phone: null,
        email: 'olena.kravets@example.org',
        organisationName: 'Пекарня «Колосок»',
      },
    });
    const session = await openSession(callId);
    expect(session.budget).toMatchObject({
      budgetMinor: 10_000_000,
      committedMinor: 0,
      remainingMinor: 10_000_000,
    });

    const proposed = await propose(session.id, {
      applicationId: app.id,
      outcome: 'approve',
      amountMinor: 650_000,
    });
    expect(proposed.statusCode).toBe(201);
    const decision = grantDecision.parse(proposed.json());
    expect(decision).toMatchObject({
      status: 'proposed',
      amountMinor: 650_000,
      currency: 'EUR',
      notificationId: null,
    });
    // Nothing is told before approval.
    expect((await statusPage(app)).messages).toEqual([]);

    // Only a programme manager approves.
    const { session: admin } = await signedInAs(t, ['admin']);
    expect((await approve(decision, admin)).statusCode).toBe(403);

    const approved = grantDecision.parse((await approve(decision)).json());
    expect(approved).toMatchObject({ status: 'approved', referenceCode: app.referenceCode });
    expect(approved.notificationId).not.toBeNull();

    const page = await statusPage(app);
    expect(page.status).toBe('approved');
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0].subject).toBe(`Заявку ${app.referenceCode} схвалено`);
    expect(page.messages[0].body).toContain('6\u00a0500,00 EUR');

    const outbox = notificationsPage.parse(
      (
        await call(t, manager, 'GET', `/api/v1/notifications?entityType=grant_application&entityId=${app.id}`)
      ).json(),
    );
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({
      id: approved.notificationId,
      language: 'uk',
      templateKey: 'grants.decision.approved',
      recipientKind: 'email',
      recipientMasked: 'o•••@example.org',
      status: 'queued',
      delivery: 'not_sent_no_smtp',
    });
    expect(outbox.items[0]!.body).not.toContain('Кравець');

    const audit = await sql<{ action: string }>`select action from audit_log
      where entity_type = 'grant_application' and entity_id = ${app.id} and action like 'grant_decision.%' order by seq`.execute(
      t.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['grant_decision.proposed', 'grant_decision.approved']);

    const after = committeeSession.parse(
      (await call(t, manager, 'GET', `/api/v1/grants/committee-sessions/${session.id}`)).json(),
    );
    expect(after.budget).toMatchObject({ committedMinor: 650_000, remainingMinor: 9_350_000 });
    expect(after.decisions.map((d) => d.status)).toEqual(['approved']);
  });

  it('rejects with a reason, in English for an English application, and keeps the minutes', async () => {
    const callId = (await buildCall(t)).id;
    const app = await reviewed(callId, { language: 'en' });
    const session = await openSession(callId);
    const noReason = await propose(session.id, { applicationId: app.id, outcome: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('body.reason');
    const d = grantDecision.parse(
      (
        await propose(session.id, {
          applicationId: app.id,
          outcome: 'reject',
          reason: 'The premises are not secured.',
        })
      ).json(),
    );
    // One proposal at a time per application.
    expect((await propose(session.id, { applicationId: app.id, outcome: 'waiting_list' })).statusCode).toBe(
      409,
    );
    await approve(d);
    const page = await statusPage(app);
    expect(page.status).toBe('not_selected');
    expect(page.messages[0].subject).toBe(`Decision on application ${app.referenceCode}`);
    expect(page.messages[0].body).toContain('Reason: The premises are not secured.');

    const edited = await call(t, manager, 'PATCH', `/api/v1/grants/committee-sessions/${session.id}`, {
      version: session.version,
      minutes: 'Розглянуто одну заявку; відхилено.',
    });
    expect(edited.json().minutes).toBe('Розглянуто одну заявку; відхилено.');
    const closed = await call(t, manager, 'POST', `/api/v1/grants/committee-sessions/${session.id}/close`, {
      version: edited.json().version,
    });
    expect(closed.json().status).toBe('closed');
    const late = await call(t, manager, 'PATCH', `/api/v1/grants/committee-sessions/${session.id}`, {
      version: closed.json().version,
      minutes: 'x',
    });
    expect(late.statusCode).toBe(409);
  });

  it('keeps amounts within the call’s maximum and remaining budget; the waiting list can be approved later', async () => {
    const callId = (await buildCall(t, { budgetMinor: 1_000_000, maxPerGrantMinor: 700_000 })).id;
    const [first, second] = [await reviewed(callId), await reviewed(callId)];
    const session = await openSession(callId);
    const tooMuch = await propose(session.id, {
      applicationId: first.id,
      outcome: 'approve',
      amountMinor: 700_001,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.message).toContain('maximum per grant (7,000.00 EUR)');

    await approve(
      grantDecision.parse(
        (
          await propose(session.id, { applicationId: first.id, outcome: 'approve', amountMinor: 700_000 })
        ).json(),
      ),
    );
    const overBudget = await propose(session.id, {
      applicationId: second.id,
      outcome: 'approve',
      amountMinor: 400_000,
    });
    expect(overBudget.statusCode).toBe(422);
    expect(overBudget.json().error.details.remainingMinor).toBe(300_000);

    const wait = grantDecision.parse(
      (await propose(session.id, { applicationId: second.id, outcome: 'waiting_list' })).json(),
    );
    await approve(wait);
    expect((await statusPage(second)).status).toBe('waiting_list');

    // Two approvals racing for the last of the budget: one wins.
    const later = await openSession(callId);
    const a = grantDecision.parse(
      (
        await propose(later.id, { applicationId: second.id, outcome: 'approve', amountMinor: 300_000 })
      ).json(),
    );
    const third = await reviewed(callId);
    const b = grantDecision.parse(
      (await propose(later.id, { applicationId: third.id, outcome: 'approve', amountMinor: 300_000 })).json(),
    );
    const results = await Promise.all([approve(a), approve(b)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);

    const secondPage = await statusPage(second);
    const won = results[0]!.statusCode === 200;
    expect(secondPage.status).toBe(won ? 'approved' : 'waiting_list');
    const sessionNow = committeeSession.parse(
      (await call(t, manager, 'GET', `/api/v1/grants/committee-sessions/${later.id}`)).json(),
    );
    expect(sessionNow.budget).toMatchObject({ committedMinor: 1_000_000, remainingMinor: 0 });
    // The earlier waiting-list decision is superseded when the approval wins.
    const first2 = committeeSession.parse(
      (await call(t, manager, 'GET', `/api/v1/grants/committee-sessions/${session.id}`)).json(),
    );
    expect(first2.decisions.find((d) => d.id === wait.id)!.status).toBe(won ? 'superseded' : 'approved');
  });

  it('decides only on reviewed applications', async () => {
    const callId = (await buildCall(t)).id;
    const other = (await buildCall(t)).id;
    const app = await reviewed(other);
    const session = await openSession(callId);
    const res = await propose(session.id, { applicationId: app.id, outcome: 'waiting_list' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { field: 'applicationId', message: 'not an application of this call' },
    ]);
  });
});
