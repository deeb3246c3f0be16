import {
  Alert,
  Anchor,
  Button,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { apiFieldErrors, type ErrorMap } from './formErrors.ts';
import { minorDigits, parseAmountToMinor } from './money.ts';
import { assistanceQuery, peopleApi, peopleKeys } from './peopleApi.ts';
import { TableScroll } from './TableScroll.tsx';
import { usePeopleFormat } from './usePeopleFormat.ts';

const MODALITIES = ['cash', 'voucher', 'in_kind', 'service'] as const;
const CURRENCIES = ['UAH', 'USD', 'EUR'] as const;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The consent a refused action needed, when the server refused for lack of consent (422). */
function consentRequired(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const details = error.details as { consentRequired?: unknown } | undefined;
  return typeof details?.consentRequired === 'string' ? details.consentRequired : null;
}

function RecordAssistance({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [type, setType] = useState('');
  const [date, setDate] = useState(today);
  const [modality, setModality] = useState<string>('cash');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string>('UAH');
  const [projectCode, setProjectCode] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ErrorMap>({});
  const refusalRef = useRef<HTMLDivElement>(null);

  const record = useMutation({
    mutationFn: (valueMinor: number | null) =>
      peopleApi.recordAssistance(personId, {
        type: type.trim(),
        date,
        modality,
        valueMinor,
        currency: valueMinor === null ? null : currency,
        projectCode: projectCode.trim() || null,
        note: note.trim() || null,
      }),
    onSuccess: () => {
      setType('');
      setAmount('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: peopleKeys.assistance(personId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.audit(personId) });
    },
    onError: (error) => {
      setErrors(apiFieldErrors(t, error));
      if (consentRequired(error)) window.setTimeout(() => refusalRef.current?.focus(), 0);
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: ErrorMap = {};
    if (type.trim() === '') found.type = t('forms.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('forms.required');
    let valueMinor: number | null = null;
    if (amount.trim() !== '') {
      valueMinor = parseAmountToMinor(amount, minorDigits(currency));
      if (valueMinor === null) found.valueMinor = t('people.amountInvalid');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    record.mutate(valueMinor);
  };

  const refused = consentRequired(record.error);
  const fieldErrorsShown = Object.keys(apiFieldErrors(t, record.error)).length > 0;

  return (
    <Paper withBorder p="sm" mt="md">
      <form onSubmit={onSubmit} aria-labelledby="record-assistance-heading" noValidate>
        <Title order={3} size="h4" id="record-assistance-heading" mb="xs">
          {t('people.recordAssistanceHeading')}
        </Title>
        <Stack gap="sm">
          <TextInput
            label={t('people.assistanceType')}
            description={t('people.assistanceTypeDescription')}
            required
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            error={errors.type}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('people.date')}
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
            />
            <NativeSelect
              label={t('people.modality')}
              value={modality}
              onChange={(e) => setModality(e.currentTarget.value)}
              data={MODALITIES.map((m) => ({ value: m, label: t(`people.modalities.${m}`) }))}
            />
            <TextInput
              label={t('people.amount')}
              description={t('people.amountDescription')}
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.valueMinor}
            />
            <NativeSelect
              label={t('people.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              data={[...CURRENCIES]}
              error={errors.currency}
            />
            <TextInput
              label={t('people.projectCode')}
              value={projectCode}
              onChange={(e) => setProjectCode(e.currentTarget.value)}
              error={errors.projectCode}
            />
            <TextInput
              label={t('people.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={record.isPending}>
              {t('people.recordAssistance')}
            </Button>
          </div>
          <Text role="status" size="sm">
            {record.isSuccess ? t('people.assistanceRecorded') : ''}
          </Text>
          <div ref={refusalRef} tabIndex={-1}>
            {refused ? (
              <Alert color="red" variant="outline" role="alert" title={t('people.consentRefusedTitle')}>
                <Text size="sm">
                  {t('people.consentRefusedBody', {
                    purpose: t(`people.purposes.${refused as 'assistance'}`, { defaultValue: refused }),
                  })}
                </Text>
                <Anchor href="#consent" size="sm">
                  {t('people.goToConsent')}
                </Anchor>
              </Alert>
            ) : (
              record.isError && !fieldErrorsShown && <ApiErrorAlert error={record.error} />
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

export function AssistanceSection({
  personId,
  canRead,
  canWrite,
}: {
  personId: string;
  canRead: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const ledger = useQuery({ ...assistanceQuery(personId), enabled: canRead });
  if (!canRead) return null;
  const rows = ledger.data?.items ?? [];
  return (
    <section aria-labelledby="assistance-heading" id="assistance">
      <Title order={2} id="assistance-heading" mb="xs">
        {t('people.assistance')}
      </Title>
      {ledger.isPending ? (
        <Loading />
      ) : ledger.isError ? (
        <ApiErrorAlert error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : rows.length === 0 ? (
        <Text>{t('people.noAssistance')}</Text>
      ) : (
        <TableScroll label={t('people.assistanceCaption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('people.assistanceCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.date')}</Table.Th>
                <Table.Th scope="col">{t('people.assistanceType')}</Table.Th>
                <Table.Th scope="col">{t('people.modality')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('people.value')}
                </Table.Th>
                <Table.Th scope="col">{t('people.projectCode')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{format.date(a.date)}</Table.Td>
                  <Table.Td>
                    {a.type}
                    {a.note ? ` — ${a.note}` : ''}
                  </Table.Td>
                  <Table.Td>{t(`people.modalities.${a.modality}`)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                    {format.money(a.valueMinor, a.currency) || t('common.none')}
                  </Table.Td>
                  <Table.Td>{a.projectCode ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {canWrite && <RecordAssistance personId={personId} />}
    </section>
  );
}
