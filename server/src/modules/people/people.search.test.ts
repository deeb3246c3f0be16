import { transliterateKmu2010 } from '@oselia/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  givenNameKeysNear,
  nameRanker,
  pairKeySets,
  personSearchKeys,
  queryWordKeys,
  queryWordSkeletons,
  resolveQueryWords,
  type SearchTermLookup,
  searchTermsOf,
  searchText,
  skeletonKeys,
} from './people.search.ts';

const matches = (
  query: string,
  person: { familyName: string; givenName: string; patronymic: string | null },
) => {
  const keys = new Set(personSearchKeys(person));
  return query.split(/\s+/).every((w) => queryWordKeys(w).some((k) => keys.has(k)));
};

describe('search text', () => {
  // Names are transliterated part by part (each distinct part once); the text must be what the whole
  // name transliterated at once gives.
  const letters = [..."абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ’'-"];
  const part = fc
    .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join(''));
  const upper = part.map((p) => p.toUpperCase());
  it('is the whole name in KMU 2010 Latin, lower case', () => {
    fc.assert(
      fc.property(fc.oneof(part, upper), fc.oneof(part, upper), fc.option(part), (f, g, p) => {
        const whole = transliterateKmu2010([f, g, p ?? ''].join(' '))
          .toLowerCase()
          .trim();
        expect(searchText({ familyName: f, givenName: g, patronymic: p })).toBe(whole);
      }),
      { numRuns: 2000 },
    );
    expect(searchText({ familyName: 'Згурська', givenName: 'Юлія', patronymic: null })).toBe(
      'zghurska yuliia',
    );
  });
});

describe('search keys', () => {
  const shevchenko = { familyName: 'Шевченко', givenName: 'Олександр', patronymic: 'Петрович' };
  it.each([
    'Oleksandr Shevchenko',
    'Aleksandr Shevchenko',
    'Олександр Шевченко',
    'Александр Шевченко',
    'shevchenko olexandr',
    'Шевченко Петрович',
  ])('"%s" finds Шевченко Олександр Петрович', (q) => expect(matches(q, shevchenko)).toBe(true));

  it.each(['Serhiy', 'Serhii', 'Sergey', 'Сергей', 'Sergii'])('"%s" finds Сергій', (q) => {
    expect(matches(q, { familyName: 'Коваль', givenName: 'Сергій', patronymic: null })).toBe(true);
  });

  it('joins feminine and masculine surname forms', () => {
    expect(matches('Kovalska', { familyName: 'Ковальський', givenName: 'Іван', patronymic: null })).toBe(
      true,
    );
    expect(matches('Ivanova', { familyName: 'Іванов', givenName: 'Петро', patronymic: null })).toBe(true);
  });

  it('does not match a different name', () => {
    expect(matches('Oleksandr Bondarenko', shevchenko)).toBe(false);
    expect(matches('Mykola', shevchenko)).toBe(false);
  });

  it('give the search terms of single name parts, each once, and none of the pairs', () => {
    const keys = [personSearchKeys(shevchenko), personSearchKeys({ ...shevchenko, givenName: 'Марія' })];
    const terms = searchTermsOf(keys);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.sort()).toEqual([...new Set(keys.flat().filter((k) => /^[sgp]:/.test(k)))].sort());
    expect(terms.some((k) => k.startsWith('sg:'))).toBe(false);
    expect(keys.flat().some((k) => k.startsWith('sg:'))).toBe(true);
  });
});

describe('Latin readings of a typed word', () => {
  it('reads "h" also as х, "j" also as ж and "tch" also as ч, in Latin words only', () => {
    const keys = (w: string) => new Set(skeletonKeys(queryWordSkeletons(w)));
    expect(keys('Myhailo').has(queryWordKeys('Михайло')[1]!)).toBe(true);
    expect(keys('Harchenko').has(queryWordKeys('Харченко')[0]!)).toBe(true);
    expect(keys('Juk').has(queryWordKeys('Жук')[0]!)).toBe(true);
    expect(keys('Tchernenko').has(queryWordKeys('Черненко')[0]!)).toBe(true);
    expect(queryWordSkeletons('Харченко')).toHaveLength(1);
  });

  it('puts the word as typed first', () => {
    expect(queryWordSkeletons('Hanna')[0]).toBe(queryWordSkeletons('Ганна')[0]);
  });
});

describe('common given names near a typed word', () => {
  it('completes the beginning of a name, and a man’s name also as a patronymic', () => {
    const keys = givenNameKeysNear(['olek'], 'prefix');
    expect(keys).toEqual(
      expect.arrayContaining([queryWordKeys('Олександр')[1], queryWordKeys('Олексій')[1]]),
    );
    expect(keys).toContain(queryWordKeys('Олександрович')[2]);
    expect(givenNameKeysNear(['ol'], 'prefix')).toEqual([]);
  });

  it('takes a misspelling for the name, but not another name', () => {
    expect(givenNameKeysNear(queryWordSkeletons('Oleksnadr'), 'similar')).toContain(
      queryWordKeys('Олександр')[1],
    );
    expect(givenNameKeysNear(queryWordSkeletons('Oleksnadr'), 'similar')).not.toContain(
      queryWordKeys('Микола')[1],
    );
    expect(givenNameKeysNear(queryWordSkeletons('Zakgar'), 'similar')).toContain(queryWordKeys('Захар')[1]);
  });
});

/** Name keys in use, as the registry's table of them would answer. */
function lookupOver(persons: { familyName: string; givenName: string; patronymic: string | null }[]) {
  const terms = new Set(persons.flatMap(personSearchKeys));
  const calls: string[] = [];
  const lookup: SearchTermLookup = {
    find: async (keys, prefixGroups, limit) => {
      calls.push('find');
      return {
        present: keys.filter((k) => terms.has(k)),
        completions: prefixGroups.map((group) =>
          [...terms].filter((t) => group.some((p) => t.startsWith(p))).slice(0, limit),
        ),
      };
    },
    similar: async () => {
      calls.push('similar');
      return [];
    },
  };
  return { terms, lookup, calls };
}

describe('resolving the typed words', () => {
  const shevchenko = { familyName: 'Шевченко', givenName: 'Олександр', patronymic: 'Петрович' };
  const kovalenko = { familyName: 'Коваленко', givenName: 'Ганна', patronymic: null };

  it('keeps a word to its own keys when someone holds them, in one look-up', async () => {
    const { lookup, calls } = lookupOver([shevchenko, kovalenko]);
    const sets = await resolveQueryWords(['Oleksandr', 'Shevchenko'], lookup);
    expect(sets).toEqual([[queryWordKeys('Олександр')[1]], [queryWordKeys('Шевченко')[0]]]);
    expect(calls).toEqual(['find']);
  });

  it('completes an unfinished word from the keys in use', async () => {
    const { lookup } = lookupOver([shevchenko, kovalenko]);
    const sets = await resolveQueryWords(['Олександр', 'Шевч'], lookup);
    expect(sets?.[1]).toEqual([queryWordKeys('Шевченко')[0]]);
  });

  it('finds nobody when a word matches no key at all', async () => {
    const { lookup, calls } = lookupOver([shevchenko]);
    expect(await resolveQueryWords(['Oleksandr', 'Zdanovych'], lookup)).toBeNull();
    expect(calls).toEqual(['find', 'similar']);
  });

  // The guarantee the search rests on: a person is found by the name as written, by its KMU
  // Latin form, and by the beginning of the surname, whoever else is in the registry.
  const surnames = [
    'Шевченко',
    'Ковальська',
    'Ігнатенко',
    'Гнатюк',
    "Прим'яченко",
    'Щербак',
    'Жук',
    'Юрченко',
  ];
  const given = ['Олександр', 'Ганна', 'Євгенія', 'Юрій', 'Ярослав', 'Ілля', 'Михайло', 'Сергій'];
  const patronymics = [null, 'Петрович', 'Олександрівна', 'Іванович', 'Андріївна'];
  const personArb = fc.record({
    familyName: fc.constantFrom(...surnames),
    givenName: fc.constantFrom(...given),
    patronymic: fc.constantFrom(...patronymics),
  });
  it('always finds a person by their own name, its Latin form, or the start of the surname', async () => {
    await fc.assert(
      fc.asyncProperty(
        personArb,
        fc.array(personArb, { maxLength: 5 }),
        fc.integer({ min: 3, max: 12 }),
        async (p, others, cut) => {
          const { lookup } = lookupOver([p, ...others]);
          const own = new Set(personSearchKeys(p));
          const latin = (s: string) => transliterateKmu2010(s);
          const queries = [
            [p.familyName, p.givenName, ...(p.patronymic ? [p.patronymic] : [])],
            [latin(p.givenName), latin(p.familyName)],
            [p.givenName, p.familyName.slice(0, Math.max(cut, 3))],
          ];
          for (const words of queries) {
            const sets = await resolveQueryWords(words, lookup);
            expect(sets, words.join(' ')).not.toBeNull();
            for (const set of sets!)
              expect(
                set.some((k) => own.has(k)),
                words.join(' '),
              ).toBe(true);
          }
        },
      ),
    );
  });
});

describe('surname and given name together', () => {
  it('gives a person one key per surname and given name', () => {
    const keys = personSearchKeys({
      familyName: 'Шевченко-Бойко',
      givenName: 'Анна',
      patronymic: 'Петрівна',
    });
    expect(keys.filter((k) => k.startsWith('sg:'))).toHaveLength(2);
  });

  it('replaces the sets of a surname word and a given-name word with their pairs, either way round', () => {
    const sets = [['g:#1', 'p:#1'], ['s:koval', 's:kovalenko'], ['p:#7']];
    expect(pairKeySets(sets)).toEqual([['sg:koval|#1', 'sg:kovalenko|#1'], ['p:#7']]);
    expect(pairKeySets([['s:bondar'], ['p:#7']])).toEqual([['s:bondar'], ['p:#7']]);
  });

  it('does not take a bare given name for a patronymic unless it is the last word', async () => {
    const { lookup } = lookupOver([
      { familyName: 'Коваль', givenName: 'Іван', patronymic: 'Сергійович' },
      { familyName: 'Коваль', givenName: 'Сергій', patronymic: null },
    ]);
    const sergii = queryWordKeys('Сергій');
    expect(await resolveQueryWords(['Сергій', 'Коваль'], lookup)).toEqual([
      [sergii[1]],
      [queryWordKeys('Коваль')[0]],
    ]);
    expect((await resolveQueryWords(['Коваль', 'Сергій'], lookup))?.[1]).toEqual([sergii[1], sergii[2]]);
  });
});

describe('ranking', () => {
  it('puts the exact name above a look-alike, in any script', () => {
    const rank = nameRanker(['Oleksandr', 'Shevchenko']);
    const exact = rank({ familyName: 'Шевченко', givenName: 'Олександр', patronymic: null });
    const son = rank({ familyName: 'Шевченко', givenName: 'Сергій', patronymic: 'Олександрович' });
    const other = rank({ familyName: 'Шевчук', givenName: 'Олександр', patronymic: null });
    expect(exact).toBe(1);
    expect(exact).toBeGreaterThan(other);
    expect(other).toBeGreaterThan(0.8);
    expect(son).toBeLessThan(exact);
  });
});
