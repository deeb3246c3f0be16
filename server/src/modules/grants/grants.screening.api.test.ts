import type { EligibilityRuleInput } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildCall,
  buildOrganisation,
  buildPerson,
  businessAnswers,
  call,
  factoryActor,
  type Session,
  signedInAs,
  tinyPdf,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addMonths } from './grants.eligibility.ts';

let t: TestApp;
let manager: Session;

beforeAll(async () => {
  t = await createTestApp({ OSELIA_PUBLIC_RATE_PER_MINUTE: '10000' });
  manager = (await signedInAs(t, ['programme_manager'])).session;
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);

/** The rules of a livelihood-style business call. */
const rules: EligibilityRuleInput[] = [
  { type: 'registered_at_least_months', months: 6 },
  { type: 'staff_at_most', max: 20 },
  { type: 'sector_not_in', sectors: ['gambling', 'alcohol_tobacco'] },
  { type: 'no_grant_within_months', months: 12 },
  { type: 'amount_at_most' },
];

/** A valid РНОКПП from nine digits. */
function rnokpp(nine: string) {
  const w = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = w.reduce((a, x, i) => a + x * Number(nine[i]), 0);
  return `${nine}${(((sum % 11) + 11) % 11) % 10}`;
}

const get = (url: string, s: Session = manager) => call(t, s, 'GET', url);
const post = (url: string, body?: unknown, s: Session = manager) => call(t, s, 'POST', url, body);

describe('screening', () => {
  it('screens a call: eligible passes every rule, ineligible lists each failed rule with its reason', async () => {
    const c = await buildCall(t, { eligibilityRules: rules });
    const good = await buildApplication(t, c.id);
    const bad = await buildApplication(t, c.id, {
      requestedAmountMinor: 800_000,
      answers: {
        ...businessAnswers(),
        registration_date: addMonths(today(), -2),
        staff_count: 25,
        sector: 'gambling',
      },
    });
    const run = await post(`/api/v1/grants/calls/${c.id}/screening`);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ screened: 2, eligible: 1, ineligible: 1, needsReview: 0 });

    const ok = (await get(`/api/v1/grants/applications/${good.id}`)).json();
    expect(ok.status).toBe('screened_eligible');
    expect(ok.screening.rules.map((r: { outcome: string }) => r.outcome)).toEqual(Array(5).fill('pass'));
    expect(ok.screening.priorAssistance.message.en).toBe('The applicant is not in the registry');

    const no = (await get(`/api/v1/grants/applications/${bad.id}`)).json();
    expect(no.status).toBe('screened_ineligible');
    const failed = no.screening.rules.filter((r: { outcome: string }) => r.outcome === 'fail');
    expect(failed.map((r: { type: string }) => r.type)).toEqual([
      'registered_at_least_months',
      'staff_at_most',
      'sector_not_in',
      'amount_at_most',
    ]);
    expect(failed.map((r: { reason: { en: string } }) => r.reason.en)).toEqual([
      `Registered on ${addMonths(today(), -2)}: less than 6 months ago`,
      '25 staff: more than 20',
      'The sector “gambling” is excluded from this call',
      'Requested 8,000.00 EUR: more than the maximum 7,000.00 EUR',
    ]);
    for (const r of failed) expect(r.reason.uk.length).toBeGreaterThan(10);
  });

  it('finds a grant the applicant already received, through the registry', async () => {
    const org = await buildOrganisation(t, { type: 'mission' });
    const tax = rnokpp('312456789');
    const person = await buildPerson(t, org.id, {
      familyName: 'Мороз',
      givenName: 'Ірина',
      phones: ['+380501234567'],
      identifiers: [{ type: 'tax_number', value: tax }],
    });
    await t.services.consent.recordAssistance(factoryActor(t, org.id), person.id, {
      type: 'business_grant',
      date: addMonths(today(), -3),
      projectCode: null,
      placePcode: null,
      valueMinor: 300_000,
      currency: 'EUR',
      modality: 'cash',
      note: null,
    });
    const c = await buildCall(t, { eligibilityRules: rules });
    const a = await buildApplication(t, c.id, {
      applicant: {
        familyName: 'Мороз',
        givenName: 'Ірина',
        patronymic: null,
        birthDate: null,
        phone: '050 123 45 67',
        email: null,
        organisationName: 'ФОП Мороз',
      },
      businessId: { kind: 'rnokpp', value: tax },
    });
    const s = (await post(`/api/v1/grants/applications/${a.id}/screening`)).json();
    expect(s.automaticResult).toBe('ineligible');
    expect(s.duplicates[0]).toMatchObject({ personId: person.id, decision: 'link' });
    expect(s.priorAssistance).toMatchObject({ outcome: 'fail', personIds: [person.id] });
    const rule = s.rules.find((r: { type: string }) => r.type === 'no_grant_within_months');
    expect(rule.outcome).toBe('fail');
    expect(rule.reason.en).toBe(
      `Received “business_grant” on ${addMonths(today(), -3)}: less than 12 months ago`,
    );
  });

  it('overrides with a reason, keeps the override when screened again, and logs it', async () => {
    const c = await buildCall(t, { eligibilityRules: rules });
    const a = await buildApplication(t, c.id, { answers: { ...businessAnswers(), staff_count: 30 } });
    const first = (await post(`/api/v1/grants/applications/${a.id}/screening`)).json();
    expect(first.result).toBe('ineligible');
    const url = `/api/v1/grants/applications/${a.id}/screening/override`;

    expect((await post(url, { result: 'eligible', reason: 'ok', version: first.version })).statusCode).toBe(
      400,
    );
    const reason = 'Seasonal workers counted twice; the register extract shows 12 staff';
    const over = await post(url, { result: 'eligible', reason, version: first.version });
    expect(over.statusCode, over.body).toBe(200);
    expect(over.json()).toMatchObject({
      automaticResult: 'ineligible',
      result: 'eligible',
      override: { reason },
    });
    expect((await post(url, { result: 'ineligible', reason, version: first.version })).statusCode).toBe(409);

    const again = (await post(`/api/v1/grants/applications/${a.id}/screening`)).json();
    expect(again).toMatchObject({ automaticResult: 'ineligible', result: 'eligible' });
    expect((await get(`/api/v1/grants/applications/${a.id}`)).json().status).toBe('screened_eligible');

    const audit = await t.services.audit.searchAudit(t.tenantId, {
      entityType: 'grant_application',
      entityId: a.id,
      limit: 50,
    });
    const entry = audit.items.find((e) => e.action === 'grant_application.screening_overridden');
    expect(entry?.meta).toEqual({ reason });
    expect(audit.items.some((e) => e.action === 'grant_application.read')).toBe(true);
  });

  it('lists a call’s applications by status, oblast and result', async () => {
    const c = await buildCall(t, { eligibilityRules: rules });
    const lviv = await buildApplication(t, c.id, { oblastPcode: 'UA4606001' });
    const kyiv = await buildApplication(t, c.id, {
      oblastPcode: 'UA80',
      answers: { ...businessAnswers(), sector: 'alcohol_tobacco' },
    });
    const draft = await buildApplication(t, c.id, { submit: false });
    await post(`/api/v1/grants/calls/${c.id}/screening`);
    const ids = async (query: string) =>
      (await get(`/api/v1/grants/calls/${c.id}/applications${query}`))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
    expect(await ids('')).toEqual([lviv.id, kyiv.id, draft.id].sort());
    expect(await ids('?eligible=true')).toEqual([lviv.id]);
    expect(await ids('?eligible=false')).toEqual([kyiv.id]);
    expect(await ids('?oblast=UA46')).toEqual([lviv.id, draft.id].sort());
    expect(await ids('?oblast=UA80')).toEqual([kyiv.id]);
    expect(await ids('?status=draft')).toEqual([draft.id]);
    const page = (await get(`/api/v1/grants/calls/${c.id}/applications?limit=2`)).json();
    const next = (await get(`/api/v1/grants/calls/${c.id}/applications?limit=2&cursor=${page.next}`)).json();
    expect([...page.items, ...next.items].map((x: { id: string }) => x.id).sort()).toEqual(await ids(''));
    const row = page.items[0];
    expect(row.applicantName).toBe('Коваленко Марія');
    expect(row.businessId.masked).toMatch(/^•{5}\d{3}$/);
  });

  it('links an application to its person in the registry', async () => {
    const c = await buildCall(t);
    const a = await buildApplication(t, c.id);
    const person = await buildPerson(t, (await buildOrganisation(t)).id);
    const current = (await get(`/api/v1/grants/applications/${a.id}`)).json();
    const res = await post(`/api/v1/grants/applications/${a.id}/person`, {
      personId: person.id,
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().personId).toBe(person.id);
    const stale = await post(`/api/v1/grants/applications/${a.id}/person`, {
      personId: person.id,
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('does not screen a draft', async () => {
    const c = await buildCall(t);
    const d = await buildApplication(t, c.id, { submit: false });
    expect((await post(`/api/v1/grants/applications/${d.id}/screening`)).statusCode).toBe(409);
  });
});

describe('who sees an application', () => {
  it('gives staff the applicant and documents; reviewers and other oblasts get nothing', async () => {
    const c = await buildCall(t);
    const a = await buildApplication(t, c.id, { oblastPcode: 'UA46' });
    const full = (await get(`/api/v1/grants/applications/${a.id}`)).json();
    expect(full.applicant).toMatchObject({ familyName: 'Коваленко', phone: '+380671112233' });
    const [doc] = full.documents;
    const file = await get(`/api/v1/files/${doc.fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPdf())).toBe(true);

    const reviewer = (await signedInAs(t, ['reviewer'])).session;
    expect((await get(`/api/v1/grants/applications/${a.id}`, reviewer)).statusCode).toBe(403);
    expect((await get(`/api/v1/files/${doc.fileId}`, reviewer)).statusCode).toBe(404);

    const odesa = (await signedInAs(t, ['programme_manager'], { oblastScope: ['UA51'] })).session;
    expect((await get(`/api/v1/grants/applications/${a.id}`, odesa)).statusCode).toBe(403);
    expect((await get(`/api/v1/files/${doc.fileId}`, odesa)).statusCode).toBe(404);
    const listed = (await get(`/api/v1/grants/calls/${c.id}/applications`, odesa)).json();
    expect(listed.items).toEqual([]);
  });
});
