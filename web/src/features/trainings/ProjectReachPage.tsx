import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { ReachView } from './ReachView.tsx';
import { useText } from './TrainingBits.tsx';
import { projectReachQuery } from './trainingsApi.ts';

/** A project's cascade reach: distinct people trained across its trainings, plus every audience. */
export function ProjectReachPage() {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [typed, setTyped] = useState(code);
  const reach = useQuery({ ...projectReachQuery(code), enabled: code !== '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) void navigate(`/trainings/reach/${encodeURIComponent(typed.trim())}`);
  };
  return (
    <Stack gap="md">
      <Breadcrumbs
        label={t('trainings.breadcrumbs')}
        items={[
          { label: t('trainings.title'), to: '/trainings' },
          { label: t('trainings.reach.projectTitle') },
        ]}
      />
      <PageTitle>
        {code ? t('trainings.reach.projectOf', { code }) : t('trainings.reach.projectTitle')}
      </PageTitle>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('trainings.fields.projectCode')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
          <Button type="submit">{t('trainings.reach.show')}</Button>
        </Group>
      </form>
      {code &&
        (reach.isError ? (
          <ApiErrorAlert error={reach.error} />
        ) : reach.isPending ? (
          <Loading />
        ) : (
          <>
            <ReachView reach={reach.data} />
            <Title order={2} size="h3">
              {t('trainings.reach.byTraining')}
            </Title>
            {reach.data.events.length === 0 ? (
              <Text>{t('trainings.empty')}</Text>
            ) : (
              <TableScroll label={t('trainings.reach.byTrainingCaption')}>
                <Table striped captionSide="top">
                  <Table.Caption ta="start">{t('trainings.reach.byTrainingCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('trainings.fields.title')}</Table.Th>
                      <Table.Th scope="col">{t('trainings.reach.trainedShort')}</Table.Th>
                      <Table.Th scope="col">{t('trainings.reach.audiencesShort')}</Table.Th>
                      <Table.Th scope="col">{t('trainings.reach.reachShort')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {reach.data.events.map((e) => (
                      <Table.Tr key={e.eventId}>
                        <Table.Th scope="row" fw={400}>
                          <Anchor component={Link} to={`/trainings/${e.eventId}?tab=reach`}>
                            {text(e.title)}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{e.trained.total}</Table.Td>
                        <Table.Td>{e.audiences.total}</Table.Td>
                        <Table.Td>{e.reach}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </>
        ))}
    </Stack>
  );
}
