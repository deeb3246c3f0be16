import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planWrite } from './people-import.plan.ts';
import {
  emptyStage,
  keepRows,
  mappingHash,
  type StagedRows,
  stageRow,
  stalePins,
} from './people-import.stage.ts';
import { decodeStage, encodeStage, keepStagedRows } from './people-import.stage-codec.ts';

/** A prepared person as the people service returns it, with the columns the job fills in itself. */
function prepared(i: number, identifiers: number, consents: number) {
  return {
    row: {
      tenant_id: 'tenant',
      id: `id-${i}`,
      family_name: `Прізвище${i}`,
      given_name: 'Олена',
      patronymic: i % 3 === 0 ? null : 'Петрівна',
      phones: i % 2 === 0 ? [`+38067${String(i).padStart(7, '0')}`] : [],
      washington_group: i % 5 === 0 ? JSON.stringify({ seeing: 'a_lot_of_difficulty' }) : null,
      disability: i % 5 === 0 ? true : null,
      registered_by_org: 'org',
      created_by: 'user',
      household_id: null,
      relationship_to_head: null,
      // Some rows carry a column the others lack.
      ...(i % 4 === 0 ? { extra: `x${i}` } : {}),
    },
    identifiers: Array.from({ length: identifiers }, (_, k) => ({
      tenant_id: 'tenant',
      id: `i-${i}-${k}`,
      person_id: `id-${i}`,
      type: 'passport',
      value_encrypted: `v1.enc.${i}.${k}`,
      value_hash: `hash-${i}-${k}`,
      masked: '••12',
      created_by: 'user',
    })),
    consents: Array.from({ length: consents }, () => ({
      tenant_id: 'tenant',
      id: 'c',
      person_id: `id-${i}`,
      purpose: 'assistance',
      status: 'given',
      method: 'verbal',
      organisation_id: null,
      note: null,
      recorded_by: 'user',
      recorded_by_label: 'someone',
    })),
  };
}

const shapes = fc.array(
  fc.record({
    identifiers: fc.integer({ min: 0, max: 3 }),
    consents: fc.integer({ min: 0, max: 2 }),
    household: fc.option(fc.constantFrom('H1', 'H2', 'H3'), { nil: null }),
    head: fc.boolean(),
  }),
  { maxLength: 40 },
);

/** Rows, and a flag for each (keep it or not). */
const withFlags = shapes.chain((rows) =>
  fc.tuple(fc.constant(rows), fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length })),
);

function build(rows: { identifiers: number; consents: number; household: string | null; head: boolean }[]) {
  const s = emptyStage();
  for (const [i, r] of rows.entries()) {
    stageRow(
      s,
      {
        row: i + 2,
        importKey: `key-${i}`,
        householdKey: r.household,
        relationship: r.household ? (r.head ? 'head' : 'child') : null,
      },
      prepared(i, r.identifiers, r.consents),
    );
  }
  return s;
}

/** Each staged person with its children, as plain objects: what must survive any re-packing. */
function people(s: StagedRows) {
  return s.row.map((row, i) => ({
    row,
    importKey: s.importKey[i],
    person: Object.fromEntries(Object.entries(s.person).map(([k, v]) => [k, v[i]])),
    identifiers: s.identifiers.of
      .map((of, k) => (of === i ? s.identifiers.columns.value_hash![k] : undefined))
      .filter((v) => v !== undefined),
    consents: s.consents.of.filter((of) => of === i).length,
  }));
}

describe('staged rows', () => {
  it('leave out ids and who-did-it, which the job fills in', () => {
    const s = build([{ identifiers: 1, consents: 1, household: null, head: false }]);
    expect(Object.keys(s.person)).not.toContain('id');
    expect(Object.keys(s.person)).not.toContain('tenant_id');
    expect(Object.keys(s.person)).not.toContain('registered_by_org');
    expect(Object.keys(s.identifiers.columns)).not.toContain('person_id');
    expect(Object.keys(s.consents.columns)).not.toContain('recorded_by_label');
    expect(s.person.family_name).toEqual(['Прізвище0']);
  });

  it('come back the same from their stored parts, whatever the part size', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 1, max: 7 }), (rows, partRows) => {
        const s = build(rows);
        const parts = encodeStage(s, partRows);
        expect(parts.length).toBe(Math.ceil(rows.length / partRows));
        expect(people(decodeStage(parts))).toEqual(people(s));
      }),
    );
  });

  it('come back with any text in them: separators, empty strings and nulls included', () => {
    const text = fc.option(
      fc.oneof(fc.string(), fc.constantFrom('', '\u001f', '\u001d', 'a\u001fb', '\u001e', 'null')),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 20 }), (values) => {
        const s = emptyStage();
        for (const [i, [a, b]] of values.entries()) {
          stageRow(
            s,
            { row: i, importKey: `k${i}`, householdKey: a, relationship: null },
            { row: { note: a, other: b, flag: i % 2 === 0 }, identifiers: [], consents: [] },
          );
        }
        const back = decodeStage(encodeStage(s, 7));
        expect(back.householdKey).toEqual(values.map(([a]) => a));
        expect(back.person.note).toEqual(values.map(([a]) => a));
        expect(back.person.other).toEqual(values.map(([, b]) => b));
        expect(back.person.flag).toEqual(values.map((_, i) => i % 2 === 0));
      }),
    );
  });

  it('come back the same when a column has few distinct values (kept once each)', () => {
    const few = fc.option(fc.constantFrom('', 'Олена', 'UA0502003', '{"seeing":"cannot_do"}', 'a\u001fb'), {
      nil: null,
    });
    fc.assert(
      fc.property(fc.array(few, { minLength: 64, maxLength: 300 }), (values) => {
        const s = emptyStage();
        for (const [i, v] of values.entries()) {
          stageRow(
            s,
            { row: i, importKey: `k${i}`, householdKey: v, relationship: null },
            { row: { place: v }, identifiers: [], consents: [] },
          );
        }
        const back = decodeStage(encodeStage(s, 1000));
        expect(back.householdKey).toEqual(values);
        expect(back.person.place).toEqual(values);
      }),
    );
  });

  it('keep exactly the rows asked for, each with its own identifiers and consents', () => {
    fc.assert(
      fc.property(withFlags, ([rows, keep]) => {
        const s = build(rows);
        const kept = keepRows(s, keep);
        expect(people(kept)).toEqual(people(s).filter((_, i) => keep[i]));
        // Children stay in person order, as slicing into parts expects.
        expect([...kept.identifiers.of].sort((a, b) => a - b)).toEqual(kept.identifiers.of);
      }),
    );
  });

  it('keep the rows asked for in their stored parts, writing again only the parts that lose rows', () => {
    fc.assert(
      fc.property(withFlags, fc.integer({ min: 1, max: 7 }), ([rows, keep], partRows) => {
        const s = build(rows);
        const parts = encodeStage(s, partRows);
        const kept = keepStagedRows(parts, keep);
        expect(kept.staged).toBe(keep.filter(Boolean).length);
        expect(people(decodeStage(kept.parts))).toEqual(people(s).filter((_, i) => keep[i]));
        // A part that keeps all its rows is the very same text; one that loses some is written again.
        parts.forEach((part, p) => {
          const flags = keep.slice(p * partRows, (p + 1) * partRows);
          if (flags.every(Boolean)) expect(kept.parts).toContain(part);
          else expect(kept.parts).not.toContain(part);
        });
        expect(kept.parts.length).toBe(
          parts.filter((_, p) => keep.slice(p * partRows, (p + 1) * partRows).some(Boolean)).length,
        );
      }),
    );
  });

  it('refuse flags that do not match the stored rows', () => {
    const parts = encodeStage(build([{ identifiers: 0, consents: 0, household: null, head: false }]));
    expect(() => keepStagedRows(parts, [true, true])).toThrow(/holds 1 rows, not 2/);
  });
});

describe('stage pins', () => {
  const pins = {
    formatVersion: 1,
    fileSha256: 'a',
    contentDigest: 'b',
    mappingHash: mappingHash({ familyName: 'surname', givenName: 'name' }),
    keyCheck: 'k',
  };

  it('hold when nothing changed, and name what did', () => {
    expect(stalePins(pins, { ...pins })).toEqual([]);
    expect(stalePins(pins, { ...pins, contentDigest: 'c', keyCheck: 'other' })).toEqual([
      'contentDigest',
      'keyCheck',
    ]);
  });

  it('see the same mapping in any key order, and a moved column as a change', () => {
    expect(mappingHash({ givenName: 'name', familyName: 'surname' })).toBe(pins.mappingHash);
    expect(mappingHash({ familyName: 'surname', givenName: 'name', sex: undefined })).toBe(pins.mappingHash);
    expect(mappingHash({ familyName: 'name', givenName: 'surname' })).not.toBe(pins.mappingHash);
  });
});

describe('planWrite', () => {
  let n = 0;
  const newId = () => `new-${++n}`;

  it('puts a new household around its head and the members with it', () => {
    const s = build([
      { identifiers: 0, consents: 0, household: 'H1', head: true },
      { identifiers: 0, consents: 0, household: 'H1', head: false },
      { identifiers: 0, consents: 0, household: null, head: false },
    ]);
    const plan = planWrite(s, new Map(), newId);
    expect(plan.fresh).toEqual([0, 1, 2]);
    expect(plan.households).toEqual([{ id: plan.householdId[0], head: 0 }]);
    expect(plan.householdId[1]).toBe(plan.householdId[0]);
    expect(plan.householdId[2]).toBeNull();
    expect(plan.memberships.map((m) => m.index)).toEqual([0, 1]);
  });

  it('adds newcomers to the household of a member imported before, and skips who is there', () => {
    const s = build([
      { identifiers: 0, consents: 0, household: 'H1', head: true },
      { identifiers: 0, consents: 0, household: 'H1', head: false },
    ]);
    const plan = planWrite(s, new Map([['key-0', { id: 'p0', household_id: 'hh-old' }]]), newId);
    expect(plan.fresh).toEqual([1]);
    expect(plan.alreadyPresent).toBe(1);
    expect(plan.households).toEqual([]);
    expect(plan.householdId[1]).toBe('hh-old');
  });

  it('refuses a household left with neither a head to import nor a known household', () => {
    const s = build([
      { identifiers: 0, consents: 0, household: 'H1', head: true },
      { identifiers: 0, consents: 0, household: 'H1', head: false },
    ]);
    // The head is in the registry, but no longer in a household.
    expect(() => planWrite(s, new Map([['key-0', { id: 'p0', household_id: null }]]), newId)).toThrow(
      /no head to import/,
    );
  });

  it('gives every fresh person one id and every household one head among the rows written', () => {
    fc.assert(
      fc.property(shapes, (rows) => {
        // One head per household, as the dry run guarantees.
        const seen = new Set<string>();
        const valid = rows.map((r) => {
          if (!r.household) return r;
          const head = !seen.has(r.household);
          seen.add(r.household);
          return { ...r, head };
        });
        const plan = planWrite(build(valid), new Map(), newId);
        const ids = plan.fresh.map((i) => plan.personId[i]);
        expect(new Set(ids).size).toBe(ids.length);
        expect(plan.households.length).toBe(seen.size);
        for (const h of plan.households) expect(valid[h.head]!.head).toBe(true);
        expect(plan.memberships.length).toBe(valid.filter((r) => r.household).length);
      }),
    );
  });
});
