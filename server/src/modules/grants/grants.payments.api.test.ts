import { assistancePage, grantAward, grantPayment, paymentsList } from '@oselia/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApprovedDecision,
  buildAward,
  buildCall,
  buildOrganisation,
  buildPerson,
  buildReviewedApplication,
  call,
  factoryActor,
  type Session,
  signedInAs,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let manager: Session;
let finance: Session;
let registrar: Session;
let reviewerIds: string[];
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  orgId = (await buildOrganisation(t, { type: 'mission' })).id;
  manager = (await signedInAs(t, ['programme_manager'], { organisationId: orgId })).session;
  finance = (await signedInAs(t, ['finance_officer'], { organisationId: orgId })).session;
  registrar = (await signedInAs(t, ['registration_officer'], { organisationId: orgId })).session;
  reviewerIds = [(await signedInAs(t, ['reviewer'])).user.id, (await signedInAs(t, ['reviewer'])).user.id];
});
afterAll(() => t.close());

/** An award of 7,000.00 EUR in two cash tranches (4,000 and 3,000), its application not yet linked. */
async function awarded(kind: 'business' | 'youth' = 'business') {
  const callId = (await buildCall(t, { kind })).id;
  const app = await buildReviewedApplication(
    t,
    callId,
    reviewerIds.map((reviewerId) => ({ reviewerId, scores: { viability: 5, jobs: 5 } })),
  );
  const decision = await buildApprovedDecision(t, callId, app.id, {
    outcome: 'approve',
    amountMinor: 700_000,
  });
  const award = await buildAward(t, decision.id, [400_000, 300_000]);
  return { app, award };
}

async function link(applicationId: string, personId: string) {
  const current = await call(t, manager, 'GET', `/api/v1/grants/applications/${applicationId}`);
  const res = await call(t, manager, 'POST', `/api/v1/grants/applications/${applicationId}/person`, {
    personId,
    version: current.json().version,
  });
  expect(res.statusCode).toBe(200);
}

const pay = (awardId: string, trancheId: string, amountMinor: number, paidOn = '2026-10-01') =>
  call(t, finance, 'POST', `/api/v1/grants/awards/${awardId}/payments`, {
    trancheId,
    paidOn,
    amountMinor,
    reference: `PP-${amountMinor}`,
  });

describe('payments', () => {
  it('need the applicant linked to a person in the registry first', async () => {
    const { award } = await awarded();
    const res = await pay(award.id, award.tranches[0]!.id, 100_000);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^link the application to the applicant’s record/);
    expect(res.json().error.details.linkRequired).toBe(true);
  });

  it('write one row to the assistance ledger each, and are recorded only by finance officers', async () => {
    const { app, award } = await awarded();
    const person = await buildPerson(t, orgId);
    await link(app.id, person.id);

    expect(
      (
        await call(t, manager, 'POST', `/api/v1/grants/awards/${award.id}/payments`, {
          trancheId: award.tranches[0]!.id,
          paidOn: '2026-10-01',
          amountMinor: 1,
          reference: 'x',
        })
      ).statusCode,
    ).toBe(403);

    const res = await pay(award.id, award.tranches[0]!.id, 400_000);
    expect(res.statusCode).toBe(201);
    const payment = grantPayment.parse(res.json());
    expect(payment).toMatchObject({
      trancheSeq: 1,
      amountMinor: 400_000,
      currency: 'EUR',
      paidOn: '2026-10-01',
    });

    const ledger = assistancePage.parse(
      (await call(t, registrar, 'GET', `/api/v1/people/${person.id}/assistance`)).json(),
    );
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({
      id: payment.assistanceId,
      type: 'business_grant',
      date: '2026-10-01',
      modality: 'cash',
      valueMinor: 400_000,
      currency: 'EUR',
      placePcode: 'UA46',
      source: 'grants',
    });
    expect(ledger.items[0]!.note).toContain(app.referenceCode);

    const after = grantAward.parse(
      (await call(t, finance, 'GET', `/api/v1/grants/awards/${award.id}`)).json(),
    );
    expect(after.paidMinor).toBe(400_000);
    expect(after.tranches.map((tr) => tr.paidMinor)).toEqual([400_000, 0]);
    expect(after.firstPaymentOn).toBe('2026-10-01');
    // The plan is fixed once money moved.
    const replan = await call(t, manager, 'PUT', `/api/v1/grants/awards/${award.id}/plan`, {
      version: after.version,
      tranches: [{ amountMinor: 700_000, dueDate: '2027-01-01', modality: 'cash' }],
    });
    expect(replan.statusCode).toBe(409);
    const list = paymentsList.parse(
      (await call(t, finance, 'GET', `/api/v1/grants/awards/${award.id}/payments`)).json(),
    );
    expect(list.items.map((p) => p.id)).toEqual([payment.id]);
  });

  it('never exceed a tranche, and check the date and consent', async () => {
    const { app, award } = await awarded('youth');
    const person = await buildPerson(t, orgId);
    await link(app.id, person.id);
    const [first, second] = award.tranches;

    const over = await pay(award.id, second!.id, 300_001);
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toContain('payments never exceed the award');
    expect(over.json().error.details.leftMinor).toBe(300_000);

    expect((await pay(award.id, first!.id, 250_000)).statusCode).toBe(201);
    const rest = await pay(award.id, first!.id, 150_001);
    expect(rest.json().error.details.leftMinor).toBe(150_000);

    const future = await pay(award.id, first!.id, 1_000, '2999-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields).toEqual([
      { field: 'paidOn', message: 'the payment date is in the future' },
    ]);

    await t.services.consent.recordConsent(factoryActor(t, orgId), person.id, {
      purpose: 'assistance',
      status: 'withdrawn',
      method: 'verbal',
      organisationId: null,
      note: null,
    });
    const noConsent = await pay(award.id, first!.id, 1_000);
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().error.details.consentRequired).toBe('assistance');

    const ledger = assistancePage.parse(
      (await call(t, registrar, 'GET', `/api/v1/people/${person.id}/assistance`)).json(),
    );
    expect(ledger.items.map((i) => [i.type, i.valueMinor])).toEqual([['youth_grant', 250_000]]);
  });

  it('are refused by the database past the amount, also when two race', async () => {
    const { app, award } = await awarded();
    const person = await buildPerson(t, orgId);
    await link(app.id, person.id);
    const tranche = award.tranches[1]!;

    const [a, b] = await Promise.all([
      pay(award.id, tranche.id, 200_000),
      pay(award.id, tranche.id, 200_000),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(201);
    // The loser is stopped by the service (it saw the first) or by the database's check (it did not).
    expect([409, 422]).toContain(codes[1]);
    const now = grantAward.parse((await call(t, finance, 'GET', `/api/v1/grants/awards/${award.id}`)).json());
    expect(now.tranches[1]!.paidMinor).toBe(200_000);
    expect(now.paidMinor).toBe(200_000);
    // The refused payment left nothing in the ledger either.
    const ledger = assistancePage.parse(
      (await call(t, registrar, 'GET', `/api/v1/people/${person.id}/assistance`)).json(),
    );
    expect(ledger.items).toHaveLength(1);

    // Written straight to the table, past the service, an overpayment still fails.
    const [existing] = paymentsList.parse(
      (await call(t, finance, 'GET', `/api/v1/grants/awards/${award.id}/payments`)).json(),
    ).items;
    await expect(
      sql`insert into grant_payments (tenant_id, id, award_id, tranche_id, paid_on, amount_minor, currency, reference, assistance_id)
        values (${t.tenantId}, ${crypto.randomUUID()}, ${award.id}, ${tranche.id}, '2026-10-02', 100001, 'EUR', 'direct', ${existing!.assistanceId})`.execute(
        t.db,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    // And a payment, once written, never changes.
    await expect(
      sql`update grant_payments set amount_minor = 1 where id = ${existing!.id}`.execute(t.db),
    ).rejects.toThrow(/never changed or deleted/);
  });
});
