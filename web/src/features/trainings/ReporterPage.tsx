import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { AwarenessSessionForm } from './AwarenessSessionForm.tsx';
import { Refusal, useText } from './TrainingBits.tsx';
import { reporterQuery, trainingsApi } from './trainingsApi.ts';

/** An alumnus's own page (from their link, no account): the sessions they ran, and a form for the next. */
export function ReporterPage() {
  const { t } = useTranslation();
  const text = useText();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const { token = '' } = useParams();
  const me = useQuery(reporterQuery(token));
  const report = useMutation({
    mutationFn: (body: Parameters<typeof trainingsApi.reportSession>[1]) =>
      trainingsApi.reportSession(token, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['trainings', 'reporter', token] }),
  });
  if (me.isError) return <ApiErrorAlert error={me.error} notFoundText={t('trainings.reporter.unknown')} />;
  if (me.isPending) return <Loading />;
  return (
    <Stack gap="md">
      <PageTitle>{t('trainings.reporter.title')}</PageTitle>
      <Text maw={760}>
        {t('trainings.reporter.intro', { initials: me.data.initials, title: text(me.data.eventTitle) })}
      </Text>
      <Title order={2} size="h3">
        {t('trainings.reporter.yours', { n: me.data.sessions.length })}
      </Title>
      {me.data.sessions.length > 0 && (
        <TableScroll label={t('trainings.awareness.caption')}>
          <Table striped captionSide="top" verticalSpacing="xs">
            <Table.Caption ta="start">{t('trainings.awareness.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.awareness.date')}</Table.Th>
                <Table.Th scope="col">{t('trainings.awareness.venue')}</Table.Th>
                <Table.Th scope="col">{t('trainings.awareness.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.data.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{format.date(s.date)}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {s.venue}
                  </Table.Th>
                  <Table.Td>{s.total}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Title order={2} size="h3">
        {t('trainings.reporter.newSession')}
      </Title>
      <AwarenessSessionForm
        key={report.isSuccess ? report.data.id : 'new'}
        pending={report.isPending}
        submitLabel={t('trainings.awareness.save')}
        onSubmit={(body) => report.mutate(body)}
      >
        {report.isError && <Refusal error={report.error} />}
        {report.isSuccess && (
          <Alert color="#1b6e31" variant="outline" role="status">
            {t('trainings.awareness.saved', { total: report.data.total })}
          </Alert>
        )}
      </AwarenessSessionForm>
    </Stack>
  );
}
