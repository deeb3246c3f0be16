import type { TrancheInput } from '@oselia/contracts';

export interface PlanProblem {
  field: string;
  message: string;
}

/**
 * A disbursement plan is sound when its tranches add up to the award exactly, each in-kind tranche
 * is its procurement lines (quantity × unit cost) added up, a cash tranche has no lines, and the
 * tranches fall due in order. All sums in integer minor units.
 */
export function checkPlan(awardMinor: number, tranches: readonly TrancheInput[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  let total = 0;
  tranches.forEach((t, i) => {
    total += t.amountMinor;
    if (i > 0 && t.dueDate < tranches[i - 1]!.dueDate)
      problems.push({
        field: `tranches.${i}.dueDate`,
        message: 'tranches are listed in the order they fall due',
      });
    if (t.modality === 'cash' && t.items.length > 0)
      problems.push({ field: `tranches.${i}.items`, message: 'a cash tranche has no procurement lines' });
    if (t.modality === 'in_kind') {
      if (t.items.length === 0) {
        problems.push({ field: `tranches.${i}.items`, message: 'an in-kind tranche lists what is procured' });
        return;
      }
      let lines = 0;
      t.items.forEach((it, j) => {
        const line = it.quantity * it.unitCostMinor;
        if (!Number.isSafeInteger(line))
          problems.push({ field: `tranches.${i}.items.${j}`, message: 'quantity × unit cost is too large' });
        lines += line;
      });
      if (lines !== t.amountMinor)
        problems.push({
          field: `tranches.${i}.amountMinor`,
          message: `the procurement lines add up to ${lines}, the tranche is ${t.amountMinor} (minor units)`,
        });
    }
  });
  if (!Number.isSafeInteger(total) || total !== awardMinor)
    problems.push({
      field: 'tranches',
      message: `the tranches add up to ${total}; the award is ${awardMinor} (minor units)`,
    });
  return problems;
}
