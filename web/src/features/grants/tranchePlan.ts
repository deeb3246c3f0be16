import type { TrancheInput } from '@oselia/contracts';

export interface ItemDraft {
  item: string;
  quantity: string;
  unitCostMinor: number | null;
  supplier: string;
}

export interface TrancheDraft {
  amountMinor: number | null;
  dueDate: string;
  condition: string;
  modality: 'cash' | 'in_kind';
  items: ItemDraft[];
}

const quantityOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * What keeps a plan from being saved, by field (`0.amountMinor`, `1.items.0.quantity`, `total`), as
 * message keys. Sums are of integers (minor units), so they are exact.
 */
export function planProblems(tranches: TrancheDraft[], awardMinor: number): Record<string, string> {
  const out: Record<string, string> = {};
  tranches.forEach((x, i) => {
    if (x.amountMinor === null || x.amountMinor < 1) out[`${i}.amountMinor`] = 'grants.award.errors.amount';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(x.dueDate)) out[`${i}.dueDate`] = 'forms.required';
    if (x.modality === 'in_kind') {
      if (x.items.length === 0) out[`${i}.items`] = 'grants.award.errors.itemsNeeded';
      let sum = 0;
      x.items.forEach((item, k) => {
        const q = quantityOf(item.quantity);
        if (item.item.trim() === '') out[`${i}.items.${k}.item`] = 'forms.required';
        if (q === null || q < 1) out[`${i}.items.${k}.quantity`] = 'grants.award.errors.quantity';
        if (item.unitCostMinor === null) out[`${i}.items.${k}.unitCostMinor`] = 'grants.award.errors.amount';
        sum += (q ?? 0) * (item.unitCostMinor ?? 0);
      });
      if (x.items.length > 0 && x.amountMinor !== null && sum !== x.amountMinor)
        out[`${i}.items`] = 'grants.award.errors.itemsSum';
    }
  });
  const total = tranches.reduce((s, x) => s + (x.amountMinor ?? 0), 0);
  if (total !== awardMinor) out.total = 'grants.award.errors.total';
  return out;
}

export function trancheInputs(tranches: TrancheDraft[]): TrancheInput[] {
  return tranches.map((x) => ({
    amountMinor: x.amountMinor ?? 0,
    dueDate: x.dueDate,
    condition: x.condition.trim() === '' ? null : x.condition.trim(),
    modality: x.modality,
    items:
      x.modality === 'in_kind'
        ? x.items.map((i) => ({
            item: i.item.trim(),
            quantity: quantityOf(i.quantity) ?? 0,
            unitCostMinor: i.unitCostMinor ?? 0,
            supplier: i.supplier.trim() === '' ? null : i.supplier.trim(),
          }))
        : [],
  }));
}
