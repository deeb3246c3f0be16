import { type Place, type PlaceLevel, placeDetail, placesPage } from '@oselia/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiGet, apiGetUnchecked } from '../../api/client.ts';

export interface PlacesFilter {
  level?: PlaceLevel;
  parent?: string;
  q?: string;
}

const fetchPage = (filter: PlacesFilter, limit: number, cursor: string | null, signal?: AbortSignal) =>
  apiGet('/places', placesPage, { query: { ...filter, limit, cursor }, signal });

/** One list of places, a page at a time ("Show more"). */
export const placesListQuery = (filter: PlacesFilter, limit = 100) =>
  infiniteQueryOptions({
    queryKey: ['places', 'list', filter, limit],
    queryFn: ({ pageParam, signal }) => fetchPage(filter, limit, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 5 * 60_000,
  });

/** All pages of a (small) list, e.g. the 139 raions. */
async function fetchAll(filter: PlacesFilter, signal?: AbortSignal): Promise<Place[]> {
  const items: Place[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result = await fetchPage(filter, 500, cursor, signal);
    items.push(...result.items);
    cursor = result.next;
    if (!cursor) break;
  }
  return items;
}

export interface OblastStats {
  oblasts: Place[];
  /** Hromadas per oblast P-code: the sum of its raions' `childCount`. */
  hromadas: Map<string, number>;
}

/** Oblasts with their hromada counts, from two requests (all oblasts, all raions). */
export const oblastStatsQuery = () =>
  queryOptions({
    queryKey: ['places', 'oblast-stats'],
    queryFn: async ({ signal }): Promise<OblastStats> => {
      const [oblasts, raions] = await Promise.all([
        fetchAll({ level: 1 }, signal),
        fetchAll({ level: 2 }, signal),
      ]);
      const hromadas = new Map<string, number>();
      for (const raion of raions) {
        if (raion.parentPcode) {
          hromadas.set(raion.parentPcode, (hromadas.get(raion.parentPcode) ?? 0) + raion.childCount);
        }
      }
      return { oblasts, hromadas };
    },
    staleTime: 30 * 60_000,
  });

export const placeDetailQuery = (pcode: string) =>
  queryOptions({
    queryKey: ['places', 'detail', pcode],
    queryFn: ({ signal }) => apiGet(`/places/${encodeURIComponent(pcode)}`, placeDetail, { signal }),
    staleTime: 5 * 60_000,
  });

export interface OblastFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { pcode: string; name_en: string; name_uk: string } }[];
}

function isFeatureCollection(value: unknown): value is OblastFeatureCollection {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; features?: unknown };
  return (
    v.type === 'FeatureCollection' &&
    Array.isArray(v.features) &&
    v.features.every((f: { properties?: { pcode?: unknown } }) => typeof f?.properties?.pcode === 'string')
  );
}

/** Oblast boundaries (GeoJSON) for the choropleth; they do not change, so cached for the session. */
export const oblastShapesQuery = () =>
  queryOptions({
    queryKey: ['places', 'oblasts.geojson'],
    queryFn: async ({ signal }) => {
      const body = await apiGetUnchecked('/places/oblasts.geojson', signal);
      if (!isFeatureCollection(body)) throw new Error('oblasts.geojson is not a FeatureCollection');
      return body;
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
