import { dedupPairDetail, dedupPairsPage } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildPerson, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let officer: Session;
let orgId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t, { type: 'mission' })).id;
  officer = (await signedInAs(t, ['registration_officer'], { organisationId: orgId })).session;
  const people = {
    first: {
      familyName: 'Шевченко',
      givenName: 'Олександр',
      patronymic: 'Петрович',
      birthDate: '1981-03-14',
      sex: 'M',
      phones: ['0671234567'],
    },
    again: {
      familyName: 'Shevchenko',
      givenName: 'Aleksandr',
      patronymic: null,
      birthDate: '1981-03-14',
      sex: 'M',
      phones: ['+380671234567'],
    },
    twinA: {
      familyName: 'Гончар',
      givenName: 'Марія',
      patronymic: 'Іванівна',
      birthDate: '2001-06-02',
      sex: 'F',
      phones: ['0501112233'],
    },
    twinB: {
      familyName: 'Гончар',
      givenName: 'Дарина',
      patronymic: 'Іванівна',
      birthDate: '2001-06-02',
      sex: 'F',
      phones: ['0501112233'],
    },
    anna: {
      familyName: 'Коваль',
      givenName: 'Ганна',
      patronymic: 'Степанівна',
      birthDate: '1972-11-05',
      sex: 'F',
      phones: ['0639876543'],
    },
    annaLatin: {
      familyName: 'Koval',
      givenName: 'Anna',
      patronymic: 'Stepanivna',
      birthDate: '1972-11-05',
      sex: 'F',
      phones: ['+380639876543'],
    },
  } as const;
  for (const [key, p] of Object.entries(people))
    ids[key] = (await buildPerson(t, orgId, { ...p, phones: [...p.phones] })).id;
  // A crowd of other people, so the model has something to learn from.
  const surnames = ['Коваленко', 'Бойко', 'Ткаченко', 'Кравчук', 'Олійник', 'Лисенко', 'Мороз', 'Павленко'];
  const names = ['Андрій', 'Ірина', 'Богдан', 'Оксана', 'Юрій', 'Тетяна', 'Василь', 'Наталія'];
  for (let i = 0; i < 40; i++) {
    await buildPerson(t, orgId, {
      familyName: surnames[i % 8]!,
      givenName: names[(i * 3) % 8]!,
      birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      phones: [`06${String(10000000 + i * 7919).slice(0, 8)}`],
    });
  }
});
afterAll(() => t.close());

async function runDedup() {
  const res = await call(t, officer, 'POST', '/api/v1/dedup/runs');
  expect(res.statusCode).toBe(202);
  await t.services.runner.drain();
  const job = await t.services.jobs.getJob(t.tenantId, res.json().jobId);
  expect(job.status, job.error ?? '').toBe('succeeded');
  return dedupPairsPage.parse((await call(t, officer, 'GET', '/api/v1/dedup/pairs?limit=50')).json()).items;
}

const pairOf = <T extends { personA: string; personB: string }>(items: T[], x: string, y: string) =>
  items.find((p) => (p.personA === x && p.personB === y) || (p.personA === y && p.personB === x));

describe('deduplication workflow', () => {
  it('a run fills the review queue; a pair shows both records and why they matched', async () => {
    const items = await runDedup();
    const pair = pairOf(items, ids.first!, ids.again!);
    expect(pair).toBeDefined();
    expect(pair!.decision).toBe('link');
    const detail = dedupPairDetail.parse(
      (await call(t, officer, 'GET', `/api/v1/dedup/pairs/${pair!.id}`)).json(),
    );
    expect([detail.a.id, detail.b.id].sort()).toEqual([ids.first, ids.again].sort());
    const byField = Object.fromEntries(detail.explanation.fields.map((f) => [f.field, f]));
    expect(byField.birth_date!.weight).toBeGreaterThan(0);
    expect(byField.phone!.weight).toBeGreaterThan(0);
    const sum = detail.explanation.prior + detail.explanation.fields.reduce((s, f) => s + f.weight, 0);
    expect(sum).toBeCloseTo(detail.explanation.total, 3);
    // Twins share surname, birth date and phone, but never link automatically.
    const twins = pairOf(items, ids.twinA!, ids.twinB!);
    if (twins) expect(twins.decision).toBe('review');
  });

  it('merges the same person, reversibly, keeping both records', async () => {
    const items = dedupPairsPage.parse((await call(t, officer, 'GET', '/api/v1/dedup/pairs')).json()).items;
    const pair = pairOf(items, ids.first!, ids.again!)!;
    const merged = await call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/decision`, {
      decision: 'same',
      survivorId: ids.first,
    });
    expect(merged.json().status).toBe('merged');
    expect((await call(t, officer, 'GET', `/api/v1/people/${ids.again}`)).json().mergedInto).toBe(ids.first);
    const found = (await call(t, officer, 'GET', '/api/v1/people?q=Shevchenko')).json().items;
    expect(found.map((h: { id: string }) => h.id)).toEqual([ids.first]);
    // Deciding twice is refused.
    expect(
      (await call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/decision`, { decision: 'skip' }))
        .statusCode,
    ).toBe(409);

    const undone = await call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/undo`);
    expect(undone.json().status).toBe('undone');
    expect((await call(t, officer, 'GET', `/api/v1/people/${ids.again}`)).json().mergedInto).toBeNull();
    expect((await call(t, officer, 'GET', '/api/v1/people?q=Shevchenko')).json().items).toHaveLength(2);
    const log = await t.services.audit.searchAudit(t.tenantId, {
      entityType: 'dedup_pair',
      entityId: pair.id,
      limit: 10,
    });
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['dedup.merged', 'dedup.merge_undone']),
    );
  });

  it('remembers "not the same" and never proposes the pair again', async () => {
    const items = await runDedup();
    const pair = pairOf(items, ids.first!, ids.again!)!;
    expect(
      (
        await call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/decision`, { decision: 'not_same' })
      ).json().status,
    ).toBe('not_same');
    const again = await runDedup();
    expect(pairOf(again, ids.first!, ids.again!)).toBeUndefined();
  });

  it('refuses a survivor outside the pair, and other roles', async () => {
    const items = dedupPairsPage.parse((await call(t, officer, 'GET', '/api/v1/dedup/pairs')).json()).items;
    if (items[0]) {
      const res = await call(t, officer, 'POST', `/api/v1/dedup/pairs/${items[0].id}/decision`, {
        decision: 'same',
        survivorId: ids.twinA === items[0].personA ? ids.first : ids.twinA,
      });
      expect(res.statusCode).toBe(400);
    }
    const { session: donor } = await signedInAs(t, ['donor_viewer']);
    expect((await call(t, donor, 'GET', '/api/v1/dedup/pairs')).statusCode).toBe(403);
  });
});

describe('the review queue', () => {
  it('shows both records of each pair, and filters automatic links from pairs to review', async () => {
    const page = dedupPairsPage.parse(
      (await call(t, officer, 'GET', '/api/v1/dedup/pairs?limit=100')).json(),
    );
    const pair = pairOf(page.items, ids.anna!, ids.annaLatin!);
    expect(pair).toBeDefined();
    expect(pair!.a!.id).toBe(pair!.personA);
    expect(pair!.b!.id).toBe(pair!.personB);
    expect([pair!.a!.familyName, pair!.b!.familyName].sort()).toEqual(['Koval', 'Коваль']);
    expect(pair!.a!.latinName.familyName).toBe('Koval');
    expect(pair!.a!.birthDate).toBe('1972-11-05');
    // Summaries only: no identifiers or phones in the queue.
    expect(Object.keys(pair!.a!)).not.toContain('identifiers');
    expect(Object.keys(pair!.a!)).not.toContain('phones');

    for (const decision of ['link', 'review'] as const) {
      const only = dedupPairsPage.parse(
        (await call(t, officer, 'GET', `/api/v1/dedup/pairs?limit=100&decision=${decision}`)).json(),
      ).items;
      expect(only.every((p) => p.decision === decision)).toBe(true);
      expect(only.length).toBe(page.items.filter((p) => p.decision === decision).length);
    }
  });

  it('hides the records a reviewer may not see, but still lists the pair', async () => {
    const { session: lviv } = await signedInAs(t, ['registration_officer'], {
      organisationId: orgId,
      oblastScope: ['UA46'],
    });
    const items = dedupPairsPage.parse((await call(t, lviv, 'GET', '/api/v1/dedup/pairs')).json()).items;
    const pair = pairOf(items, ids.anna!, ids.annaLatin!);
    expect(pair).toBeDefined();
    expect(pair!.a).toBeNull();
    expect(pair!.b).toBeNull();
    expect((await call(t, lviv, 'GET', `/api/v1/dedup/pairs/${pair!.id}`)).statusCode).toBe(403);
  });

  it('a skipped pair, or one whose merge was undone, may still be decided', async () => {
    const items = dedupPairsPage.parse(
      (await call(t, officer, 'GET', '/api/v1/dedup/pairs?limit=100')).json(),
    ).items;
    const pair = pairOf(items, ids.anna!, ids.annaLatin!)!;
    const decide = (body: object) =>
      call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/decision`, body);

    expect((await decide({ decision: 'skip' })).json().status).toBe('skipped');
    const skipped = dedupPairsPage.parse(
      (await call(t, officer, 'GET', '/api/v1/dedup/pairs?status=skipped')).json(),
    ).items;
    expect(skipped.map((p) => p.id)).toContain(pair.id);

    expect((await decide({ decision: 'same', survivorId: ids.anna })).json().status).toBe('merged');
    const merged = dedupPairDetail.parse(
      (await call(t, officer, 'GET', `/api/v1/dedup/pairs/${pair.id}`)).json(),
    );
    const absorbed = merged.a.id === ids.annaLatin ? merged.a : merged.b;
    expect(absorbed.mergedInto).toBe(ids.anna);

    expect((await call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/undo`)).json().status).toBe(
      'undone',
    );
    expect((await decide({ decision: 'not_same' })).json().status).toBe('not_same');
    // Settled now: neither a second decision nor an undo.
    expect((await decide({ decision: 'skip' })).statusCode).toBe(409);
    expect((await call(t, officer, 'POST', `/api/v1/dedup/pairs/${pair.id}/undo`)).statusCode).toBe(409);
  });
});
