import { Stack, Text } from '@mantine/core';
import { pcode as pcodeSchema } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs, type Crumb } from '../../ui/Breadcrumbs.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { OblastOverview } from './OblastOverview.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { PlaceChildren, PlaceFacts } from './PlaceView.tsx';
import { placeDetailQuery } from './placesApi.ts';
import { SearchResults } from './SearchResults.tsx';
import { usePlaceName } from './usePlaceName.ts';

/** `?q=` in the URL, so a search survives reloads and back/forward. */
function useSearchQuery(): [string, (q: string) => void] {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const setQ = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('q', next);
        else updated.delete('q');
        return updated;
      },
      { replace: true },
    );
  return [q, setQ];
}

function PlaceDetailPage({
  pcode,
  q,
  onSearch,
}: {
  pcode: string;
  q: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  const name = usePlaceName();
  const validCode = pcodeSchema.safeParse(pcode).success;
  const detail = useQuery({ ...placeDetailQuery(pcode), enabled: validCode });

  if (!validCode || detail.isError) {
    return (
      <Stack gap="md" align="flex-start">
        <Breadcrumbs label={t('places.breadcrumbs')} items={[{ label: t('places.root'), to: '/places' }]} />
        <PageTitle>{t('places.title')}</PageTitle>
        <ApiErrorAlert
          error={detail.error ?? new ApiError(404, 'not_found', 'Not a P-code')}
          notFoundText={t('places.notFound', { pcode })}
          onRetry={() => void detail.refetch()}
        />
      </Stack>
    );
  }

  const place = detail.data;
  const crumbs: Crumb[] = [{ label: t('places.root'), to: '/places' }];
  if (place) {
    for (const ancestor of place.ancestors)
      crumbs.push({ label: name(ancestor), to: `/places/${ancestor.pcode}` });
    crumbs.push({ label: name(place) });
  }

  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs label={t('places.breadcrumbs')} items={crumbs} />
        <PageTitle documentTitle={place ? name(place) : pcode}>{place ? name(place) : pcode}</PageTitle>
        {place ? <PlaceFacts place={place} /> : <Loading />}
      </div>
      <PlaceSearch value={q} onSearch={onSearch} />
      {q ? <SearchResults q={q} /> : place && <PlaceChildren place={place} />}
    </Stack>
  );
}

export function PlacesPage() {
  const { t } = useTranslation();
  const { pcode } = useParams();
  const [q, setQ] = useSearchQuery();

  if (pcode) return <PlaceDetailPage key={pcode} pcode={pcode} q={q} onSearch={setQ} />;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('places.title')}</PageTitle>
        <Text maw={760}>{t('places.intro')}</Text>
      </div>
      <PlaceSearch value={q} onSearch={setQ} />
      {q ? <SearchResults q={q} /> : <OblastOverview />}
    </Stack>
  );
}
