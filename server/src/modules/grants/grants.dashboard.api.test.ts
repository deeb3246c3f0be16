import { callDashboard } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  buildApplication,
  buildApprovedDecision,
  buildAward,
  buildCall,
  buildOrganisation,
  buildPerson,
  buildReviewedApplication,
  call,
  type Session,
  signedInAs,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let me: Session;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  me = (await signedInAs(t, ['me_officer'])).session;
});
afterAll(() => t.close());

describe('call dashboard', () => {
  it('counts the funnel and the money from the records, by oblast and by applicant group', async () => {
    const orgId = (await buildOrganisation(t, { type: 'mission' })).id;
    const admin = actorWith(t, orgId, ['admin']);
    const finance = actorWith(t, orgId, ['finance_officer']);
    const reviewerIds = [
      (await signedInAs(t, ['reviewer'])).user.id,
      (await signedInAs(t, ['reviewer'])).user.id,
    ];
    const callId = (await buildCall(t)).id;
    const reviewed = (over: Parameters<typeof buildApplication>[2]) =>
      buildReviewedApplication(
        t,
        callId,
        reviewerIds.map((reviewerId) => ({ reviewerId, scores: { viability: 4, jobs: 4 } })),
        over,
      );

    // A: Lviv oblast, IDP and women-led: approved 6,000, paid 4,000, operating at 6 months.
    const a = await reviewed({ oblastPcode: 'UA46', groups: ['idp', 'women_led'] });
    const aDecision = await buildApprovedDecision(t, callId, a.id, {
      outcome: 'approve',
      amountMinor: 600_000,
    });
    const aAward = await buildAward(t, aDecision.id, [400_000, 200_000]);
    const person = await buildPerson(t, orgId);
    const aRow = await t.services.grantScreening.getApplication(admin, a.id, false);
    await t.services.grantScreening.linkPerson(admin, a.id, { personId: person.id, version: aRow.version });
    await t.services.grantsPayments.recordPayment(finance, aAward.id, {
      trancheId: aAward.tranches[0]!.id,
      paidOn: '2026-03-01',
      amountMinor: 400_000,
      reference: 'PP-A',
    });
    await t.services.grantsMonitoring.recordVisit(actorWith(t, orgId, ['me_officer']), aAward.id, {
      visitedOn: '2026-09-02',
      followUpMonth: 6,
      operating: true,
      jobsCreated: 3,
      jobsKept: 3,
      photoFileIds: [],
      notes: null,
    });
    // B: Lviv oblast, IDP: approved 3,000, awarded, nothing paid yet.
    const b = await reviewed({ oblastPcode: 'UA46', groups: ['idp'] });
    await buildAward(
      t,
      (await buildApprovedDecision(t, callId, b.id, { outcome: 'approve', amountMinor: 300_000 })).id,
    );
    // C: Dnipropetrovsk oblast, host community and youth: reviewed, rejected.
    const c = await reviewed({ oblastPcode: 'UA12', groups: ['host', 'youth'] });
    await buildApprovedDecision(t, callId, c.id, {
      outcome: 'reject',
      reason: 'Бізнес-план не показує ринку збуту.',
    });
    // D: Dnipropetrovsk oblast, veteran: screened ineligible.
    const d = await buildApplication(t, callId, { oblastPcode: 'UA12', groups: ['veteran'] });
    const screened = await t.services.grantScreening.screenApplication(admin, d.id);
    await t.services.grantScreening.overrideScreening(admin, d.id, {
      result: 'ineligible',
      reason: 'Діяльність у виключеному секторі.',
      version: screened.version,
    });
    // E: a draft never submitted does not count.
    await buildApplication(t, callId, { oblastPcode: 'UA12', groups: ['idp'], submit: false });

    const res = await call(t, me, 'GET', `/api/v1/grants/calls/${callId}/dashboard`);
    expect(res.statusCode).toBe(200);
    const dash = callDashboard.parse(res.json());
    expect(dash.funnel).toEqual({
      applied: 4,
      eligible: 3,
      scored: 3,
      approved: 2,
      paid: 1,
      operatingAt6Months: 1,
    });
    expect(dash.money).toEqual({ budgetMinor: 10_000_000, committedMinor: 900_000, paidMinor: 400_000 });
    const row = (r: {
      applied: number;
      eligible: number;
      approved: number;
      committedMinor: number;
      paidMinor: number;
    }) => [r.applied, r.eligible, r.approved, r.committedMinor, r.paidMinor];
    expect(dash.byOblast.map((r) => [r.oblastPcode, ...row(r)])).toEqual([
      ['UA12', 2, 1, 0, 0, 0],
      ['UA46', 2, 2, 2, 900_000, 400_000],
    ]);
    expect(dash.byGroup.map((r) => [r.group, ...row(r)])).toEqual([
      ['host', 1, 1, 0, 0, 0],
      ['idp', 2, 2, 2, 900_000, 400_000],
      ['veteran', 1, 0, 0, 0, 0],
      ['women_led', 1, 1, 1, 600_000, 400_000],
      ['youth', 1, 1, 0, 0, 0],
    ]);
  });

  it('answers for an empty call, and not to roles without the dashboard', async () => {
    const callId = (await buildCall(t)).id;
    const dash = callDashboard.parse(
      (await call(t, me, 'GET', `/api/v1/grants/calls/${callId}/dashboard`)).json(),
    );
    expect(dash.funnel.applied).toBe(0);
    expect(dash.byOblast).toEqual([]);
    const { session: registrar } = await signedInAs(t, ['registration_officer']);
    expect((await call(t, registrar, 'GET', `/api/v1/grants/calls/${callId}/dashboard`)).statusCode).toBe(
      403,
    );
    expect(
      (await call(t, me, 'GET', `/api/v1/grants/calls/${crypto.randomUUID()}/dashboard`)).statusCode,
    ).toBe(404);
  });
});
