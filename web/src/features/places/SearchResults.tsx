import { Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PlaceTable } from './PlaceTable.tsx';
import { oblastStatsQuery, placesListQuery } from './placesApi.ts';
import { usePlaceName } from './usePlaceName.ts';

/** Places of every level whose names or P-codes match `q`. */
export function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = usePlaceName();
  const results = useInfiniteQuery(placesListQuery({ q }, 50));
  // Same names recur across Ukraine; the oblast (first four characters of the P-code) tells them apart.
  const oblasts = useQuery(oblastStatsQuery());
  const oblastOf = (pcode: string) => {
    const oblast = oblasts.data?.oblasts.find((o) => o.pcode === pcode.slice(0, 4));
    return oblast && oblast.pcode !== pcode ? name(oblast) : t('common.none');
  };
  const heading = t('places.resultsHeading', { q });
  const places = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="search-results-heading">
      <Title order={2} id="search-results-heading" mb="xs">
        {heading}
      </Title>
      <Text role="status" size="sm" mb="xs">
        {results.isSuccess && places.length > 0
          ? t('places.resultsCount', {
              n: `${format.number(places.length)}${results.hasNextPage ? '+' : ''}`,
            })
          : ''}
      </Text>
      <div>
        {results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : places.length === 0 ? (
          <Text>{t('places.noResults')}</Text>
        ) : (
          <PlaceTable
            caption={heading}
            captionHidden
            places={places}
            showLevel
            showChildren={false}
            extraColumns={[{ header: t('places.columns.oblast'), cell: (p) => oblastOf(p.pcode) }]}
            hasMore={results.hasNextPage}
            loadingMore={results.isFetchingNextPage}
            onLoadMore={() => void results.fetchNextPage()}
          />
        )}
      </div>
    </section>
  );
}
