import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transliterateKmu2010 } from './transliterate.ts';

describe('transliterateKmu2010', () => {
  // Examples given with the table of the resolution.
  const official: Array<[string, string]> = [
    ['Алушта', 'Alushta'],
    ['Андрій', 'Andrii'],
    ['Борщагівка', 'Borshchahivka'],
    ['Борисенко', 'Borysenko'],
    ['Вінниця', 'Vinnytsia'],
    ['Володимир', 'Volodymyr'],
    ['Гадяч', 'Hadiach'],
    ['Богдан', 'Bohdan'],
    ['Згурський', 'Zghurskyi'],
    ['Ґалаґан', 'Galagan'],
    ['Ґорґани', 'Gorgany'],
    ['Донецьк', 'Donetsk'],
    ['Дмитро', 'Dmytro'],
    ['Рівне', 'Rivne'],
    ['Олег', 'Oleh'],
    ['Есмань', 'Esman'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гаєвич', 'Haievych'],
    ["Короп'є", 'Koropie'],
    ['Житомир', 'Zhytomyr'],
    ['Жанна', 'Zhanna'],
    ['Жежелів', 'Zhezheliv'],
    ['Закарпаття', 'Zakarpattia'],
    ['Казимирчук', 'Kazymyrchuk'],
    ['Медвин', 'Medvyn'],
    ['Михайленко', 'Mykhailenko'],
    ['Іванків', 'Ivankiv'],
    ['Іващенко', 'Ivashchenko'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ["Мар'їне", 'Marine'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['Олексій', 'Oleksii'],
    ['Київ', 'Kyiv'],
    ['Коваленко', 'Kovalenko'],
    ['Лебедин', 'Lebedyn'],
    ['Леонід', 'Leonid'],
    ['Миколаїв', 'Mykolaiv'],
    ['Маринич', 'Marynych'],
    ['Ніжин', 'Nizhyn'],
    ['Наталія', 'Nataliia'],
    ['Одеса', 'Odesa'],
    ['Онищенко', 'Onyshchenko'],
    ['Полтава', 'Poltava'],
    ['Петро', 'Petro'],
    ['Решетилівка', 'Reshetylivka'],
    ['Рибчинський', 'Rybchynskyi'],
    ['Суми', 'Sumy'],
    ['Соломія', 'Solomiia'],
    ['Тернопіль', 'Ternopil'],
    ['Троць', 'Trots'],
    ['Ужгород', 'Uzhhorod'],
    ['Уляна', 'Uliana'],
    ['Фастів', 'Fastiv'],
    ['Філіпчук', 'Filipchuk'],
    ['Харків', 'Kharkiv'],
    ['Христина', 'Khrystyna'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Стеценко', 'Stetsenko'],
    ['Чернівці', 'Chernivtsi'],
    ['Шевченко', 'Shevchenko'],
    ['Шостка', 'Shostka'],
    ['Кишеньки', 'Kyshenky'],
    ['Щербухи', 'Shcherbukhy'],
    ['Гоща', 'Hoshcha'],
    ['Гаращенко', 'Harashchenko'],
    ['Юрій', 'Yurii'],
    ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'],
    ['Ярошенко', 'Yaroshenko'],
    ['Костянтин', 'Kostiantyn'],
    ["Знам'янка", 'Znamianka'],
    ['Феодосія', 'Feodosiia'],
  ];

  it.each(official)('%s → %s', (cyr, lat) => {
    expect(transliterateKmu2010(cyr)).toBe(lat);
  });

  it('keeps all-caps words in capitals', () => {
    expect(transliterateKmu2010('ЄВГЕН')).toBe('YEVHEN');
    expect(transliterateKmu2010('ЩЕРБАК')).toBe('SHCHERBAK');
    expect(transliterateKmu2010('ЗГУРСЬКИЙ')).toBe('ZGHURSKYI');
    expect(transliterateKmu2010('ЮЛІЯ ЧОРНА')).toBe('YULIIA CHORNA');
  });

  it('treats every part of a hyphenated name as word-initial', () => {
    expect(transliterateKmu2010('Квітка-Основ’яненко')).toBe('Kvitka-Osnovianenko');
    expect(transliterateKmu2010('Ярема-Юрченко')).toBe('Yarema-Yurchenko');
    expect(transliterateKmu2010('Іван-Їжак')).toBe('Ivan-Yizhak');
  });

  it('drops every apostrophe variant and the soft sign', () => {
    for (const a of ["'", '’', 'ʼ', '`']) expect(transliterateKmu2010(`Мар${a}яна`)).toBe('Mariana');
    expect(transliterateKmu2010('Ольга')).toBe('Olha');
  });

  it('renders Russian-only letters reasonably', () => {
    expect(transliterateKmu2010('Рыбаков')).toBe('Rybakov');
    expect(transliterateKmu2010('Эдуард')).toBe('Eduard');
    expect(transliterateKmu2010('Ёлкин')).toBe('Yolkyn');
    expect(transliterateKmu2010('Фёдор')).toBe('Fiodor');
    expect(transliterateKmu2010('Подъячев')).toBe('Podiachev');
  });

  it('copies non-Cyrillic text unchanged', () => {
    expect(transliterateKmu2010('Olena 1985-03-02')).toBe('Olena 1985-03-02');
    expect(transliterateKmu2010('')).toBe('');
  });

  it('always yields text without Ukrainian letters (property)', () => {
    const ukr = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ’ -';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Array.from(ukr)), { maxLength: 30 }), (arr) => {
        const out = transliterateKmu2010(arr.join(''));
        expect(out).toMatch(/^[A-Za-z ’-]*$/);
      }),
    );
  });

  it('commutes with upper-casing for words without a soft sign (property)', () => {
    const ukr = 'абвгґдеєжзиіїйклмнопрстуфхцчшщюя';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Array.from(ukr)), { minLength: 2, maxLength: 12 }), (arr) => {
        const w = arr.join('');
        expect(transliterateKmu2010(w.toUpperCase())).toBe(transliterateKmu2010(w).toUpperCase());
      }),
    );
  });
});
