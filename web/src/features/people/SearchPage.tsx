import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { usePlaceName } from '../places/usePlaceName.ts';
import { POPULATION_GROUPS, VULNERABILITIES } from './MemberFields.tsx';
import { PlaceName } from './PlacePicker.tsx';
import classes from './people.module.css';
import { oblastListQuery, type PeopleFilter, searchPeopleQuery } from './peopleApi.ts';
import { usePeopleFormat } from './usePeopleFormat.ts';

const FILTER_KEYS = ['oblast', 'populationGroup', 'vulnerability', 'disability', 'minHouseholdSize'] as const;

function filterFrom(params: URLSearchParams): PeopleFilter {
  const filter: PeopleFilter = {};
  const q = params.get('q')?.trim();
  if (q) filter.q = q;
  const oblast = params.get('oblast');
  if (oblast && /^UA\d{2}$/.test(oblast)) filter.oblast = oblast;
  const group = params.get('populationGroup');
  if (group && (POPULATION_GROUPS as readonly string[]).includes(group)) filter.populationGroup = group;
  const vulnerability = params.get('vulnerability');
  if (vulnerability && (VULNERABILITIES as readonly string[]).includes(vulnerability))
    filter.vulnerability = vulnerability;
  const disability = params.get('disability');
  if (disability === 'true' || disability === 'false') filter.disability = disability;
  const size = Number(params.get('minHouseholdSize'));
  if (Number.isInteger(size) && size >= 1 && size <= 30) filter.minHouseholdSize = size;
  return filter;
}

export function SearchPage() {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const placeName = usePlaceName();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const hasFilters = FILTER_KEYS.some((k) => filter[k] !== undefined);
  const active = !!filter.q || hasFilters;
  const results = useQuery(searchPeopleQuery(filter, active));
  const oblasts = useQuery(oblastListQuery());
  const { data: session } = useSession();
  const [text, setText] = useState(filter.q ?? '');
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(hasFilters);
  const filtersId = useId();

  // Back and forward change the URL: the box follows it.
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam({ q: text.trim() || null });
  };

  const items = results.data?.items ?? [];

  return (
    <Stack gap="md" maw={900}>
      <PageTitle>{t('people.searchTitle')}</PageTitle>
      <Text>{t('people.searchIntro')}</Text>
      {(mayOpen('people.write', session) || mayOpen('people.import', session)) && (
        <Group gap="sm">
          {mayOpen('people.write', session) && (
            <>
              <Button component={Link} to="/people/register" variant="light">
                {t('people.registerHousehold')}
              </Button>
              <Button component={Link} to="/people/register/person" variant="subtle">
                {t('people.registerPerson')}
              </Button>
            </>
          )}
          {mayOpen('people.import', session) && (
            <Button component={Link} to="/people/import" variant="subtle">
              {t('peopleImport.title')}
            </Button>
          )}
        </Group>
      )}

      <search>
        <form onSubmit={onSearch}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              type="search"
              label={t('people.searchLabel')}
              description={t('people.searchDescription')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: 1 }}
              autoComplete="off"
              rightSection={
                text ? (
                  <CloseButton
                    aria-label={t('people.clearSearch')}
                    onClick={() => {
                      setText('');
                      setParam({ q: null });
                    }}
                  />
                ) : null
              }
            />
            <Button type="submit">{t('people.searchButton')}</Button>
          </Group>
        </form>
      </search>

      <div>
        <Button
          variant="subtle"
          px={0}
          onClick={toggleFilters}
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
        >
          {t('people.filters')}
          {hasFilters ? ` (${FILTER_KEYS.filter((k) => filter[k] !== undefined).length})` : ''}
        </Button>
        <Collapse expanded={filtersOpen} id={filtersId}>
          <Paper withBorder p="sm" mt="xs">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <NativeSelect
                label={t('people.oblast')}
                value={filter.oblast ?? ''}
                onChange={(e) => setParam({ oblast: e.currentTarget.value })}
                data={[
                  { value: '', label: t('people.anyOption') },
                  ...(oblasts.data ?? []).map((o) => ({ value: o.pcode, label: placeName(o) })),
                ]}
              />
              <NativeSelect
                label={t('people.populationGroup')}
                value={filter.populationGroup ?? ''}
                onChange={(e) => setParam({ populationGroup: e.currentTarget.value })}
                data={[
                  { value: '', label: t('people.anyOption') },
                  ...POPULATION_GROUPS.map((g) => ({ value: g, label: t(`people.populationGroups.${g}`) })),
                ]}
              />
              <NativeSelect
                label={t('people.vulnerabilitiesLegend')}
                value={filter.vulnerability ?? ''}
                onChange={(e) => setParam({ vulnerability: e.currentTarget.value })}
                data={[
                  { value: '', label: t('people.anyOption') },
                  ...VULNERABILITIES.map((v) => ({ value: v, label: t(`people.vulnerabilities.${v}`) })),
                ]}
              />
              <NativeSelect
                label={t('people.disability')}
                value={filter.disability ?? ''}
                onChange={(e) => setParam({ disability: e.currentTarget.value })}
                data={[
                  { value: '', label: t('people.anyOption') },
                  { value: 'true', label: t('people.disabilityYes') },
                  { value: 'false', label: t('people.disabilityNo') },
                ]}
              />
              <NativeSelect
                label={t('people.minHouseholdSize')}
                value={filter.minHouseholdSize ? String(filter.minHouseholdSize) : ''}
                onChange={(e) => setParam({ minHouseholdSize: e.currentTarget.value })}
                data={[
                  { value: '', label: t('people.anyOption') },
                  ...[2, 3, 4, 5, 6, 8, 10].map((n) => ({ value: String(n), label: String(n) })),
                ]}
              />
            </SimpleGrid>
            {hasFilters && (
              <Button
                variant="subtle"
                mt="sm"
                onClick={() => setParam(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}
              >
                {t('people.resetFilters')}
              </Button>
            )}
          </Paper>
        </Collapse>
      </div>

      <section aria-labelledby="people-results-heading">
        <Title order={2} id="people-results-heading" mb="xs">
          {t('people.resultsHeading')}
        </Title>
        <Text role="status" size="sm" mb="xs">
          {results.isSuccess ? t('people.resultsCount', { n: format.number(items.length) }) : ''}
        </Text>
        {!active ? (
          <Text>{t('people.startSearch')}</Text>
        ) : results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : items.length === 0 ? (
          <Text>{t('people.noResults')}</Text>
        ) : (
          <ul className={classes.results}>
            {items.map((hit) => (
              <li key={hit.id}>
                <Paper withBorder p="sm">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Anchor component={Link} to={`/people/${hit.id}`} fw={600}>
                      {[hit.familyName, hit.givenName, hit.patronymic].filter(Boolean).join(' ')}
                    </Anchor>
                    <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                      {t(`people.matchedOn.${hit.matchedOn}`)}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {[
                      hit.birthDate ? format.date(hit.birthDate) : null,
                      t(`people.sexes.${hit.sex}`),
                      hit.householdSize ? t('people.householdSizeShort', { n: hit.householdSize }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {hit.currentPcode && (
                    <Text size="sm">
                      <PlaceName pcode={hit.currentPcode} />
                    </Text>
                  )}
                </Paper>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Stack>
  );
}
