import { followUpsList, grantAward, monitoringVisit, visitsList } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApprovedDecision,
  buildAward,
  buildCall,
  buildOrganisation,
  buildPerson,
  buildReviewedApplication,
  call,
  type Session,
  signedInAs,
  tinyPdf,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { followUpsOf } from './grants.monitoring.rules.ts';

let t: TestApp;
let manager: Session;
let finance: Session;
let me: Session;
let reviewerIds: string[];
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  orgId = (await buildOrganisation(t, { type: 'mission' })).id;
  manager = (await signedInAs(t, ['programme_manager'], { organisationId: orgId })).session;
  finance = (await signedInAs(t, ['finance_officer'], { organisationId: orgId })).session;
  me = (await signedInAs(t, ['me_officer'], { organisationId: orgId })).session;
  reviewerIds = [(await signedInAs(t, ['reviewer'])).user.id, (await signedInAs(t, ['reviewer'])).user.id];
});
afterAll(() => t.close());

/** A paid award: 7,000 EUR in one tranche, paid on `paidOn`. */
async function paidAward(paidOn: string | null) {
  const callId = (await buildCall(t)).id;
  const app = await buildReviewedApplication(
    t,
    callId,
    reviewerIds.map((reviewerId) => ({ reviewerId, scores: { viability: 4, jobs: 5 } })),
  );
  const decision = await buildApprovedDecision(t, callId, app.id, {
    outcome: 'approve',
    amountMinor: 700_000,
  });
  const award = await buildAward(t, decision.id);
  if (paidOn) {
    const person = await buildPerson(t, orgId);
    const current = (await call(t, manager, 'GET', `/api/v1/grants/applications/${app.id}`)).json();
    await call(t, manager, 'POST', `/api/v1/grants/applications/${app.id}/person`, {
      personId: person.id,
      version: current.version,
    });
    const paid = await call(t, finance, 'POST', `/api/v1/grants/awards/${award.id}/payments`, {
      trancheId: award.tranches[0]!.id,
      paidOn,
      amountMinor: 700_000,
      reference: 'PP-1',
    });
    expect(paid.statusCode).toBe(201);
  }
  return { award, callId };
}

const followUps = async (query: string) =>
  followUpsList.parse((await call(t, me, 'GET', `/api/v1/grants/follow-ups?${query}`)).json()).items;

describe('follow-up dates', () => {
  it('fall 3, 6 and 12 months after the first payment (month ends kept within the month)', () => {
    const none = new Map<number, string>();
    expect(followUpsOf('2026-01-31', none, '2026-01-31').map((f) => f.dueOn)).toEqual([
      '2026-04-30',
      '2026-07-31',
      '2027-01-31',
    ]);
    expect(followUpsOf('2026-01-31', none, '2026-04-01').map((f) => f.status)).toEqual([
      'due',
      'upcoming',
      'upcoming',
    ]);
    expect(followUpsOf('2026-01-31', none, '2026-05-01').map((f) => f.status)).toEqual([
      'overdue',
      'upcoming',
      'upcoming',
    ]);
    expect(followUpsOf('2026-01-31', new Map([[3, 'v1']]), '2026-08-01').map((f) => f.status)).toEqual([
      'done',
      'overdue',
      'upcoming',
    ]);
  });
});

describe('monitoring', () => {
  it('records visits with photos, and counts them as the follow-ups they are', async () => {
    const { award, callId } = await paidAward('2026-02-10');
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files?name=kavyarnia.png',
      payload: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
      headers: { ...(await auth(me)), 'content-type': 'image/png' },
    });
    expect(photo.statusCode).toBe(201);

    let due = await followUps(`callId=${callId}&asOf=2026-05-01`);
    expect(due.map((f) => [f.month, f.dueOn, f.status])).toEqual([
      [3, '2026-05-10', 'due'],
      [6, '2026-08-10', 'upcoming'],
      [12, '2027-02-10', 'upcoming'],
    ]);

    const visit = await call(t, me, 'POST', `/api/v1/grants/awards/${award.id}/visits`, {
      visitedOn: '2026-05-12',
      followUpMonth: 3,
      operating: true,
      jobsCreated: 2,
      jobsKept: 2,
      photoFileIds: [photo.json().id],
      notes: 'Кавомашина встановлена, заклад працює з 8:00.',
    });
    expect(visit.statusCode).toBe(201);
    expect(monitoringVisit.parse(visit.json())).toMatchObject({
      followUpMonth: 3,
      operating: true,
      jobsCreated: 2,
    });

    due = await followUps(`callId=${callId}&asOf=2026-09-01`);
    expect(due.map((f) => [f.month, f.status, f.visitId])).toEqual([
      [3, 'done', visit.json().id],
      [6, 'overdue', null],
      [12, 'upcoming', null],
    ]);
    expect((await followUps(`callId=${callId}&asOf=2026-09-01&status=overdue`)).map((f) => f.month)).toEqual([
      6,
    ]);
    const visits = visitsList.parse(
      (await call(t, manager, 'GET', `/api/v1/grants/awards/${award.id}/visits`)).json(),
    );
    expect(visits.items).toHaveLength(1);
  });

  it('refuses a photo that is not one, a future date, and a follow-up before any payment', async () => {
    const { award } = await paidAward(null);
    const pdf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files?name=report.pdf',
      payload: tinyPdf(),
      headers: { ...(await auth(me)), 'content-type': 'application/pdf' },
    });
    const res = await call(t, me, 'POST', `/api/v1/grants/awards/${award.id}/visits`, {
      visitedOn: '2999-01-01',
      followUpMonth: 6,
      operating: false,
      photoFileIds: [pdf.json().id, crypto.randomUUID()],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'visitedOn',
      'followUpMonth',
      'photoFileIds.0',
      'photoFileIds.1',
    ]);
    // Finance officers read monitoring, they do not record it.
    const byFinance = await call(t, finance, 'POST', `/api/v1/grants/awards/${award.id}/visits`, {
      visitedOn: '2026-01-01',
      operating: true,
    });
    expect(byFinance.statusCode).toBe(403);
  });

  it('closes an award with a reason; a closed award owes no more visits', async () => {
    const { award, callId } = await paidAward('2026-01-05');
    const current = grantAward.parse((await call(t, me, 'GET', `/api/v1/grants/awards/${award.id}`)).json());
    const noNote = await call(t, me, 'POST', `/api/v1/grants/awards/${award.id}/close`, {
      version: current.version,
      reason: 'other',
    });
    expect(noNote.statusCode).toBe(400);
    const closed = await call(t, me, 'POST', `/api/v1/grants/awards/${award.id}/close`, {
      version: current.version,
      reason: 'not_operating',
      note: 'Заклад закрився після обстрілу.',
    });
    expect(closed.statusCode).toBe(200);
    expect(grantAward.parse(closed.json()).closure).toMatchObject({ reason: 'not_operating' });
    expect(await followUps(`callId=${callId}&asOf=2026-12-01`)).toEqual([]);
    const visit = await call(t, me, 'POST', `/api/v1/grants/awards/${award.id}/visits`, {
      visitedOn: '2026-11-01',
      operating: false,
    });
    expect(visit.statusCode).toBe(409);
    const pay = await call(t, finance, 'POST', `/api/v1/grants/awards/${award.id}/payments`, {
      trancheId: award.tranches[0]!.id,
      paidOn: '2026-11-01',
      amountMinor: 1,
      reference: 'x',
    });
    expect(pay.statusCode).toBe(409);
  });
});

async function auth(s: Session) {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}
