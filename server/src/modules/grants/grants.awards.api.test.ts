import { grantAward } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  buildApprovedDecision,
  buildCall,
  buildOrganisation,
  buildReviewedApplication,
  call,
  type Session,
  signedInAs,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { extractPdfText } from './grants.awards.pdf-text.ts';

let t: TestApp;
let manager: Session;
let finance: Session;
let reviewerIds: string[];

beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  manager = (await signedInAs(t, ['programme_manager'])).session;
  finance = (await signedInAs(t, ['finance_officer'])).session;
  reviewerIds = [(await signedInAs(t, ['reviewer'])).user.id, (await signedInAs(t, ['reviewer'])).user.id];
});
afterAll(() => t.close());

/** An application approved for 7,000.00 EUR (the call's maximum). */
async function approved(over: Parameters<typeof buildReviewedApplication>[3] = {}) {
  const callId = (await buildCall(t)).id;
  const app = await buildReviewedApplication(
    t,
    callId,
    reviewerIds.map((reviewerId) => ({ reviewerId, scores: { viability: 5, jobs: 4 } })),
    over,
  );
  const decision = await buildApprovedDecision(t, callId, app.id, {
    outcome: 'approve',
    amountMinor: 700_000,
  });
  return { app, decision, callId };
}

const plan = {
  cash: { amountMinor: 400_000, dueDate: '2027-01-15', condition: 'договір підписано', modality: 'cash' },
  kind: {
    amountMinor: 300_000,
    dueDate: '2027-03-01',
    condition: 'приміщення орендовано',
    modality: 'in_kind',
    items: [
      { item: 'Професійна кавомашина', quantity: 1, unitCostMinor: 240_000, supplier: 'ТОВ «Зерно»' },
      { item: 'Кавомолка', quantity: 2, unitCostMinor: 30_000, supplier: null },
    ],
  },
};

describe('award and disbursement plan', () => {
  it('makes the award of an approved decision, with tranches that add up to it', async () => {
    const { app, decision } = await approved();
    const res = await call(t, finance, 'POST', '/api/v1/grants/awards', {
      decisionId: decision.id,
      tranches: [plan.cash, plan.kind],
    });
    expect(res.statusCode).toBe(201);
    const award = grantAward.parse(res.json());
    expect(award).toMatchObject({
      applicationId: app.id,
      referenceCode: app.referenceCode,
      amountMinor: 700_000,
      currency: 'EUR',
      paidMinor: 0,
      language: 'uk',
      planComplete: true,
      status: 'active',
    });
    expect(award.tranches.map((tr) => [tr.seq, tr.amountMinor, tr.modality])).toEqual([
      [1, 400_000, 'cash'],
      [2, 300_000, 'in_kind'],
    ]);
    expect(award.tranches[1]!.items.map((i) => i.totalMinor)).toEqual([240_000, 60_000]);
    expect(award.obligations.length).toBeGreaterThan(3);

    // One award per application.
    const again = await call(t, finance, 'POST', '/api/v1/grants/awards', { decisionId: decision.id });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a plan that does not add up, and names where', async () => {
    const { decision } = await approved();
    const short = await call(t, manager, 'POST', '/api/v1/grants/awards', {
      decisionId: decision.id,
      tranches: [plan.cash],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields).toEqual([
      { field: 'tranches', message: 'the tranches add up to 400000; the award is 700000 (minor units)' },
    ]);
    const created = grantAward.parse(
      (await call(t, manager, 'POST', '/api/v1/grants/awards', { decisionId: decision.id })).json(),
    );
    expect(created.planComplete).toBe(false);
    const badLines = await call(t, manager, 'PUT', `/api/v1/grants/awards/${created.id}/plan`, {
      version: created.version,
      tranches: [plan.cash, { ...plan.kind, items: [plan.kind.items[0]] }],
    });
    expect(badLines.json().error.details.fields).toEqual([
      {
        field: 'tranches.1.amountMinor',
        message: 'the procurement lines add up to 240000, the tranche is 300000 (minor units)',
      },
    ]);
    const set = await call(t, manager, 'PUT', `/api/v1/grants/awards/${created.id}/plan`, {
      version: created.version,
      tranches: [plan.cash, plan.kind],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().planComplete).toBe(true);
    const stale = await call(t, manager, 'PUT', `/api/v1/grants/awards/${created.id}/plan`, {
      version: created.version,
      tranches: [{ ...plan.cash, amountMinor: 700_000 }],
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses an award without a standing approval', async () => {
    const callId = (await buildCall(t)).id;
    const app = await buildReviewedApplication(
      t,
      callId,
      reviewerIds.map((reviewerId) => ({ reviewerId, scores: { viability: 2, jobs: 2 } })),
    );
    const rejected = await buildApprovedDecision(t, callId, app.id, {
      outcome: 'reject',
      reason: 'Слабкий план.',
    });
    const res = await call(t, manager, 'POST', '/api/v1/grants/awards', { decisionId: rejected.id });
    expect(res.statusCode).toBe(409);
  });
});

describe('grant agreement', () => {
  it('is a PDF in the application’s language naming the reference code, the parties and the tranches', async () => {
    const { app, decision } = await approved();
    const award = grantAward.parse(
      (
        await call(t, manager, 'POST', '/api/v1/grants/awards', {
          decisionId: decision.id,
          tranches: [plan.cash, plan.kind],
        })
      ).json(),
    );
    const res = await call(t, finance, 'GET', `/api/v1/grants/awards/${award.id}/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`grant-agreement-${app.referenceCode}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The served file is compressed; the same agreement uncompressed shows its text.
    const me = actorWith(t, (await buildOrganisation(t, { type: 'mission' })).id, ['me_officer']);
    const { pdf } = await t.services.grantsAwards.agreementPdf(me, award.id, { compress: false });
    const text = extractPdfText(pdf);
    expect(text).toContain(app.referenceCode);
    expect(text).toContain('Договір про надання гранту');
    expect(text).toContain('Коваленко Марія');
    expect(text).toContain('Кав’ярня «Світанок»');
    expect(text).toContain('Загальна сума гранту: 7\u00a0000,00 EUR.');
    expect(text).toContain(
      'Професійна кавомашина — 1 × 2\u00a0400,00 EUR = 2\u00a0400,00 EUR; постачальник:',
    );
    expect(text).toContain('Львівська');

    // A reviewer or a registration officer may not read it.
    const { session: reviewer } = await signedInAs(t, ['reviewer']);
    expect(
      (await call(t, reviewer, 'GET', `/api/v1/grants/awards/${award.id}/agreement.pdf`)).statusCode,
    ).toBe(403);
  });

  it('waits for a complete plan', async () => {
    const { decision } = await approved();
    const award = grantAward.parse(
      (await call(t, manager, 'POST', '/api/v1/grants/awards', { decisionId: decision.id })).json(),
    );
    const res = await call(t, manager, 'GET', `/api/v1/grants/awards/${award.id}/agreement.pdf`);
    expect(res.statusCode).toBe(409);
  });
});
