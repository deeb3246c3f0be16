import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalGivenName,
  fixHomoglyphs,
  givenNameKey,
  nameSkeleton,
  patronymicKey,
  phoneKey,
  surnameKey,
} from './normalize.ts';
import { transliterateKmu2010 } from './transliterate.ts';

function allEqual(values: string[], f: (s: string) => string): void {
  const keys = values.map(f);
  for (let i = 1; i < keys.length; i++) expect(`${values[i]} → ${keys[i]}`).toBe(`${values[i]} → ${keys[0]}`);
}

describe('nameSkeleton', () => {
  it('joins Ukrainian, Russian and Latin spellings', () => {
    allEqual(['Oleksandr', 'Olexandr', 'Олександр', 'OLEKSANDR'], nameSkeleton);
    allEqual(['Aleksandr', 'Александр', 'Aleksandr'], nameSkeleton);
    allEqual(['Serhii', 'Serhiy', 'Sergey', 'Sergii', 'Сергей', 'Сергій', 'Sergej'], nameSkeleton);
    allEqual(['Yurii', 'Yuriy', 'Iurii', 'Jurij', 'Юрій', 'Юрий'], nameSkeleton);
    allEqual(['Наталія', 'Наталья', 'Nataliia', 'Natalya', 'Natalja'], nameSkeleton);
    allEqual(['Шевченко', 'Shevchenko', 'Schewtschenko', 'Szewczenko', 'Ševčenko'], nameSkeleton);
    allEqual(['Ольга', 'Olha', 'Olga'], nameSkeleton);
    allEqual(['Хмельницький', 'Khmelnytskyi', 'Khmelnitsky', 'Chmelnyckyj'], (s) => surnameKey(s));
  });

  it('ignores apostrophe variants, case and Latin look-alikes typed into Cyrillic', () => {
    allEqual(["Мар'яна", 'Мар’яна', 'Марʼяна', 'Мар`яна', 'МАРЯНА', 'Mariana'], nameSkeleton);
    allEqual(['Олександр', 'Oлександр', 'Олeксандр', 'Олексaндр'], nameSkeleton);
    expect(fixHomoglyphs('Тaрас')).toBe('Тарас');
    expect(fixHomoglyphs('Olеna')).toBe('Olena');
  });

  it('gives the same skeleton to a Ukrainian word and its KMU 2010 transliteration (property)', () => {
    // Words of consonant–vowel syllables: consonant clusters such as т+с or к+г read as Latin digraphs
    // (ts, kh) and are ambiguous in any Latin scheme.
    const consonants = Array.from('бвгґджзклмнпрстфхцчшщ');
    const vowels = Array.from('аеєиіїоуюя');
    const syllable = fc.tuple(
      fc.constantFrom(...consonants),
      fc.constantFrom(...vowels),
      fc.constantFrom('', 'й', 'ь'),
    );
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (syllables, initialVowel) => {
          const word = (initialVowel ? 'о' : '') + syllables.map((x) => x.join('')).join('');
          expect(nameSkeleton(transliterateKmu2010(word))).toBe(nameSkeleton(word));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is stable under upper-casing and surrounding spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        expect(nameSkeleton(` ${s.toUpperCase()} `)).toBe(nameSkeleton(s.toLowerCase()));
      }),
    );
  });
});

describe('given names', () => {
  it('maps Ukrainian and Russian equivalents to one group', () => {
    const pairs: Array<[string, string]> = [
      ['Олексій', 'Алексей'],
      ['Микола', 'Николай'],
      ['Ганна', 'Анна'],
      ['Олена', 'Елена'],
      ['Дмитро', 'Дмитрий'],
      ['Наталія', 'Наталья'],
      ['Євген', 'Евгений'],
      ['Михайло', 'Mikhail'],
      ['Петро', 'Pyotr'],
      ['Ірина', 'Irina'],
      ['Катерина', 'Ekaterina'],
      ['Павло', 'Pavel'],
    ];
    for (const [uk, other] of pairs) expect(givenNameKey(other), `${uk} / ${other}`).toBe(givenNameKey(uk));
    expect(canonicalGivenName('Alexey')).toBe('Олексій');
  });

  it('keeps the feminine and masculine forms apart', () => {
    expect(givenNameKey('Олександра')).not.toBe(givenNameKey('Олександр'));
    expect(givenNameKey('Євгенія')).not.toBe(givenNameKey('Євген'));
    expect(givenNameKey('Ярослава')).not.toBe(givenNameKey('Ярослав'));
  });
});

describe('surnameKey', () => {
  it('neutralises the gender form', () => {
    allEqual(
      ['Ковальський', 'Ковальська', 'Ковальский', 'Ковальская', 'Kovalskyi', 'Kovalska', 'Kowalski'],
      surnameKey,
    );
    allEqual(['Іванов', 'Іванова', 'Иванов', 'Ivanova'], surnameKey);
    allEqual(['Кузьмін', 'Кузьміна', 'Kuzmin', 'Кузьмина'], surnameKey);
    allEqual(['Соловйов', 'Соловйова'], surnameKey);
  });

  it('leaves different surnames different', () => {
    expect(surnameKey('Коваль')).not.toBe(surnameKey('Ковальчук'));
    expect(surnameKey('Шевченко')).not.toBe(surnameKey('Шевчук'));
  });
});

describe('patronymicKey', () => {
  it("recovers the father's name group from Ukrainian, Russian and Latin forms", () => {
    allEqual(
      ['Олександрович', 'Олександрівна', 'Александрович', 'Александровна', 'Oleksandrovych'],
      patronymicKey,
    );
    allEqual(
      ['Сергійович', 'Сергіївна', 'Сергеевич', 'Сергеевна', 'Serhiivna', 'Sergeyevich'],
      patronymicKey,
    );
    allEqual(['Миколайович', 'Миколаївна', 'Николаевич', 'Nikolaevna'], patronymicKey);
    allEqual(['Юрійович', 'Юрьевич', 'Yuriyovych'], patronymicKey);
    allEqual(['Васильович', 'Васильевна', 'Vasylivna'], patronymicKey);
    expect(patronymicKey('Олександрович')).toBe(givenNameKey('Олександр'));
  });
});

describe('phoneKey', () => {
  it('keeps the last nine digits', () => {
    expect(phoneKey('+380 (67) 123-45-67')).toBe('671234567');
    expect(phoneKey('0671234567')).toBe('671234567');
    expect(phoneKey('380671234567')).toBe('671234567');
    expect(phoneKey('')).toBe('');
    expect(phoneKey('12')).toBe('');
  });
});
