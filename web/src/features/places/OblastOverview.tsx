import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { OblastMap } from './OblastMap.tsx';
import { PlaceTable } from './PlaceTable.tsx';
import { oblastStatsQuery } from './placesApi.ts';

/** The places start page: the oblast map and, as its accessible twin, the table of oblasts. */
export function OblastOverview() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const stats = useQuery(oblastStatsQuery());

  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ApiErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;

  const { oblasts, hromadas } = stats.data;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <section aria-labelledby="oblast-map-heading">
        <Stack gap="xs">
          <Title order={2} id="oblast-map-heading">
            {t('places.mapHeading')}
          </Title>
          <Text size="sm">{t('places.mapDescription')}</Text>
          <OblastMap oblasts={oblasts} values={hromadas} onSelect={(pcode) => navigate(`/places/${pcode}`)} />
        </Stack>
      </section>
      <section aria-labelledby="oblast-list-heading">
        <Title order={2} id="oblast-list-heading" mb="xs">
          {t('places.childrenHeading.1')}
        </Title>
        <PlaceTable
          caption={t('places.tableCaption')}
          places={oblasts}
          showChildren={false}
          extraColumns={[
            { header: t('places.columns.raions'), numeric: true, cell: (p) => format.number(p.childCount) },
            {
              header: t('places.columns.hromadas'),
              numeric: true,
              cell: (p) => format.number(hromadas.get(p.pcode) ?? 0),
            },
          ]}
        />
      </section>
    </SimpleGrid>
  );
}
