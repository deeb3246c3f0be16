import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { GrantAward, TrancheInput } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { EditorCard } from './EditorCard.tsx';
import { MoneyField, RefusalAlert } from './GrantsBits.tsx';
import { grantsApi, grantsKeys } from './grantsApi.ts';
import { type ItemDraft, planProblems, type TrancheDraft, trancheInputs } from './tranchePlan.ts';

const newItem = (): ItemDraft => ({ item: '', quantity: '1', unitCostMinor: null, supplier: '' });

/** The disbursement plan: tranches (cash, or in kind with procurement lines) that add up to the award. */
export function TranchePlanEditor({ award }: { award: GrantAward }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const [tranches, setTranches] = useState<TrancheDraft[]>(() =>
    award.tranches.length > 0
      ? award.tranches.map((x) => ({
          amountMinor: x.amountMinor,
          dueDate: x.dueDate,
          condition: x.condition ?? '',
          modality: x.modality,
          items: x.items.map((i) => ({
            item: i.item,
            quantity: String(i.quantity),
            unitCostMinor: i.unitCostMinor,
            supplier: i.supplier ?? '',
          })),
        }))
      : [{ amountMinor: null, dueDate: '', condition: '', modality: 'cash', items: [] }],
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (plan: TrancheInput[]) => grantsApi.setPlan(award.id, award.version, plan),
    onSuccess: (saved) => queryClient.setQueryData(grantsKeys.award(award.id), saved),
  });
  const set = (i: number, patch: Partial<TrancheDraft>) =>
    setTranches((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const total = tranches.reduce((s, x) => s + (x.amountMinor ?? 0), 0);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = planProblems(tranches, award.amountMinor);
    setProblems(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v as 'forms.required')])));
    if (Object.keys(found).length === 0) save.mutate(trancheInputs(tranches));
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-editor-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="plan-editor-heading">
            {t('grants.award.planEditor')}
          </Title>
          <Text size="sm" role="status">
            {t('grants.award.planTotal', {
              total: format.money(total, award.currency),
              award: format.money(award.amountMinor, award.currency),
            })}
          </Text>
          {problems.total && (
            <Text c="red.8" size="sm" role="alert">
              {problems.total}
            </Text>
          )}
          {tranches.map((x, i) => (
            <EditorCard
              // biome-ignore lint/suspicious/noArrayIndexKey: tranches are edited in place, by position
              key={i}
              legend={t('grants.award.trancheN', { n: i + 1 })}
              removeLabel={t('grants.award.removeTranche', { n: i + 1 })}
              onRemove={
                tranches.length > 1 ? () => setTranches((all) => all.filter((_, j) => j !== i)) : undefined
              }
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <MoneyField
                  label={t('grants.award.amount')}
                  required
                  currency={award.currency}
                  value={x.amountMinor}
                  onChange={(v) => set(i, { amountMinor: v })}
                  error={problems[`${i}.amountMinor`]}
                />
                <TextInput
                  label={t('grants.award.dueDate')}
                  type="date"
                  required
                  value={x.dueDate}
                  onChange={(e) => set(i, { dueDate: e.currentTarget.value })}
                  error={problems[`${i}.dueDate`]}
                />
                <NativeSelect
                  label={t('grants.award.modality')}
                  value={x.modality}
                  onChange={(e) =>
                    set(i, { modality: e.currentTarget.value === 'in_kind' ? 'in_kind' : 'cash' })
                  }
                  data={[
                    { value: 'cash', label: t('grants.award.modalities.cash') },
                    { value: 'in_kind', label: t('grants.award.modalities.in_kind') },
                  ]}
                />
              </SimpleGrid>
              <TextInput
                label={t('grants.award.condition')}
                description={t('grants.award.conditionHint')}
                value={x.condition}
                onChange={(e) => set(i, { condition: e.currentTarget.value })}
              />
              {x.modality === 'in_kind' && (
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('grants.award.items')}
                  </Text>
                  {problems[`${i}.items`] && (
                    <Text c="red.8" size="sm">
                      {problems[`${i}.items`]}
                    </Text>
                  )}
                  {x.items.map((item, k) => {
                    const setItem = (patch: Partial<ItemDraft>) =>
                      set(i, { items: x.items.map((it, j) => (j === k ? { ...it, ...patch } : it)) });
                    return (
                      <SimpleGrid
                        // biome-ignore lint/suspicious/noArrayIndexKey: lines edited in place, by position
                        key={k}
                        cols={{ base: 1, sm: 4 }}
                        spacing="xs"
                        aria-label={t('grants.award.itemN', { n: k + 1 })}
                        role="group"
                      >
                        <TextInput
                          label={t('grants.award.item')}
                          required
                          value={item.item}
                          onChange={(e) => setItem({ item: e.currentTarget.value })}
                          error={problems[`${i}.items.${k}.item`]}
                        />
                        <TextInput
                          label={t('grants.award.quantity')}
                          inputMode="numeric"
                          required
                          value={item.quantity}
                          onChange={(e) => setItem({ quantity: e.currentTarget.value })}
                          error={problems[`${i}.items.${k}.quantity`]}
                        />
                        <MoneyField
                          label={t('grants.award.unitCost')}
                          required
                          currency={award.currency}
                          value={item.unitCostMinor}
                          onChange={(v) => setItem({ unitCostMinor: v })}
                          error={problems[`${i}.items.${k}.unitCostMinor`]}
                        />
                        <TextInput
                          label={t('grants.award.supplier')}
                          value={item.supplier}
                          onChange={(e) => setItem({ supplier: e.currentTarget.value })}
                        />
                      </SimpleGrid>
                    );
                  })}
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => set(i, { items: [...x.items, newItem()] })}
                    >
                      {t('grants.award.addItem')}
                    </Button>
                    {x.items.length > 0 && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => set(i, { items: x.items.slice(0, -1) })}
                      >
                        {t('grants.award.removeItem')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              )}
            </EditorCard>
          ))}
          <Group gap="sm">
            <Button
              variant="light"
              onClick={() =>
                setTranches((all) => [
                  ...all,
                  { amountMinor: null, dueDate: '', condition: '', modality: 'cash', items: [] },
                ])
              }
            >
              {t('grants.award.addTranche')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('grants.award.savePlan')}
            </Button>
          </Group>
          <Text size="sm" role="status">
            {save.isSuccess ? t('grants.award.planSaved') : ''}
          </Text>
          {save.isError && <RefusalAlert error={save.error} />}
        </Stack>
      </form>
    </Paper>
  );
}
