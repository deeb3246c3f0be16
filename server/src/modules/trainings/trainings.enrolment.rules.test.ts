import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  ageOn,
  type SelectionApplicant,
  type SelectionRules,
  selectParticipants,
} from './trainings.enrolment.rules.ts';

type Group = 'idp' | 'returnee' | 'host_community' | 'refugee_migrant';

const applicant = (i: number, group: Group | null, over: Partial<SelectionApplicant> = {}) => ({
  id: `a${String(i).padStart(3, '0')}`,
  rank: i,
  populationGroup: group,
  age: 20,
  held: null,
  ...over,
});

const summerSchool: SelectionRules = {
  capacity: 20,
  quotas: [
    { code: 'idp', populationGroups: ['idp'], percent: 50 },
    { code: 'host', populationGroups: ['host_community'], percent: 30 },
  ],
  fillUnusedQuotas: true,
  targetGroups: [],
  ageMin: null,
  ageMax: null,
};

const selected = (o: ReturnType<typeof selectParticipants>) =>
  o.placements.filter((p) => ['quota', 'open', 'unused_quota'].includes(p.basis.kind));

describe('quota selection', () => {
  it('keeps each quota its seats, gives the open seats in order and lists the rest as waiting', () => {
    // 30 applicants: the first 20 are all host community, then 10 IDPs.
    const list = [
      ...Array.from({ length: 20 }, (_, i) => applicant(i + 1, 'host_community')),
      ...Array.from({ length: 10 }, (_, i) => applicant(i + 21, 'idp')),
    ];
    const out = selectParticipants(summerSchool, list);
    expect(selected(out)).toHaveLength(20);
    expect(out.quotas).toEqual([
      { code: 'idp', seats: 10, filled: 10, candidates: 10 },
      { code: 'host', seats: 6, filled: 6, candidates: 20 },
    ]);
    expect(out.openSeats).toBe(4);
    const basis = new Map(out.placements.map((p) => [p.id, p.basis]));
    expect(basis.get('a021')).toEqual({ kind: 'quota', quota: 'idp' });
    expect(basis.get('a001')).toEqual({ kind: 'quota', quota: 'host' });
    expect(basis.get('a007')).toEqual({ kind: 'open' });
    expect(basis.get('a010')).toEqual({ kind: 'open' });
    expect(basis.get('a011')).toEqual({ kind: 'waitlist', position: 1 });
    expect(basis.get('a020')).toEqual({ kind: 'waitlist', position: 10 });
  });

  it('gives a quota’s unused seats to the others only when the event allows it, and says so', () => {
    const list = [
      applicant(1, 'idp'),
      ...Array.from({ length: 25 }, (_, i) => applicant(i + 2, 'host_community')),
    ];
    const filling = selectParticipants(summerSchool, list);
    expect(selected(filling)).toHaveLength(20);
    expect(filling.placements.filter((p) => p.basis.kind === 'unused_quota')).toHaveLength(9);
    expect(filling.placements.find((p) => p.basis.kind === 'unused_quota')!.basis).toEqual({
      kind: 'unused_quota',
      quota: 'idp',
    });
    const strict = selectParticipants({ ...summerSchool, fillUnusedQuotas: false }, list);
    expect(selected(strict)).toHaveLength(11);
    expect(strict.placements.filter((p) => p.basis.kind === 'waitlist')).toHaveLength(15);
  });

  it('leaves out those outside the target groups or the age range, with the reason', () => {
    const rules = {
      ...summerSchool,
      targetGroups: ['idp', 'host_community'] as Group[],
      ageMin: 16,
      ageMax: 24,
    };
    const out = selectParticipants(rules, [
      applicant(1, 'refugee_migrant'),
      applicant(2, 'idp', { age: 30 }),
      applicant(3, 'idp', { age: null }),
      applicant(4, 'idp', { age: 16 }),
    ]);
    expect(out.placements.map((p) => p.basis)).toEqual([
      { kind: 'not_eligible', reason: 'outside_target_groups' },
      { kind: 'not_eligible', reason: 'outside_age_range' },
      { kind: 'not_eligible', reason: 'outside_age_range' },
      { kind: 'quota', quota: 'idp' },
    ]);
  });

  it('keeps seats already held and fills only what a withdrawal freed, for the quota first', () => {
    // 15 IDPs (every third), 30 from the host community: IDPs are waiting too.
    const list = Array.from({ length: 45 }, (_, i) =>
      applicant(i + 1, i % 3 === 0 ? 'idp' : 'host_community'),
    );
    const first = selectParticipants(summerSchool, list);
    const seat = new Map(first.placements.map((p) => [p.id, p.basis]));
    const idpSeat = first.placements.find((p) => p.basis.kind === 'quota' && p.basis.quota === 'idp')!;
    // The IDP who held that seat declines: they are no longer an applicant.
    const again = list
      .filter((a) => a.id !== idpSeat.id)
      .map((a) => {
        const b = seat.get(a.id)!;
        return b.kind === 'quota' || b.kind === 'open' || b.kind === 'unused_quota' ? { ...a, held: b } : a;
      });
    const second = selectParticipants(summerSchool, again);
    const promoted = second.placements.filter(
      (p) => !again.find((a) => a.id === p.id)!.held && p.basis.kind !== 'waitlist',
    );
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.basis).toEqual({ kind: 'quota', quota: 'idp' });
    expect(again.find((a) => a.id === promoted[0]!.id)!.populationGroup).toBe('idp');
    expect(selected(second)).toHaveLength(20);
    // With no IDP left waiting, the freed quota seat goes to the next in line, marked as unused.
    const noIdpWaiting = again.filter((a) => a.held || a.populationGroup !== 'idp');
    const third = selectParticipants(summerSchool, noIdpWaiting);
    const filled = third.placements.filter(
      (p) => !noIdpWaiting.find((a) => a.id === p.id)!.held && p.basis.kind !== 'waitlist',
    );
    expect(filled.map((p) => p.basis)).toEqual([{ kind: 'unused_quota', quota: 'idp' }]);
  });

  it('computes ages on the first day and their reporting band', () => {
    expect(ageOn('2008-07-01', '2026-07-01')).toBe(18);
    expect(ageOn('2008-07-02', '2026-07-01')).toBe(17);
    expect(ageBandOf(17)).toBe('0-17');
    expect(ageBandOf(18)).toBe('18-59');
    expect(ageBandOf(60)).toBe('60+');
    expect(ageBandOf(null)).toBeNull();
  });
});

const groups: Group[] = ['idp', 'returnee', 'host_community', 'refugee_migrant'];
const applicantsArb = fc
  .array(
    fc.record({
      group: fc.option(fc.constantFrom(...groups), { nil: null }),
      age: fc.integer({ min: 10, max: 70 }),
    }),
    {
      maxLength: 60,
    },
  )
  .map((xs) => xs.map((x, i) => applicant(i + 1, x.group, { age: x.age })));
// Quotas over disjoint groups, their shares adding up to at most 100 %.
const rulesArb = fc
  .record({
    capacity: fc.integer({ min: 1, max: 40 }),
    idp: fc.integer({ min: 0, max: 60 }),
    host: fc.integer({ min: 0, max: 40 }),
    fill: fc.boolean(),
    targeted: fc.boolean(),
  })
  .map(
    (r): SelectionRules => ({
      capacity: r.capacity,
      quotas: [
        ...(r.idp > 0
          ? [{ code: 'idp', populationGroups: ['idp', 'returnee'] as Group[], percent: r.idp }]
          : []),
        ...(r.host > 0
          ? [{ code: 'host', populationGroups: ['host_community'] as Group[], percent: r.host }]
          : []),
      ],
      fillUnusedQuotas: r.fill,
      targetGroups: r.targeted ? ['idp', 'returnee', 'host_community'] : [],
      ageMin: r.targeted ? 14 : null,
      ageMax: r.targeted ? 35 : null,
    }),
  );

describe('quota selection: properties', () => {
  it('never selects more than the capacity', () => {
    fc.assert(
      fc.property(rulesArb, applicantsArb, (rules, list) => {
        expect(selected(selectParticipants(rules, list)).length).toBeLessThanOrEqual(rules.capacity);
      }),
    );
  });

  it('gives every quota its seats when enough of its groups may take part', () => {
    fc.assert(
      fc.property(rulesArb, applicantsArb, (rules, list) => {
        const out = selectParticipants(rules, list);
        for (const q of out.quotas) {
          expect(q.filled).toBe(Math.min(q.seats, q.candidates));
          const inGroups = out.placements.filter((p) => p.basis.kind === 'quota' && p.basis.quota === q.code);
          expect(inGroups).toHaveLength(q.filled);
        }
      }),
    );
  });

  it('fills the capacity when enough may take part and unused seats may be given, and only then waits', () => {
    fc.assert(
      fc.property(rulesArb, applicantsArb, (rules, list) => {
        const out = selectParticipants(rules, list);
        const eligible = out.placements.filter((p) => p.basis.kind !== 'not_eligible').length;
        const waiting = out.placements.filter((p) => p.basis.kind === 'waitlist').length;
        if (rules.fillUnusedQuotas) expect(selected(out).length).toBe(Math.min(rules.capacity, eligible));
        if (waiting > 0 && rules.fillUnusedQuotas) expect(selected(out).length).toBe(rules.capacity);
        expect(selected(out).length + waiting).toBe(eligible);
      }),
    );
  });

  it('is deterministic: the same applicants in any order give the same outcome', () => {
    fc.assert(
      fc.property(rulesArb, applicantsArb, fc.integer(), (rules, list, seed) => {
        const shuffled = [...list].sort(
          (a, b) => ((a.rank * 7919 + seed) % 97) - ((b.rank * 7919 + seed) % 97),
        );
        expect(selectParticipants(rules, shuffled)).toEqual(selectParticipants(rules, list));
      }),
    );
  });

  it('never passes over an earlier applicant for a later one on an open seat', () => {
    fc.assert(
      fc.property(rulesArb, applicantsArb, (rules, list) => {
        const out = selectParticipants(rules, list);
        const rank = new Map(list.map((a) => [a.id, a.rank]));
        const firstWaiting = out.placements.find((p) => p.basis.kind === 'waitlist');
        if (!firstWaiting) return;
        for (const p of out.placements)
          if (p.basis.kind === 'open') expect(rank.get(p.id)!).toBeLessThan(rank.get(firstWaiting.id)!);
      }),
    );
  });
});
