import { Button, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { GrantAward } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { today } from './dates.ts';
import { MoneyField, RefusalAlert } from './GrantsBits.tsx';
import { grantsApi, grantsKeys, paymentsQuery } from './grantsApi.ts';

/** What is still to pay of a tranche, in minor units. */
export const leftOf = (t: { amountMinor: number; paidMinor: number }) => t.amountMinor - t.paidMinor;

function RecordPayment({ award, onRecorded }: { award: GrantAward; onRecorded: () => void }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const open = award.tranches.filter((x) => leftOf(x) > 0);
  const [trancheId, setTrancheId] = useState(open[0]?.id ?? '');
  const tranche = award.tranches.find((x) => x.id === trancheId);
  const [amount, setAmount] = useState<number | null>(tranche ? leftOf(tranche) : null);
  const [paidOn, setPaidOn] = useState(today);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useMutation({
    mutationFn: () =>
      grantsApi.recordPayment(award.id, {
        trancheId,
        paidOn,
        amountMinor: amount ?? 0,
        reference: reference.trim(),
      }),
    onSuccess: () => {
      setReference('');
      onRecorded();
      void queryClient.invalidateQueries({ queryKey: grantsKeys.award(award.id) });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'follow-ups'] });
      void queryClient.invalidateQueries({ queryKey: grantsKeys.payments(award.id) });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'awards'] });
    },
  });
  if (!award.planComplete) return <Text>{t('grants.payments.planFirst')}</Text>;
  if (award.status === 'closed') return <Text>{t('grants.payments.closed')}</Text>;
  if (open.length === 0) return <Text>{t('grants.payments.allPaid')}</Text>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!tranche) found.trancheId = t('grants.payments.chooseTranche');
    if (amount === null || amount < 1) found.amount = t('grants.award.errors.amount');
    else if (tranche && amount > leftOf(tranche))
      found.amount = t('grants.payments.aboveLeft', { left: format.money(leftOf(tranche), award.currency) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) found.paidOn = t('forms.required');
    if (reference.trim() === '') found.reference = t('forms.required');
    setErrors(found);
    if (Object.keys(found).length === 0) record.mutate();
  };
  const linkNeeded =
    isApiError(record.error) &&
    (record.error.details as { linkRequired?: boolean } | undefined)?.linkRequired;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="record-payment-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="record-payment-heading">
            {t('grants.payments.recordHeading')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('grants.payments.tranche')}
              required
              value={trancheId}
              onChange={(e) => {
                setTrancheId(e.currentTarget.value);
                const next = award.tranches.find((x) => x.id === e.currentTarget.value);
                setAmount(next ? leftOf(next) : null);
              }}
              data={open.map((x) => ({
                value: x.id,
                label: t('grants.payments.trancheOption', {
                  n: x.seq,
                  left: format.money(leftOf(x), award.currency),
                  due: format.date(x.dueDate),
                }),
              }))}
              error={errors.trancheId}
            />
            <MoneyField
              label={t('grants.payments.amount')}
              required
              currency={award.currency}
              value={amount}
              onChange={setAmount}
              description={
                tranche
                  ? t('grants.payments.leftHint', { left: format.money(leftOf(tranche), award.currency) })
                  : undefined
              }
              error={errors.amount}
            />
            <TextInput
              label={t('grants.payments.paidOn')}
              type="date"
              required
              max={today()}
              value={paidOn}
              onChange={(e) => setPaidOn(e.currentTarget.value)}
              error={errors.paidOn}
            />
            <TextInput
              label={t('grants.payments.reference')}
              description={t('grants.payments.referenceHint')}
              required
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.reference}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={record.isPending}>
              {t('grants.payments.record')}
            </Button>
          </div>
          {record.isError && (
            <>
              <RefusalAlert error={record.error} />
              {linkNeeded && <Text size="sm">{t('grants.payments.linkNeeded')}</Text>}
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** Payments of an award, and (for finance officers) a new one against a tranche. */
export function PaymentsSection({ award, canRecord }: { award: GrantAward; canRecord: boolean }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const payments = useQuery(paymentsQuery(award.id));
  // Kept here: the form starts afresh (with what is left to pay) after each payment.
  const [recorded, setRecorded] = useState(false);
  return (
    <section aria-labelledby="payments-heading">
      <Title order={2} size="h3" id="payments-heading" mb="xs">
        {t('grants.payments.heading')}
      </Title>
      <Stack gap="sm">
        {payments.isPending ? (
          <Loading />
        ) : payments.isError ? (
          <ApiErrorAlert error={payments.error} />
        ) : payments.data.items.length === 0 ? (
          <Text>{t('grants.payments.none')}</Text>
        ) : (
          <TableScroll label={t('grants.payments.caption')}>
            <Table striped captionSide="top">
              <Table.Caption>{t('grants.payments.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.payments.paidOn')}</Table.Th>
                  <Table.Th scope="col">{t('grants.payments.tranche')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('grants.payments.amount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('grants.payments.reference')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{format.date(p.paidOn)}</Table.Td>
                    <Table.Td>{t('grants.award.trancheN', { n: p.trancheSeq })}</Table.Td>
                    <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                      {format.money(p.amountMinor, p.currency)}
                    </Table.Td>
                    <Table.Td>{p.reference}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {canRecord && (
          <RecordPayment
            key={`${award.version}:${award.paidMinor}`}
            award={award}
            onRecorded={() => setRecorded(true)}
          />
        )}
        <Text size="sm" role="status">
          {recorded ? t('grants.payments.recorded') : ''}
        </Text>
      </Stack>
    </section>
  );
}
