import { person, personSearchResult } from '@oselia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration from '../../db/migrations/2026_11_28_2000_people_search_keys.ts';
import { buildOrganisation, buildPerson, call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { personSearchKeys } from './people.search.ts';

// A small registry with look-alikes on purpose: a search must find the right person first and
// leave the others out, or below.
const REGISTRY = {
  shevchenko: { familyName: 'Шевченко', givenName: 'Олександр', patronymic: 'Петрович', sex: 'M' },
  shevchenkoSon: { familyName: 'Шевченко', givenName: 'Сергій', patronymic: 'Олександрович', sex: 'M' },
  shevchuk: { familyName: 'Шевчук', givenName: 'Олександр', patronymic: 'Іванович', sex: 'M' },
  kharchenko: { familyName: 'Харченко', givenName: 'Михайло', patronymic: 'Андрійович', sex: 'M' },
  marchenko: { familyName: 'Марченко', givenName: 'Михайло', patronymic: 'Богданович', sex: 'M' },
  kovalenko: { familyName: 'Коваленко', givenName: 'Ганна', patronymic: 'Василівна', sex: 'F' },
  kovalska: { familyName: 'Ковальська', givenName: 'Ірина', patronymic: null, sex: 'F' },
  zhuk: { familyName: 'Жук', givenName: 'Євгенія', patronymic: 'Олегівна', sex: 'F' },
  bondarenko: { familyName: 'Бондаренко', givenName: 'Тетяна', patronymic: 'Юріївна', sex: 'F' },
} as const;
type Who = keyof typeof REGISTRY;

let t: TestApp;
let officer: Session;
const ids = {} as Record<Who, string>;
const who = (id: string | undefined) => (Object.keys(ids) as Who[]).find((k) => ids[k] === id);

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedInAs(t, ['registration_officer'])).session;
  const org = await buildOrganisation(t);
  for (const [k, p] of Object.entries(REGISTRY) as [Who, (typeof REGISTRY)[Who]][]) {
    ids[k] = (await buildPerson(t, org.id, { ...p, currentPcode: 'UA0502003' })).id;
  }
});
afterAll(() => t.close());

const search = async (q: string) => {
  const res = await call(t, officer, 'GET', `/api/v1/people?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return personSearchResult.parse(res.json()).items.map((h) => ({ who: who(h.id), score: h.score }));
};
const found = async (q: string) => (await search(q)).map((h) => h.who);

describe('search by a name not finished yet', () => {
  it.each([
    ['Олександр Шевче', 'shevchenko', []],
    ['Шевченко Олекс', 'shevchenko', []],
    ['Коваль', 'kovalska', ['kovalenko']],
    ['Bondar', 'bondarenko', []],
    ['Shevch', 'shevchuk', ['shevchenko', 'shevchenkoSon']],
  ])('"%s" finds %s first, then only %j', async (q, first, others) => {
    const hits = await found(q);
    expect(hits[0]).toBe(first);
    expect(new Set(hits.slice(1))).toEqual(new Set(others));
  });

  it('"Oleksandr Shevch" finds both Oleksandrs whose surname begins so, and not the son', async () => {
    const hits = await search('Oleksandr Shevch');
    expect(new Set(hits.map((h) => h.who))).toEqual(new Set(['shevchenko', 'shevchuk']));
    expect(hits[0]!.score).toBeGreaterThan(0.9);
  });
});

describe('search by a Latin surname alone', () => {
  it.each([
    ['Shevchenko', ['shevchenko', 'shevchenkoSon']],
    ['Schewtschenko', ['shevchenko', 'shevchenkoSon']],
    ['Kovalska', ['kovalska']],
    ['Kowalski', ['kovalska']],
    ['Zhuk', ['zhuk']],
    ['Bondarenko', ['bondarenko']],
  ])('"%s" finds %j', async (q, expected) => {
    expect(new Set(await found(q))).toEqual(new Set(expected));
  });
});

describe('search by Russian-style and informal spellings', () => {
  it.each([
    ['Aleksandr Petrovich Shevchenko', 'shevchenko'],
    ['Александр Петрович Шевченко', 'shevchenko'],
    ['Sergei Aleksandrovich', 'shevchenkoSon'],
    ['Михаил Харченко', 'kharchenko'],
    ['Mikhail Kharchenko', 'kharchenko'],
    ['Myhailo Harchenko', 'kharchenko'],
    ['Evgeniya Juk', 'zhuk'],
    ['Anna Kovalenko', 'kovalenko'],
  ])('"%s" finds %s first', async (q, expected) => {
    expect((await found(q))[0]).toBe(expected);
  });

  it('keeps a namesake with another surname below the person meant', async () => {
    const hits = await found('Myhailo Harchenko');
    expect(hits[0]).toBe('kharchenko');
    expect(hits.indexOf('marchenko')).not.toBe(0);
  });
});

describe('search with typos', () => {
  it.each([
    ['Shevchnko Oleksandr', 'shevchenko'],
    ['Kovalenkp Hanna', 'kovalenko'],
    ['Бондарнеко', 'bondarenko'],
    ['Oleksnadr Shevchenko', 'shevchenko'],
  ])('"%s" finds %s first', async (q, expected) => {
    expect((await found(q))[0]).toBe(expected);
  });

  it('finds nobody for a name nobody has, rather than someone else', async () => {
    expect(await found('Oleksandr Zdanovych')).toEqual([]);
    expect(await found('Tetiana Shevchenko')).toEqual([]);
  });
});

describe('search by name within a place', () => {
  it('finds by name only the people in the place asked for (an oblast or a raion)', async () => {
    const inPlace = async (q: string, oblast: string) => {
      const res = await call(t, officer, 'GET', `/api/v1/people?q=${encodeURIComponent(q)}&oblast=${oblast}`);
      expect(res.statusCode, res.body).toBe(200);
      return personSearchResult.parse(res.json()).items.map((h) => who(h.id));
    };
    expect(new Set(await inPlace('Shevchenko', 'UA05'))).toEqual(new Set(['shevchenko', 'shevchenkoSon']));
    expect(await inPlace('Shevchenko', 'UA0502')).toHaveLength(2);
    expect(await inPlace('Shevchenko', 'UA46')).toEqual([]);
    expect(await inPlace('Shevch', 'UA46')).toEqual([]);
  });
});

describe('search keeps up with changes', () => {
  it('finds a person under a new surname once the record is changed', async () => {
    const before = person.parse((await call(t, officer, 'GET', `/api/v1/people/${ids.bondarenko}`)).json());
    const res = await call(t, officer, 'PATCH', `/api/v1/people/${ids.bondarenko}`, {
      version: before.version,
      familyName: 'Гребенюк',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await found('Hrebeniuk Tetiana')).toEqual(['bondarenko']);
    expect(await found('Grebenyuk')).toEqual(['bondarenko']);
    expect(await found('Bondarenko Tetiana')).toEqual([]);
  });
});

describe('the migration that added the search keys', () => {
  it('gives persons registered before it their keys, and can be undone', async () => {
    const keysOf = async (id: string) =>
      (await t.db.selectFrom('persons').select('search_keys').where('id', '=', id).executeTakeFirstOrThrow())
        .search_keys;
    const before = await keysOf(ids.kharchenko);
    expect(before).toEqual(personSearchKeys(REGISTRY.kharchenko));
    expect(before.filter((k) => k.startsWith('sg:'))).toHaveLength(1);

    await migration.down(t.db);
    expect(await keysOf(ids.kharchenko)).toEqual(before.filter((k) => !k.startsWith('sg:')));
    // A person registered while the old schema stood.
    await t.db
      .insertInto('persons')
      .values({
        ...(await t.db
          .selectFrom('persons')
          .selectAll()
          .where('id', '=', ids.zhuk)
          .executeTakeFirstOrThrow()),
        id: crypto.randomUUID(),
        family_name: 'Жученко',
        search_keys: personSearchKeys({ ...REGISTRY.zhuk, familyName: 'Жученко' }).filter(
          (k) => !k.startsWith('sg:'),
        ),
        import_key: null,
      })
      .execute();

    await migration.up(t.db);
    expect(await keysOf(ids.kharchenko)).toEqual(before);
    expect(await found('Myhailo Harchenko')).toEqual(['kharchenko']);
    expect(await found('Yevheniia Zhuchenk')).toHaveLength(1);
  });
});
