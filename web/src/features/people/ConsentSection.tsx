import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { organisationsQuery } from '../admin/adminApi.ts';
import { consentsQuery, peopleApi, peopleKeys } from './peopleApi.ts';
import { TableScroll } from './TableScroll.tsx';
import { usePeopleFormat } from './usePeopleFormat.ts';

/** Purposes a registration officer records; data sharing is with one named organisation at a time. */
const PURPOSES = ['assistance', 'referral', 'data_sharing', 'story_publication', 'follow_up'] as const;
const METHODS = ['signed', 'verbal', 'digital'] as const;

function RecordConsent({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState<string>('assistance');
  const [status, setStatus] = useState<'given' | 'withdrawn'>('given');
  const [method, setMethod] = useState<string>('signed');
  const [note, setNote] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const sharing = purpose === 'data_sharing';
  const organisations = useQuery({ ...organisationsQuery(), enabled: sharing });
  const orgName = useOrganisationName();
  const record = useMutation({
    mutationFn: () =>
      peopleApi.recordConsent(personId, {
        purpose,
        status,
        method,
        organisationId: sharing && organisationId ? organisationId : null,
        note: note.trim() || null,
      }),
    onSuccess: () => {
      setNote('');
      void queryClient.invalidateQueries({ queryKey: peopleKeys.consents(personId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.audit(personId) });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  return (
    <Paper withBorder p="sm" mt="md">
      <form onSubmit={onSubmit} aria-labelledby="record-consent-heading">
        <Title order={3} size="h4" id="record-consent-heading" mb="xs">
          {t('people.recordConsentHeading')}
        </Title>
        <Stack gap="sm">
          <NativeSelect
            label={t('people.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            data={PURPOSES.map((p) => ({ value: p, label: t(`people.purposes.${p}`) }))}
          />
          {sharing && (
            <NativeSelect
              label={t('people.sharedWith')}
              description={t('people.sharedWithHint')}
              required
              value={organisationId}
              onChange={(e) => setOrganisationId(e.currentTarget.value)}
              data={[
                { value: '', label: t('people.chooseOrganisation') },
                ...(organisations.data ?? []).map((o) => ({ value: o.id, label: orgName(o.id) })),
              ]}
            />
          )}
          <Radio.Group
            label={t('people.consentStatusLabel')}
            value={status}
            onChange={(v) => setStatus(v as 'given' | 'withdrawn')}
          >
            <Group gap="md" mt={4}>
              <Radio value="given" label={t('people.consentStatus.given')} />
              <Radio value="withdrawn" label={t('people.consentStatus.withdrawn')} />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('people.method')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value)}
            data={METHODS.map((m) => ({ value: m, label: t(`people.consentMethods.${m}`) }))}
          />
          <TextInput label={t('people.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <div>
            <Button type="submit" loading={record.isPending}>
              {t('people.recordConsent')}
            </Button>
          </div>
          <Text role="status" size="sm">
            {record.isSuccess ? t('people.consentRecorded') : ''}
          </Text>
          {record.isError && <ApiErrorAlert error={record.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

/** An organisation's name in the reader's language (its id until the list has loaded). */
function useOrganisationName() {
  const { i18n } = useTranslation();
  const organisations = useQuery(organisationsQuery());
  const lang = currentLanguage(i18n.language);
  return (id: string) => {
    const o = organisations.data?.find((x) => x.id === id);
    return o ? (lang === 'uk' ? o.nameUk : o.nameEn) : id;
  };
}

export function ConsentSection({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const orgName = useOrganisationName();
  const format = usePeopleFormat();
  const overview = useQuery(consentsQuery(personId));
  const data = overview.data;
  const withdrawnEver = (purpose: string) =>
    data?.history.some((c) => c.purpose === purpose && c.status === 'withdrawn') ?? false;

  return (
    <section aria-labelledby="consent-heading" id="consent">
      <Title order={2} id="consent-heading" mb="xs">
        {t('people.consent')}
      </Title>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ApiErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : data ? (
        <>
          <TableScroll label={t('people.consentCurrentCaption')}>
            <Table captionSide="top">
              <Table.Caption>{t('people.consentCurrentCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('people.purpose')}</Table.Th>
                  <Table.Th scope="col">{t('people.consentState')}</Table.Th>
                  <Table.Th scope="col">{t('people.since')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.current.map((c) => (
                  <Table.Tr key={`${c.purpose}-${c.organisationId ?? ''}`}>
                    <Table.Th scope="row" fw={400}>
                      {t(`people.purposes.${c.purpose}`)}
                      {c.organisationId ? `: ${orgName(c.organisationId)}` : ''}
                    </Table.Th>
                    <Table.Td fw={600}>
                      {c.holds
                        ? t('people.consentHolds')
                        : c.since && withdrawnEver(c.purpose)
                          ? t('people.consentWithdrawn')
                          : t('people.consentNotGiven')}
                    </Table.Td>
                    <Table.Td>{c.since ? format.dateTime(c.since) : t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {data.history.length > 0 && (
            <TableScroll label={t('people.consentHistoryCaption')}>
              <Table mt="md" striped captionSide="top">
                <Table.Caption>{t('people.consentHistoryCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('people.when')}</Table.Th>
                    <Table.Th scope="col">{t('people.purpose')}</Table.Th>
                    <Table.Th scope="col">{t('people.consentState')}</Table.Th>
                    <Table.Th scope="col">{t('people.method')}</Table.Th>
                    <Table.Th scope="col">{t('people.recordedBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.history.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{format.dateTime(c.recordedAt)}</Table.Td>
                      <Table.Td>
                        {t(`people.purposes.${c.purpose}`)}
                        {c.organisationId ? `: ${orgName(c.organisationId)}` : ''}
                      </Table.Td>
                      <Table.Td>{t(`people.consentStatus.${c.status}`)}</Table.Td>
                      <Table.Td>{t(`people.consentMethods.${c.method}`)}</Table.Td>
                      <Table.Td>
                        {c.recordedBy}
                        {c.note ? ` — ${c.note}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </>
      ) : null}
      {canWrite && <RecordConsent personId={personId} />}
    </section>
  );
}
