import { Code, Text, Title } from '@mantine/core';
import type { PlaceDetail, PlaceLevel } from '@oselia/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PlaceTable } from './PlaceTable.tsx';
import { placesListQuery } from './placesApi.ts';
import { usePlaceName } from './usePlaceName.ts';

/** Facts about one place. */
export function PlaceFacts({ place }: { place: PlaceDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DefinitionList
      items={[
        { term: t('places.level'), description: t(`places.levels.${place.level}`) },
        { term: t('places.pcode'), description: <Code>{place.pcode}</Code> },
        { term: t('places.nameUk'), description: <span lang="uk">{place.nameUk}</span> },
        { term: t('places.nameEn'), description: <span lang="en">{place.nameEn}</span> },
        ...(place.lat !== null && place.lon !== null
          ? [
              {
                term: t('places.coordinates'),
                description: `${format.coordinate(place.lat)}, ${format.coordinate(place.lon)}`,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The subdivisions of a place, a page at a time. */
export function PlaceChildren({ place }: { place: PlaceDetail }) {
  const { t } = useTranslation();
  const name = usePlaceName();
  const childLevel = (place.level + 1) as PlaceLevel;
  const children = useInfiniteQuery({
    ...placesListQuery({ parent: place.pcode }, 200),
    enabled: place.childCount > 0,
  });

  if (place.level === 4 || place.childCount === 0) return <Text>{t('places.noChildren')}</Text>;

  const headingId = `children-of-${place.pcode}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="xs">
        {t(`places.childrenHeading.${childLevel}`)}
      </Title>
      {children.isPending ? (
        <Loading />
      ) : children.isError ? (
        <ApiErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <PlaceTable
          caption={`${t(`places.childrenHeading.${childLevel}`)}: ${name(place)} (${place.pcode})`}
          places={children.data.pages.flatMap((p) => p.items)}
          showChildren={childLevel < 4}
          hasMore={children.hasNextPage}
          loadingMore={children.isFetchingNextPage}
          onLoadMore={() => void children.fetchNextPage()}
        />
      )}
    </section>
  );
}
