import type { TrancheInput } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from './grants.awards.rules.ts';

const cash = (amountMinor: number, dueDate = '2027-04-01'): TrancheInput => ({
  amountMinor,
  dueDate,
  condition: null,
  modality: 'cash',
  items: [],
});
const inKind = (items: [number, number][], amountMinor?: number): TrancheInput => ({
  amountMinor: amountMinor ?? items.reduce((s, [q, c]) => s + q * c, 0),
  dueDate: '2027-06-01',
  condition: null,
  modality: 'in_kind',
  items: items.map(([quantity, unitCostMinor]) => ({ item: 'Піч', quantity, unitCostMinor, supplier: null })),
});

describe('disbursement plan', () => {
  it('accepts tranches that add up to the award, in-kind lines adding up to their tranche', () => {
    expect(checkPlan(700_000, [cash(400_000), inKind([[2, 150_000]])])).toEqual([]);
  });

  it('names what does not add up', () => {
    expect(checkPlan(700_000, [cash(400_000), cash(200_000, '2027-05-01')]).map((p) => p.field)).toEqual([
      'tranches',
    ]);
    expect(checkPlan(300_000, [inKind([[2, 100_000]], 300_000)])[0]).toEqual({
      field: 'tranches.0.amountMinor',
      message: 'the procurement lines add up to 200000, the tranche is 300000 (minor units)',
    });
    expect(checkPlan(100, [{ ...cash(100), items: inKind([[1, 100]]).items }])[0]!.field).toBe(
      'tranches.0.items',
    );
    expect(checkPlan(100, [inKind([], 100)])[0]!.field).toBe('tranches.0.items');
    expect(checkPlan(200, [cash(100, '2027-05-01'), cash(100, '2027-04-01')])[0]!.field).toBe(
      'tranches.1.dueDate',
    );
  });

  it('accepts any split of an award into cash tranches, and refuses it with one minor unit off', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        (parts) => {
          const award = parts.reduce((a, b) => a + b, 0);
          const plan = parts.map((p) => cash(p));
          expect(checkPlan(award, plan)).toEqual([]);
          expect(checkPlan(award + 1, plan)).toHaveLength(1);
          expect(checkPlan(award - 1, plan)).toHaveLength(1);
        },
      ),
    );
  });
});
