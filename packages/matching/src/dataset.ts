/**
 * Columnar, interned representation of person records for fast matching. Every name is reduced once
 * (results cached per distinct spelling) to integer ids, so comparisons are mostly integer equality.
 */
import { parseDate } from './comparators.ts';
import {
  givenKeyFromSkeleton,
  nameSkeleton,
  patronymicKeyFromSkeleton,
  phoneKey,
  surnameKeyFromSkeleton,
} from './normalize.ts';

export interface PersonRecord {
  id: string;
  familyName: string;
  givenName: string;
  patronymic?: string | undefined;
  /** F, M or empty/undefined when unknown. */
  sex?: string | undefined;
  /** YYYY-MM-DD or empty. */
  birthDate?: string | undefined;
  phone?: string | undefined;
  /** Keyed hash (HMAC) of the tax number, never the number itself. */
  taxIdHash?: string | undefined;
  oblastPcode?: string | undefined;
}

/** Columns of a prepared dataset; plain data, so it can be shared with worker threads. */
export interface DatasetColumns {
  n: number;
  /** Surname key id (gender-neutral skeleton), -1 when missing. */
  fam: Int32Array;
  given: Int32Array;
  givenSkel: Int32Array;
  patr: Int32Array;
  patrSkel: Int32Array;
  /** yyyymmdd, 0 when missing. */
  dob: Int32Array;
  /** 0 unknown, 1 F, 2 M. */
  sex: Int8Array;
  /** Last nine digits of the phone, -1 when missing. */
  phone: Int32Array;
  tax: Int32Array;
  oblast: Int32Array;
}

export interface StringTables {
  famStr: string[];
  givenKeyStr: string[];
  givenSkelStr: string[];
  patrKeyStr: string[];
  patrSkelStr: string[];
}

export interface Dataset extends DatasetColumns, StringTables {
  ids: string[];
  /** Occurrences of each surname key and given-name key, for term-frequency adjustment. */
  famCount: Int32Array;
  givenCount: Int32Array;
  /**
   * Placeholder values treated as missing: a birth date or a phone shared by far more records than
   * chance allows (01.01.1970 typed when the date is unknown, an organisation's hotline).
   */
  suppressed: { birthDates: number; phones: number; records: number };
}

class Interner {
  readonly map = new Map<string, number>();
  readonly values: string[] = [];
  id(s: string): number {
    let v = this.map.get(s);
    if (v === undefined) {
      v = this.values.length;
      this.map.set(s, v);
      this.values.push(s);
    }
    return v;
  }
  peek(s: string): number | undefined {
    return this.map.get(s);
  }
}

/** A growing column of 32-bit integers (also the pair lists of blocking). */
export class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(cap: number) {
    this.data = new Int32Array(cap);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(shared: boolean): Int32Array {
    const buf = shared ? new SharedArrayBuffer(this.length * 4) : new ArrayBuffer(this.length * 4);
    const out = new Int32Array(buf);
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}

/** Features of one record, as strings and numbers (used to query an index). */
export interface RecordFeatures {
  famKey: string;
  givenKey: string;
  givenSkel: string;
  patrKey: string;
  patrSkel: string;
  dob: number;
  sex: number;
  phone: number;
  tax: string;
  oblast: string;
}

export class InvalidRecordError extends Error {}

/** 1 for F, 2 for M, 0 for anything else (unknown, other). */
export function sexCode(text: string): number {
  const t = text.trim().toUpperCase();
  return t === 'F' ? 1 : t === 'M' ? 2 : 0;
}

interface NameParts {
  key: string;
  skel: string;
}

/** Builds a Dataset record by record (streaming friendly). */
export class DatasetBuilder {
  private readonly famI = new Interner();
  private readonly givenKeyI = new Interner();
  private readonly givenSkelI = new Interner();
  private readonly patrKeyI = new Interner();
  private readonly patrSkelI = new Interner();
  private readonly taxI = new Interner();
  private readonly oblastI = new Interner();
  private readonly famCache = new Map<string, NameParts>();
  private readonly givenCache = new Map<string, NameParts>();
  private readonly patrCache = new Map<string, NameParts>();
  private readonly ids: string[] = [];
  private readonly cols: Record<
    'fam' | 'given' | 'givenSkel' | 'patr' | 'patrSkel' | 'dob' | 'sex' | 'phone' | 'tax' | 'oblast',
    IntColumn
  >;

  constructor(capacity = 1024) {
    const c = () => new IntColumn(capacity);
    this.cols = {
      fam: c(),
      given: c(),
      givenSkel: c(),
      patr: c(),
      patrSkel: c(),
      dob: c(),
      sex: c(),
      phone: c(),
      tax: c(),
      oblast: c(),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  /** Computes features without adding the record (throws InvalidRecordError on a bad date). */
  features(r: PersonRecord): RecordFeatures {
    const fam = this.family(r.familyName);
    const given = this.givenParts(r.givenName);
    const patr = this.patronymic(r.patronymic ?? '');
    const dob = parseDate(r.birthDate ?? '');
    if (dob < 0) throw new InvalidRecordError(`bad birth date "${r.birthDate}" (expected YYYY-MM-DD)`);
    const sex = sexCode(r.sex ?? '');
    const ph = phoneKey(r.phone ?? '');
    return {
      famKey: fam.key,
      givenKey: given.key,
      givenSkel: given.skel,
      patrKey: patr.key,
      patrSkel: patr.skel,
      dob: this.suppressedDob.has(dob) ? 0 : dob,
      sex,
      phone: ph === '' || this.suppressedPhone.has(Number(ph)) ? -1 : Number(ph),
      tax: (r.taxIdHash ?? '').trim(),
      oblast: (r.oblastPcode ?? '').trim().toUpperCase().slice(0, 4),
    };
  }

  add(r: PersonRecord): number {
    const c = this.cols;
    const dob = parseDate(r.birthDate ?? '');
    if (dob < 0) throw new InvalidRecordError(`bad birth date "${r.birthDate}" (expected YYYY-MM-DD)`);
    c.fam.push(this.nameIds(this.famIdCache, r.familyName, 'fam')[0]);
    const g = this.nameIds(this.givenIdCache, r.givenName, 'given');
    c.given.push(g[0]);
    c.givenSkel.push(g[1]);
    const p = this.nameIds(this.patrIdCache, r.patronymic ?? '', 'patr');
    c.patr.push(p[0]);
    c.patrSkel.push(p[1]);
    c.dob.push(dob);
    const sexText = r.sex ?? '';
    c.sex.push(
      sexText === 'F' || sexText === 'f' ? 1 : sexText === 'M' || sexText === 'm' ? 2 : sexCode(sexText),
    );
    const ph = phoneKey(r.phone ?? '');
    c.phone.push(ph === '' ? -1 : Number(ph));
    const tax = (r.taxIdHash ?? '').trim();
    c.tax.push(tax === '' ? -1 : this.taxI.id(tax));
    const ob = r.oblastPcode ?? '';
    c.oblast.push(ob === '' ? -1 : this.oblastI.id(ob.trim().toUpperCase().slice(0, 4)));
    this.ids.push(r.id);
    return this.ids.length - 1;
  }

  private readonly famIdCache = new Map<string, readonly [number, number]>();
  private readonly givenIdCache = new Map<string, readonly [number, number]>();
  private readonly patrIdCache = new Map<string, readonly [number, number]>();

  /** Interned [key id, skeleton id] of a raw name, cached per spelling. */
  private nameIds(
    cache: Map<string, readonly [number, number]>,
    raw: string,
    kind: 'fam' | 'given' | 'patr',
  ): readonly [number, number] {
    let ids = cache.get(raw);
    if (ids === undefined) {
      if (kind === 'fam') {
        const key = this.family(raw).key;
        const id = key === '' ? -1 : this.famI.id(key);
        ids = [id, id];
      } else {
        const parts = kind === 'given' ? this.givenParts(raw) : this.patronymic(raw);
        const keyI = kind === 'given' ? this.givenKeyI : this.patrKeyI;
        const skelI = kind === 'given' ? this.givenSkelI : this.patrSkelI;
        ids = parts.key === '' ? [-1, -1] : [keyI.id(parts.key), skelI.id(parts.skel)];
      }
      cache.set(raw, ids);
    }
    return ids;
  }

  /** Id of an interned value, or -2 (never equal to anything) when unseen; -1 for empty. */
  lookup(
    table: 'fam' | 'given' | 'givenSkel' | 'patr' | 'patrSkel' | 'tax' | 'oblast',
    value: string,
  ): number {
    if (value === '') return -1;
    const i = {
      fam: this.famI,
      given: this.givenKeyI,
      givenSkel: this.givenSkelI,
      patr: this.patrKeyI,
      patrSkel: this.patrSkelI,
      tax: this.taxI,
      oblast: this.oblastI,
    }[table];
    return i.peek(value) ?? -2;
  }

  /** Placeholder birth dates (yyyymmdd) and phones found by the last build, treated as missing. */
  readonly suppressedDob = new Set<number>();
  readonly suppressedPhone = new Set<number>();

  /**
   * Finds values shared by far more records than chance allows. A real birth date is shared by about
   * n / 29 000 records (80 years of birthdays); a household shares a phone between a few people.
   */
  private findPlaceholders(): number {
    const c = this.cols;
    const n = this.ids.length;
    const dobCap = Math.max(25, Math.ceil((20 * n) / 29_000));
    const phoneCap = 30;
    const count = (col: IntColumn, missing: number) => {
      const m = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const v = col.data[i]!;
        if (v !== missing) m.set(v, (m.get(v) ?? 0) + 1);
      }
      return m;
    };
    this.suppressedDob.clear();
    this.suppressedPhone.clear();
    for (const [v, k] of count(c.dob, 0)) if (k > dobCap) this.suppressedDob.add(v);
    for (const [v, k] of count(c.phone, -1)) if (k > phoneCap) this.suppressedPhone.add(v);
    let records = 0;
    for (let i = 0; i < n; i++) {
      if (this.suppressedDob.has(c.dob.data[i]!)) {
        c.dob.data[i] = 0;
        records++;
      }
      if (this.suppressedPhone.has(c.phone.data[i]!)) {
        c.phone.data[i] = -1;
        records++;
      }
    }
    return records;
  }

  build(shared = false): Dataset {
    const c = this.cols;
    const n = this.ids.length;
    const suppressedRecords = this.findPlaceholders();
    const sexBuf = shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n);
    const sex = new Int8Array(sexBuf);
    for (let i = 0; i < n; i++) sex[i] = c.sex.data[i]!;
    const fam = c.fam.finish(shared);
    const given = c.given.finish(shared);
    const famCount = new Int32Array(this.famI.values.length);
    const givenCount = new Int32Array(this.givenKeyI.values.length);
    for (let i = 0; i < n; i++) {
      const f = fam[i]!;
      if (f >= 0) famCount[f]!++;
      const g = given[i]!;
      if (g >= 0) givenCount[g]!++;
    }
    return {
      n,
      ids: this.ids,
      fam,
      given,
      givenSkel: c.givenSkel.finish(shared),
      patr: c.patr.finish(shared),
      patrSkel: c.patrSkel.finish(shared),
      dob: c.dob.finish(shared),
      sex,
      phone: c.phone.finish(shared),
      tax: c.tax.finish(shared),
      oblast: c.oblast.finish(shared),
      famStr: this.famI.values,
      givenKeyStr: this.givenKeyI.values,
      givenSkelStr: this.givenSkelI.values,
      patrKeyStr: this.patrKeyI.values,
      patrSkelStr: this.patrSkelI.values,
      famCount,
      givenCount,
      suppressed: {
        birthDates: this.suppressedDob.size,
        phones: this.suppressedPhone.size,
        records: suppressedRecords,
      },
    };
  }

  private family(raw: string): NameParts {
    let p = this.famCache.get(raw);
    if (p === undefined) {
      const key = surnameKeyFromSkeleton(nameSkeleton(raw));
      p = { key, skel: key };
      this.famCache.set(raw, p);
    }
    return p;
  }

  private givenParts(raw: string): NameParts {
    let p = this.givenCache.get(raw);
    if (p === undefined) {
      const skel = nameSkeleton(raw);
      p = { key: skel === '' ? '' : givenKeyFromSkeleton(skel), skel };
      this.givenCache.set(raw, p);
    }
    return p;
  }

  private patronymic(raw: string): NameParts {
    let p = this.patrCache.get(raw);
    if (p === undefined) {
      const skel = nameSkeleton(raw);
      p = { key: skel === '' ? '' : patronymicKeyFromSkeleton(skel), skel };
      this.patrCache.set(raw, p);
    }
    return p;
  }
}

export function prepareDataset(records: Iterable<PersonRecord>, shared = false): Dataset {
  const b = new DatasetBuilder();
  for (const r of records) b.add(r);
  return b.build(shared);
}
