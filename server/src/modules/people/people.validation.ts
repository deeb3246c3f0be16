import type { IdentifierType } from '@oselia/contracts';
import { AppError } from '../../shared/app-error.ts';
import { canonicalIdentifier, checkIdentifier, normaliseUkrainianPhone } from './people.rules.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Gathers every problem in a record before refusing it, so a form shows all its errors at once.
 */
export class FieldProblems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string) {
    this.list.push({ field, message });
  }
  throwIfAny(prefix = '') {
    if (this.list.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'the record is not valid', {
        fields: this.list.map((p) => ({ field: `${prefix}${p.field}`, message: p.message })),
      });
    }
  }
}

// Asked for every row of a large import: the date is formatted again only when the clock has left
// the day it was made for (in either direction, so a test that sets the clock back is not misled).
let day = { from: 0, to: 0, iso: '' };
function today(): string {
  const now = Date.now();
  if (now < day.from || now >= day.to) {
    const d = new Date(now);
    const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    day = { from, to: from + 86_400_000, iso: d.toISOString().slice(0, 10) };
  }
  return day.iso;
}

export function checkDates(
  problems: FieldProblems,
  values: { birthDate?: string | null; displacementDate?: string | null },
) {
  if (values.birthDate) {
    if (values.birthDate > today()) problems.add('birthDate', 'the birth date is in the future');
    else if (values.birthDate < '1900-01-01') problems.add('birthDate', 'the birth date is before 1900');
  }
  if (values.displacementDate) {
    if (values.displacementDate > today())
      problems.add('displacementDate', 'the displacement date is in the future');
    else if (values.displacementDate < '2014-01-01')
      problems.add('displacementDate', 'the displacement date is before 2014');
  }
  if (values.birthDate && values.displacementDate && values.displacementDate < values.birthDate) {
    problems.add('displacementDate', 'displaced before being born');
  }
}

export function normalisePhones(problems: FieldProblems, phones: string[] | undefined): string[] {
  const out: string[] = [];
  (phones ?? []).forEach((p, i) => {
    const n = normaliseUkrainianPhone(p);
    if (!n) problems.add(`phones.${i}`, 'not a Ukrainian phone number (e.g. +380 67 123 45 67)');
    else if (!out.includes(n)) out.push(n);
  });
  return out;
}

export function canonicalIdentifiers(
  problems: FieldProblems,
  ids: { type: IdentifierType; value: string }[],
) {
  return ids.flatMap((id, i) => {
    const canonical = canonicalIdentifier(id.type, id.value);
    const message = checkIdentifier(id.type, canonical);
    if (message) {
      problems.add(`identifiers.${i}.value`, message);
      return [];
    }
    return [{ type: id.type, canonical }];
  });
}
