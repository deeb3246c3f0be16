import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildCall,
  businessAnswers,
  call,
  factoryActor,
  nextEdrpou,
  tinyPdf,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
/** A small limit, so "too large" is cheap to test. */
const MAX_BYTES = 4096;

beforeAll(async () => {
  t = await createTestApp({
    OSELIA_UPLOAD_MAX_BYTES: String(MAX_BYTES),
    OSELIA_PUBLIC_RATE_PER_MINUTE: '10000',
  });
});
afterAll(() => t.close());

const applicant = {
  familyName: 'Шевчук',
  givenName: 'Ганна',
  phone: '067 123 45 67',
  organisationName: 'Кав’ярня «Ранок»',
};

async function start(callId: string, body: Record<string, unknown> = {}) {
  const res = await call(t, null, 'POST', `/api/v1/public/grants/calls/${callId}/applications`, {
    language: 'uk',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { referenceCode: string; secret: string; version: number };
}

const as = (secret: string) => ({ 'x-application-secret': secret });

function upload(ref: string, secret: string, bytes: Buffer, name = 'plan.pdf', kind = 'business_plan') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/grants/applications/${ref}/documents?kind=${kind}&name=${encodeURIComponent(name)}`,
    payload: bytes,
    headers: { ...as(secret), 'content-type': 'application/octet-stream' },
  });
}

/** A draft with everything a business call asks, and its business plan uploaded. */
async function completeDraft(callId: string, edrpou = nextEdrpou()) {
  const s = await start(callId);
  const saved = await call(
    t,
    null,
    'PUT',
    `/api/v1/public/grants/applications/${s.referenceCode}`,
    {
      version: s.version,
      applicant,
      businessId: { kind: 'edrpou', value: edrpou },
      oblastPcode: 'UA4606001',
      groups: ['idp', 'women_led'],
      requestedAmountMinor: 650_000,
      answers: businessAnswers(),
    },
    as(s.secret),
  );
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await upload(s.referenceCode, s.secret, tinyPdf())).statusCode).toBe(201);
  return { ...s, version: saved.json().version as number };
}

describe('the public applicant journey', () => {
  it('lists the open call, starts a draft, saves, uploads a PDF, submits and checks the status', async () => {
    const c = await buildCall(t);
    const list = await call(t, null, 'GET', '/api/v1/public/grants/calls');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(c.id);

    const page = await call(t, null, 'GET', `/api/v1/public/grants/calls/${c.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().requiredDocuments[0].kind).toBe('business_plan');
    expect(page.json().form.sections[0].questions[0].name).toBe('sector');
    expect(page.json().criteria).toEqual([
      { label: { uk: 'Життєздатність', en: 'Viability' }, weight: 60 },
      { label: { uk: 'Робочі місця', en: 'Jobs' }, weight: 40 },
    ]);

    const s = await start(c.id);
    expect(s.referenceCode).toMatch(/^GR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(s.secret).toMatch(/^([A-Z2-9]{5}-){3}[A-Z2-9]{5}$/);

    const saved = await call(
      t,
      null,
      'PUT',
      `/api/v1/public/grants/applications/${s.referenceCode}`,
      {
        version: s.version,
        applicant,
        businessId: { kind: 'edrpou', value: nextEdrpou() },
        oblastPcode: 'UA4606001',
        groups: ['idp'],
        requestedAmountMinor: 700_000,
        answers: { ...businessAnswers(), staff_count: 3 },
      },
      as(s.secret),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', version: 2, applicant: { familyName: 'Шевчук' } });
    expect(saved.json().businessId.masked).toMatch(/^•{5}\d{3}$/);

    const up = await upload(s.referenceCode, s.secret, tinyPdf(), '../../etc/Бізнес план?.pdf');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      kind: 'business_plan',
      mediaType: 'application/pdf',
      fileName: 'Бізнес план.pdf',
    });

    const down = await call(
      t,
      null,
      'GET',
      `/api/v1/public/grants/applications/${s.referenceCode}/documents/${up.json().id}`,
      undefined,
      as(s.secret),
    );
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(tinyPdf())).toBe(true);
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
    expect(down.headers['content-type']).toBe('application/pdf');

    // Lower-case and without dashes works too: people copy codes by hand.
    const lower = s.referenceCode.toLowerCase().replace(/-/g, ' ');
    const submitted = await call(
      t,
      null,
      'POST',
      `/api/v1/public/grants/applications/${encodeURIComponent(lower)}/submit`,
      { version: 2 },
      as(s.secret.toLowerCase()),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ referenceCode: s.referenceCode, status: 'submitted' });

    const status = await call(
      t,
      null,
      'GET',
      `/api/v1/public/grants/applications/${s.referenceCode}/status`,
      undefined,
      as(s.secret),
    );
    expect(status.statusCode).toBe(200);
    expect(Object.keys(status.json()).sort()).toEqual(
      ['callTitle', 'messages', 'referenceCode', 'status', 'submittedAt', 'updatedAt'].sort(),
    );
    expect(status.json().status).toBe('submitted');

    // Submitted: it no longer changes.
    const late = await call(
      t,
      null,
      'PUT',
      `/api/v1/public/grants/applications/${s.referenceCode}`,
      { version: 3, requestedAmountMinor: 1 },
      as(s.secret),
    );
    expect(late.statusCode).toBe(409);
  });

  it('reveals nothing without the right secret, and says the same for an unknown code', async () => {
    const c = await buildCall(t);
    const s = await start(c.id);
    const url = `/api/v1/public/grants/applications/${s.referenceCode}/status`;
    expect((await call(t, null, 'GET', url)).statusCode).toBe(400);
    const wrong = await call(t, null, 'GET', url, undefined, as('AAAAA-BBBBB-CCCCC-DDDDD'));
    const unknown = await call(
      t,
      null,
      'GET',
      '/api/v1/public/grants/applications/GR-ZZZZ-ZZZZ/status',
      undefined,
      as(s.secret),
    );
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.body).not.toContain('draft');
  });

  it('never gives the secret back, and keeps only its keyed hash', async () => {
    const c = await buildCall(t);
    const s = await start(c.id, { applicant });
    for (const path of ['', '/status']) {
      const res = await call(
        t,
        null,
        'GET',
        `/api/v1/public/grants/applications/${s.referenceCode}${path}`,
        undefined,
        as(s.secret),
      );
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(s.secret);
      expect(res.body).not.toMatch(/secret/i);
    }
    const row = await t.db
      .selectFrom('grant_applications')
      .selectAll()
      .where('reference_code', '=', s.referenceCode)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(s.secret);
    expect(JSON.stringify(row)).not.toContain('Шевчук');
    // A retried start with a long Idempotency-Key answers the first answer; a guessable key is refused.
    const body = { language: 'en' };
    const key = randomUUID();
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/grants/calls/${c.id}/applications`,
      payload: body,
      headers: { 'idempotency-key': key },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/grants/calls/${c.id}/applications`,
      payload: body,
      headers: { 'idempotency-key': key },
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().referenceCode).toBe(first.json().referenceCode);
    const short = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/grants/calls/${c.id}/applications`,
      payload: body,
      headers: { 'idempotency-key': '12345678' },
    });
    expect(short.statusCode).toBe(400);
  });

  it('shows no internal field of a call, and no draft call at all', async () => {
    const c = await buildCall(t, { projectId: randomUUID(), reviewersPerApplication: 3 });
    const page = await call(t, null, 'GET', `/api/v1/public/grants/calls/${c.id}`);
    const keys = Object.keys(page.json());
    for (const internal of [
      'projectId',
      'reviewersPerApplication',
      'version',
      'applicationCounts',
      'eligibilityRules',
      'scoringRubric',
      'createdAt',
      'openedAt',
    ]) {
      expect(keys).not.toContain(internal);
    }
    expect(page.body).not.toContain(c.projectId!);
    const draft = await buildCall(t, { open: false });
    expect((await call(t, null, 'GET', `/api/v1/public/grants/calls/${draft.id}`)).statusCode).toBe(404);
    expect(
      (
        await call(t, null, 'POST', `/api/v1/public/grants/calls/${draft.id}/applications`, {
          language: 'uk',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('documents', () => {
  it('refuses a file that is not a PDF, JPEG or PNG, whatever its name says', async () => {
    const c = await buildCall(t);
    const s = await start(c.id);
    const text = await upload(
      s.referenceCode,
      s.secret,
      Buffer.from('just text, named like a PDF'),
      'plan.pdf',
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toBe(
      'only PDF, JPEG, PNG files are accepted; this file is not one (its content was checked, not its name)',
    );
    const gif = await upload(s.referenceCode, s.secret, Buffer.from('GIF89a\x01\x00\x01\x00'), 'photo.png');
    expect(gif.statusCode).toBe(415);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(40),
    ]);
    const ok = await upload(s.referenceCode, s.secret, png, 'scan.pdf');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ mediaType: 'image/png', fileName: 'scan.png' });
  });

  it('refuses a file over the size limit, saying the limit', async () => {
    const c = await buildCall(t);
    const s = await start(c.id);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_BYTES)]);
    const res = await upload(s.referenceCode, s.secret, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/files may be at most 4 KB$/);
    const files = await t.db.selectFrom('files').select('id').where('size_bytes', '>', MAX_BYTES).execute();
    expect(files).toEqual([]);
  });

  it('refuses a kind the call does not ask, and more files of a kind than allowed', async () => {
    const c = await buildCall(t, {
      requiredDocuments: [
        { kind: 'registration', label: { uk: 'Виписка', en: 'Register extract' }, maxFiles: 1 },
      ],
    });
    const s = await start(c.id);
    expect((await upload(s.referenceCode, s.secret, tinyPdf(), 'x.pdf', 'selfie')).statusCode).toBe(400);
    expect((await upload(s.referenceCode, s.secret, tinyPdf(), 'x.pdf', 'registration')).statusCode).toBe(
      201,
    );
    const second = await upload(s.referenceCode, s.secret, tinyPdf(), 'y.pdf', 'registration');
    expect(second.statusCode).toBe(409);
  });

  it('lets a file question hold only the application’s own files, of the kinds it accepts', async () => {
    const c = await buildCall(t);
    const s = await start(c.id);
    // The form's photo question takes JPEG and PNG only.
    expect((await upload(s.referenceCode, s.secret, tinyPdf(), 'a.pdf', 'photos')).statusCode).toBe(415);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(40),
    ]);
    const photo = await upload(s.referenceCode, s.secret, png, 'shop.png', 'photos');
    expect(photo.statusCode).toBe(201);
    const url = `/api/v1/public/grants/applications/${s.referenceCode}`;
    const own = await call(
      t,
      null,
      'PUT',
      url,
      { version: s.version, answers: { ...businessAnswers(), photos: [photo.json().fileId] } },
      as(s.secret),
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().answers.photos).toEqual([photo.json().fileId]);
    const foreign = await call(
      t,
      null,
      'PUT',
      url,
      { version: own.json().version, answers: { ...businessAnswers(), photos: [randomUUID()] } },
      as(s.secret),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.fields[0].field).toBe('answers');
  });

  it('removes a document from a draft, and its bytes', async () => {
    const c = await buildCall(t);
    const s = await start(c.id);
    const up = await upload(s.referenceCode, s.secret, tinyPdf());
    const url = `/api/v1/public/grants/applications/${s.referenceCode}/documents/${up.json().id}`;
    expect((await call(t, null, 'DELETE', url, undefined, as(s.secret))).statusCode).toBe(204);
    expect((await call(t, null, 'GET', url, undefined, as(s.secret))).statusCode).toBe(404);
  });
});

describe('submission rules', () => {
  it('lists what is missing', async () => {
    const c = await buildCall(t);
    const s = await start(c.id);
    const res = await call(
      t,
      null,
      'POST',
      `/api/v1/public/grants/applications/${s.referenceCode}/submit`,
      { version: s.version },
      as(s.secret),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'applicant',
        'oblastPcode',
        'requestedAmountMinor',
        'businessId',
        'documents.business_plan',
      ]),
    );
    // The form's own required questions, in both languages.
    const problems = res.json().error.details.problems as {
      path: string;
      code: string;
      message: { uk: string };
    }[];
    expect(problems.filter((p) => p.code === 'required').map((p) => p.path)).toEqual(
      expect.arrayContaining(['sector', 'registration_date', 'staff_count', 'purposes']),
    );
    expect(problems[0]!.message.uk.length).toBeGreaterThan(0);
  });

  it('refuses a business number with a wrong check digit', async () => {
    const c = await buildCall(t);
    const good = nextEdrpou();
    const bad = `${good.slice(0, 7)}${(Number(good[7]) + 1) % 10}`;
    const res = await call(t, null, 'POST', `/api/v1/public/grants/calls/${c.id}/applications`, {
      language: 'uk',
      businessId: { kind: 'edrpou', value: bad },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('businessId.value');
  });

  it('allows one application per business per call, also when two submit at once', async () => {
    const c = await buildCall(t);
    const edrpou = nextEdrpou();
    const first = await completeDraft(c.id, edrpou);
    const second = await completeDraft(c.id, edrpou);
    const submit = (d: typeof first) =>
      call(
        t,
        null,
        'POST',
        `/api/v1/public/grants/applications/${d.referenceCode}/submit`,
        { version: d.version },
        as(d.secret),
      );
    const [a, b] = await Promise.all([submit(first), submit(second)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().error.message).toMatch(
      /has already been submitted to this call: one application per business per call$/,
    );
    // Another call: the same business may apply.
    const other = await buildCall(t);
    const third = await completeDraft(other.id, edrpou);
    expect((await submit(third)).statusCode).toBe(200);
  });

  it('refuses to submit after the call closes, by date or by hand', async () => {
    const c = await buildCall(t);
    const byDate = await completeDraft(c.id);
    await t.db
      .updateTable('grant_calls')
      .set({ closes_at: new Date(Date.now() - 60_000) })
      .where('id', '=', c.id)
      .execute();
    const res = await call(
      t,
      null,
      'POST',
      `/api/v1/public/grants/applications/${byDate.referenceCode}/submit`,
      { version: byDate.version },
      as(byDate.secret),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /^the call closed on \d{4}-\d{2}-\d{2}: applications are no longer accepted$/,
    );

    const c2 = await buildCall(t);
    const d2 = await completeDraft(c2.id);
    const actor = factoryActor(t, t.tenantId);
    const current = await t.services.grantCalls.findCall(t.tenantId, c2.id);
    await t.services.grantCalls.closeCall(actor, c2.id, current!.version);
    const closed = await call(
      t,
      null,
      'POST',
      `/api/v1/public/grants/applications/${d2.referenceCode}/submit`,
      { version: d2.version },
      as(d2.secret),
    );
    expect(closed.statusCode).toBe(409);
    expect(await t.services.grantCalls.listPublicCalls(t.tenantId)).not.toContainEqual(
      expect.objectContaining({ id: c2.id }),
    );
  });

  it('keeps a draft from being overwritten by a stale tab', async () => {
    const c = await buildCall(t);
    const { referenceCode, secret } = await buildApplication(t, c.id, { submit: false });
    const url = `/api/v1/public/grants/applications/${referenceCode}`;
    const current = (await call(t, null, 'GET', url, undefined, as(secret))).json();
    const ok = await call(t, null, 'PUT', url, { version: current.version, groups: ['youth'] }, as(secret));
    expect(ok.statusCode).toBe(200);
    const stale = await call(
      t,
      null,
      'PUT',
      url,
      { version: current.version, groups: ['veteran'] },
      as(secret),
    );
    expect(stale.statusCode).toBe(409);
  });
});

describe('API document', () => {
  it('documents the public routes, tagged public, with the secret as a header', async () => {
    const doc = (await call(t, null, 'GET', '/api/docs/json')).json();
    const status = doc.paths['/api/v1/public/grants/applications/{reference}/status'].get;
    expect(status.tags).toContain('public');
    expect(status.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'x-application-secret' })]),
    );
    for (const path of ['/api/v1/grants/calls', '/api/v1/grants/calls/{id}/applications', '/api/v1/files']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
