import { household, person, personSearchResult } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  officer = (await signedInAs(t, ['registration_officer'])).session;
});
afterAll(() => t.close());

const VALID_TAX = '3012345670'; // check digit computed for the first nine digits
const consentForAssistance = [{ purpose: 'assistance', status: 'given', method: 'signed' }];

const shevchenkoFamily = {
  address: 'вул. Соборна, 12, кв. 4',
  currentPcode: 'UA0502003',
  members: [
    {
      relationship: 'head',
      person: {
        familyName: 'Шевченко',
        givenName: 'Олександр',
        patronymic: 'Петрович',
        birthDate: '1981-03-14',
        sex: 'M',
        phones: ['067 123 45 67'],
        populationGroup: 'idp',
        originPcode: 'UA6504',
        displacementDate: '2022-03-02',
        identifiers: [{ type: 'tax_number', value: VALID_TAX }],
        consents: consentForAssistance,
      },
    },
    {
      relationship: 'spouse',
      person: {
        familyName: 'Шевченко',
        givenName: 'Ганна',
        patronymic: 'Іванівна',
        birthDate: '1984-07-30',
        sex: 'F',
        populationGroup: 'idp',
        consents: consentForAssistance,
      },
    },
    {
      relationship: 'child',
      person: {
        familyName: 'Шевченко',
        givenName: 'Сергій',
        patronymic: 'Олександрович',
        birthDate: '2012-01-05',
        sex: 'M',
        populationGroup: 'idp',
        washingtonGroup: {
          seeing: 'no_difficulty',
          hearing: 'no_difficulty',
          walking: 'a_lot_of_difficulty',
          cognition: 'no_difficulty',
          selfCare: 'some_difficulty',
          communication: 'no_difficulty',
        },
        vulnerabilities: ['chronic_illness'],
      },
    },
    {
      relationship: 'parent',
      person: {
        familyName: 'Шевченко',
        givenName: 'Марія',
        patronymic: 'Степанівна',
        birthDate: '1950',
        birthDatePrecision: 'year',
        sex: 'F',
        populationGroup: 'idp',
      },
    },
  ],
};

let family: ReturnType<typeof household.parse>;

describe('registering a household', () => {
  it('registers a household of four, one with a WG-SS disability', async () => {
    const bad = await call(t, officer, 'POST', '/api/v1/households', shevchenkoFamily);
    // "1950" is not a full date: the field says so, and nothing of the household is saved.
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('members.3.person.birthDate');

    const fixed = structuredClone(shevchenkoFamily);
    fixed.members[3]!.person.birthDate = '1950-07-01';
    const res = await call(t, officer, 'POST', '/api/v1/households', fixed);
    expect(res.statusCode, res.body).toBe(201);
    family = household.parse(res.json());
    expect(family.size).toBe(4);
    expect(family.headPersonId).toBe(family.members.find((m) => m.relationship === 'head')!.personId);
    const child = family.members.find((m) => m.relationship === 'child')!;
    expect(child.person.disability).toBe(true);
    expect(child.person.ageBand).toBe('0-17');
    expect(family.members.filter((m) => m.person.disability === true)).toHaveLength(1);
  });

  it('stores names in KMU 2010 Latin, phones in E.164, identifiers encrypted and masked', async () => {
    const head = person.parse(
      (await call(t, officer, 'GET', `/api/v1/people/${family.headPersonId}`)).json(),
    );
    expect(head.latinName).toEqual({
      familyName: 'Shevchenko',
      givenName: 'Oleksandr',
      patronymic: 'Petrovych',
    });
    expect(head.phones).toEqual(['+380671234567']);
    expect(head.identifiers[0]).toMatchObject({ type: 'tax_number', masked: '•••••••670' });
    const raw = await t.db
      .selectFrom('person_identifiers')
      .select(['value_encrypted', 'value_hash'])
      .executeTakeFirstOrThrow();
    expect(raw.value_encrypted).not.toContain(VALID_TAX);
    expect(raw.value_hash).not.toContain(VALID_TAX);
  });

  it('logs every opening of a person record, and every reveal of an identifier', async () => {
    const head = person.parse(
      (await call(t, officer, 'GET', `/api/v1/people/${family.headPersonId}`)).json(),
    );
    const reveal = await call(
      t,
      officer,
      'POST',
      `/api/v1/people/${head.id}/identifiers/${head.identifiers[0]!.id}/reveal`,
    );
    expect(reveal.json().value).toBe(VALID_TAX);
    const log = await t.services.audit.searchAudit(t.tenantId, { entityId: head.id, limit: 50 });
    const actions = log.items.map((e) => e.action);
    expect(actions).toContain('person.read');
    expect(actions).toContain('person.identifier_revealed');
    // Partner staff may read their own records but not reveal identifiers.
    const { session: partner } = await signedInAs(t, ['partner_staff']);
    expect(
      (
        await call(
          t,
          partner,
          'POST',
          `/api/v1/people/${head.id}/identifiers/${head.identifiers[0]!.id}/reveal`,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('search', () => {
  const search = async (q: string, session = officer) =>
    personSearchResult.parse(
      (await call(t, session, 'GET', `/api/v1/people?q=${encodeURIComponent(q)}`)).json(),
    ).items;

  it.each(['Oleksandr Shevchenko', 'Aleksandr Shevchenko', 'Олександр Шевченко', 'shevchenko alexandr'])(
    '"%s" finds Олександр Шевченко first',
    async (q) => {
      const hits = await search(q);
      expect(hits[0]?.id).toBe(family.headPersonId);
      expect(hits[0]?.matchedOn).toBe('name');
    },
  );

  it('"Serhiy" and "Sergey" find Сергій', async () => {
    const child = family.members.find((m) => m.relationship === 'child')!.personId;
    expect((await search('Serhiy')).map((h) => h.id)).toContain(child);
    expect((await search('Sergey Shevchenko'))[0]?.id).toBe(child);
  });

  it('still finds a name with a typo the phonetic keys do not absorb', async () => {
    const hits = await search('Shevchnko Oleksandr');
    expect(hits.map((h) => h.id)).toContain(family.headPersonId);
  });

  it('finds by phone in any writing, and by tax number exactly', async () => {
    expect((await search('+380 (67) 123-45-67'))[0]).toMatchObject({
      id: family.headPersonId,
      matchedOn: 'phone',
    });
    expect((await search(VALID_TAX))[0]).toMatchObject({ id: family.headPersonId, matchedOn: 'identifier' });
    expect(await search('3012345671')).toEqual([]);
  });

  it('filters by place, group, vulnerability and household size', async () => {
    const res = await call(
      t,
      officer,
      'GET',
      '/api/v1/people?oblast=UA05&vulnerability=chronic_illness&minHouseholdSize=4',
    );
    expect(res.json().items.map((h: { givenName: string }) => h.givenName)).toEqual(['Сергій']);
    expect((await call(t, officer, 'GET', '/api/v1/people?q=Shevchenko&oblast=UA46')).json().items).toEqual(
      [],
    );
  });

  it('shows partner staff only the people their organisation registered', async () => {
    const { session: partner } = await signedInAs(t, ['partner_staff'], {
      organisationId: (await buildOrganisation(t)).id,
    });
    expect(await search('Shevchenko', partner)).toEqual([]);
    expect((await call(t, partner, 'GET', `/api/v1/people/${family.headPersonId}`)).statusCode).toBe(403);
  });
});

describe('likely duplicates while registering', () => {
  it('proposes the registered person for a differently spelt entry, and explains why', async () => {
    const res = await call(t, officer, 'POST', '/api/v1/people/duplicate-check', {
      familyName: 'Shevchenko',
      givenName: 'Aleksandr',
      birthDate: '1981-03-14',
      sex: 'M',
      phones: ['+380671234567'],
    });
    expect(res.statusCode).toBe(200);
    const [best] = res.json().candidates;
    expect(best.personId).toBe(family.headPersonId);
    expect(best.decision).toBe('link');
    expect(best.probability).toBeGreaterThan(0.99);
    const fields = Object.fromEntries(
      best.fields.map((f: { field: string; weight: number }) => [f.field, f.weight]),
    );
    // The same birth date and phone add weight; each field says how much.
    expect(fields.birth_date).toBeGreaterThan(0);
    expect(fields.phone).toBeGreaterThan(0);
  });

  it('does not propose a stranger who only shares the surname', async () => {
    const res = await call(t, officer, 'POST', '/api/v1/people/duplicate-check', {
      familyName: 'Шевченко',
      givenName: 'Богдана',
      birthDate: '1999-09-09',
      sex: 'F',
    });
    expect(res.json().candidates.filter((c: { decision: string }) => c.decision === 'link')).toEqual([]);
  });
});

describe('consent', () => {
  it('records assistance while consent holds, and refuses it at once after withdrawal', async () => {
    const id = family.headPersonId!;
    const aid = {
      type: 'multipurpose_cash',
      date: '2026-10-01',
      modality: 'cash',
      valueMinor: 360000,
      currency: 'UAH',
      projectCode: 'MPCA-26',
    };
    const ok = await call(t, officer, 'POST', `/api/v1/people/${id}/assistance`, aid);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      valueMinor: 360000,
      currency: 'UAH',
      householdId: family.id,
      placePcode: 'UA0502003',
    });

    const withdrawn = await call(t, officer, 'POST', `/api/v1/people/${id}/consents`, {
      purpose: 'assistance',
      status: 'withdrawn',
      method: 'verbal',
    });
    expect(withdrawn.statusCode).toBe(201);
    const refused = await call(t, officer, 'POST', `/api/v1/people/${id}/assistance`, aid);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual({ consentRequired: 'assistance' });

    const overview = (await call(t, officer, 'GET', `/api/v1/people/${id}/consents`)).json();
    expect(overview.current.find((c: { purpose: string }) => c.purpose === 'assistance').holds).toBe(false);
    expect(overview.history.map((c: { status: string }) => c.status)).toEqual(['withdrawn', 'given']);
    expect(await t.services.consent.consentHolds(t.tenantId, id, 'assistance')).toBe(false);

    const list = (await call(t, officer, 'GET', `/api/v1/people/${id}/assistance`)).json();
    expect(list.items).toHaveLength(1);
  });

  it('refuses a child without assistance consent at all', async () => {
    const child = family.members.find((m) => m.relationship === 'child')!.personId;
    const res = await call(t, officer, 'POST', `/api/v1/people/${child}/assistance`, {
      type: 'hygiene_kit',
      date: '2026-10-01',
      modality: 'in_kind',
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('editing', () => {
  it('gives the second of two officers editing the same person a conflict, with the saved record', async () => {
    const p = person.parse((await call(t, officer, 'GET', `/api/v1/people/${family.headPersonId}`)).json());
    const first = await call(t, officer, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      phones: ['+380501112233'],
    });
    expect(first.statusCode).toBe(200);
    const second = await call(t, officer, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      vulnerabilities: ['lost_livelihood'],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current.phones).toEqual(['+380501112233']);
    const retried = await call(t, officer, 'PATCH', `/api/v1/people/${p.id}`, {
      version: first.json().version,
      vulnerabilities: ['lost_livelihood'],
    });
    expect(retried.json()).toMatchObject({ phones: ['+380501112233'], vulnerabilities: ['lost_livelihood'] });
  });

  it('moves a person between households and keeps the history', async () => {
    const other = household.parse(
      (
        await call(t, officer, 'POST', '/api/v1/households', {
          members: [{ relationship: 'head', person: { familyName: 'Коваль', givenName: 'Іван' } }],
        })
      ).json(),
    );
    const spouse = family.members.find((m) => m.relationship === 'spouse')!.personId;
    const moved = await call(t, officer, 'POST', `/api/v1/households/${other.id}/members`, {
      personId: spouse,
      relationship: 'spouse',
      version: other.version,
    });
    expect(moved.json().size).toBe(2);
    expect((await call(t, officer, 'GET', `/api/v1/households/${family.id}`)).json().size).toBe(3);
    const history = (await call(t, officer, 'GET', `/api/v1/people/${spouse}/households`)).json();
    expect(history.map((h: { householdId: string }) => h.householdId)).toEqual([family.id, other.id]);
    expect(history[0].to).not.toBeNull();
    expect(history[1].to).toBeNull();
  });
});

describe('bad input', () => {
  it('answers each bad field with 400 and a message for that field, never a 500', async () => {
    const base = { familyName: 'Бондар', givenName: 'Олена' };
    const cases: [string, object, string][] = [
      ['unknown P-code', { ...base, currentPcode: 'UA9999' }, 'currentPcode'],
      ['future birth date', { ...base, birthDate: '2099-01-01' }, 'birthDate'],
      [
        'wrong tax checksum',
        { ...base, identifiers: [{ type: 'tax_number', value: '3012345671' }] },
        'identifiers.0.value',
      ],
      ['malformed phone', { ...base, phones: ['12-34'] }, 'phones.0'],
      ['huge name', { ...base, familyName: 'Я'.repeat(200_000) }, 'familyName'],
      ['digits in a name', { ...base, givenName: 'Olena2' }, 'givenName'],
      ['unknown sex', { ...base, sex: 'X' }, 'sex'],
      ['wrong type', { ...base, vulnerabilities: 'all' }, 'vulnerabilities'],
    ];
    for (const [label, body, field] of cases) {
      const res = await call(t, officer, 'POST', '/api/v1/people', body);
      expect(res.statusCode, label).toBe(400);
      expect(JSON.stringify(res.json().error.details), label).toContain(field);
    }
    // Ten megabytes of name (5,000,000 two-byte letters): refused on its field like the rest.
    const tenMegabytes = await call(t, officer, 'POST', '/api/v1/people', {
      ...base,
      familyName: 'Я'.repeat(5_000_000),
    });
    expect(tenMegabytes.statusCode, tenMegabytes.body.slice(0, 500)).toBe(400);
    expect(tenMegabytes.json().error.details.fields).toContainEqual({
      field: 'body.familyName',
      message: 'at most 100 characters',
    });
    expect(tenMegabytes.body.length).toBeLessThan(2_000);
  });
});
