import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReachBreakdown } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';

const BANDS = [
  ['0-17', 'b0'],
  ['18-59', 'b18'],
  ['60+', 'b60'],
  ['unknown', 'unknown'],
] as const;

/** The cascade reach and where it comes from: people trained + the audiences alumni reached. */
export function ReachView({ reach, headingLevel = 2 }: { reach: ReachBreakdown; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const a = reach.audiences;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('trainings.reach.equation')}
        </Text>
        <Text
          fz={28}
          fw={700}
          data-testid="reach-equation"
          aria-label={t('trainings.reach.equationLabel', {
            trained: reach.trained.total,
            audiences: a.total,
            reach: reach.reach,
          })}
        >
          {`${number(reach.trained.total)} + ${number(a.total)} = ${number(reach.reach)}`}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Title order={headingLevel} size="h4" mb="xs">
            {t('trainings.reach.trained', { n: reach.trained.total })}
          </Title>
          <Table captionSide="top" verticalSpacing={4}>
            <Table.Caption ta="start">{t('trainings.reach.trainedCaption')}</Table.Caption>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('trainings.reach.female')}</Table.Th>
                <Table.Td>{reach.trained.female}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('trainings.reach.male')}</Table.Th>
                <Table.Td>{reach.trained.male}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('trainings.reach.otherSex')}</Table.Th>
                <Table.Td>{reach.trained.otherOrUnknown}</Table.Td>
              </Table.Tr>
              {BANDS.map(([band, key]) => (
                <Table.Tr key={band}>
                  <Table.Th scope="row">{t(`trainings.reach.bands.${key}`)}</Table.Th>
                  <Table.Td>{reach.trained.byAgeBand[band]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Title order={headingLevel} size="h4" mb="xs">
            {t('trainings.reach.audiences', { n: a.total, sessions: a.sessions })}
          </Title>
          <Table captionSide="top" verticalSpacing={4}>
            <Table.Caption ta="start">{t('trainings.reach.audiencesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.reach.sex')}</Table.Th>
                <Table.Th scope="col">{t('trainings.reach.bands.b0')}</Table.Th>
                <Table.Th scope="col">{t('trainings.reach.bands.b18')}</Table.Th>
                <Table.Th scope="col">{t('trainings.reach.bands.b60')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('trainings.reach.female')}</Table.Th>
                <Table.Td>{a.f_0_17}</Table.Td>
                <Table.Td>{a.f_18_59}</Table.Td>
                <Table.Td>{a.f_60_plus}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('trainings.reach.male')}</Table.Th>
                <Table.Td>{a.m_0_17}</Table.Td>
                <Table.Td>{a.m_18_59}</Table.Td>
                <Table.Td>{a.m_60_plus}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('trainings.reach.howCounted')}
      </Text>
    </Stack>
  );
}
