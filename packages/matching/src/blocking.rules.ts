/** The default blocking rules: the fields each one keys on, and the order inside its oversized blocks. */

import { hashInts } from './blocking.hash.ts';
import type { BlockingRule } from './blocking.ts';

const year = (dob: number) => (dob / 10000) | 0;
const dm = (dob: number) => {
  const m = ((dob / 100) | 0) % 100;
  const day = dob % 100;
  return m < day ? m * 100 + day : day * 100 + m;
};

export const DEFAULT_RULES: readonly BlockingRule[] = [
  {
    name: 'surname+given+birth_year',
    key: (d, i) =>
      d.fam[i]! < 0 || d.given[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(1, d.fam[i]!, d.given[i]!, year(d.dob[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'given+birth_date(d/m unordered)',
    key: (d, i) =>
      d.given[i]! < 0 || d.dob[i] === 0 ? -1 : hashInts(2, d.given[i]!, year(d.dob[i]!), dm(d.dob[i]!)),
    secondary: (d, i) => d.fam[i]!,
  },
  {
    name: 'surname+birth_date(d/m unordered)',
    key: (d, i) =>
      d.fam[i]! < 0 || d.dob[i] === 0 ? -1 : hashInts(3, d.fam[i]!, year(d.dob[i]!), dm(d.dob[i]!)),
    secondary: (d, i) => d.given[i]!,
  },
  {
    name: 'phone',
    key: (d, i) => (d.phone[i]! < 0 ? -1 : hashInts(4, d.phone[i]!)),
    secondary: (d, i) => d.fam[i]! * 64 + (d.given[i]! & 63),
  },
  {
    name: 'tax_id',
    key: (d, i) => (d.tax[i]! < 0 ? -1 : hashInts(5, d.tax[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname+given+patronymic',
    key: (d, i) =>
      d.fam[i]! < 0 || d.given[i]! < 0 || d.patr[i]! < 0
        ? -1
        : hashInts(6, d.fam[i]!, d.given[i]!, d.patr[i]!),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname3+given2+birth_date',
    key: (d, i, aux) =>
      d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(7, aux.famPrefix[d.fam[i]!]!, aux.givenPrefix[d.givenSkel[i]!]!, d.dob[i]!),
    secondary: (d, i) => d.fam[i]!,
  },
  {
    name: 'surname+given (records without birth date)',
    key: (d, i) => (d.fam[i]! < 0 || d.given[i]! < 0 ? -1 : hashInts(9, d.fam[i]!, d.given[i]!)),
    secondary: (d, i) => d.dob[i]!,
    only: (d, i) => d.dob[i] === 0,
  },
  {
    name: 'surname3+given2+birth_month',
    key: (d, i, aux) =>
      d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(10, aux.famPrefix[d.fam[i]!]!, aux.givenPrefix[d.givenSkel[i]!]!, (d.dob[i]! / 100) | 0),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname consonants+given consonants+birth_year',
    key: (d, i, aux) =>
      d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(11, aux.famConsonants[d.fam[i]!]!, aux.givenConsonants[d.givenSkel[i]!]!, year(d.dob[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname+given+birth day and month',
    key: (d, i) =>
      d.fam[i]! < 0 || d.given[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(13, d.fam[i]!, d.given[i]!, dm(d.dob[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'names in either field+birth_date',
    key: (d, i, aux) => {
      if (d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0) return -1;
      const a = aux.famStem[d.fam[i]!]!;
      const b = aux.givenStem[d.givenSkel[i]!]!;
      return a < b ? hashInts(12, a, b, d.dob[i]!) : hashInts(12, b, a, d.dob[i]!);
    },
    secondary: (d, i) => d.fam[i]!,
  },
  {
    name: 'birth_date+sex+oblast',
    key: (d, i) =>
      d.dob[i] === 0 || d.sex[i] === 0 || d.oblast[i]! < 0
        ? -1
        : hashInts(8, d.dob[i]!, d.sex[i]!, d.oblast[i]!),
    secondary: (d, i) => d.fam[i]!,
  },
];
