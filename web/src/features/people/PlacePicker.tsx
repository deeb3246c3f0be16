import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Place } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaceName } from '../places/usePlaceName.ts';
import { oblastListQuery, placeQuery, placeSearchQuery } from './peopleApi.ts';

interface PlacePickerProps {
  label: string;
  value: string | null;
  onChange: (pcode: string | null) => void;
  description?: string;
  error?: string;
  id?: string;
}

/** "Жмеринка · Вінницька обл.": the name with its oblast, since the same names recur. */
export function usePlaceLabel() {
  const { t } = useTranslation();
  const name = usePlaceName();
  const oblasts = useQuery(oblastListQuery());
  return (place: { pcode: string; nameUk: string; nameEn: string }) => {
    const oblast = oblasts.data?.find((o) => o.pcode === place.pcode.slice(0, 4));
    if (!oblast || oblast.pcode === place.pcode) return name(place);
    return `${name(place)} · ${t('people.placePicker.oblastOf', { oblast: name(oblast) })}`;
  };
}

/** A place's name (with its oblast) for a P-code; the P-code itself until the name has loaded. */
export function PlaceName({ pcode }: { pcode: string | null }) {
  const { t } = useTranslation();
  const label = usePlaceLabel();
  const place = useQuery(placeQuery(pcode));
  if (!pcode) return <>{t('people.noneRecorded')}</>;
  return <>{place.data ? label(place.data) : pcode}</>;
}

/**
 * A combobox that searches places by name (uk or en) or P-code and shows each with its oblast.
 * The keyboard works as in any listbox: arrows, Enter, Escape.
 */
export function PlacePicker({ label, value, onChange, description, error, id }: PlacePickerProps) {
  const { t } = useTranslation();
  const placeLabel = usePlaceLabel();
  const [search, setSearch] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search ?? '', 250);
  const results = useQuery(placeSearchQuery(debounced));
  const selected = useQuery(placeQuery(value));

  const data = useMemo(() => {
    const items: ComboboxItem[] = [];
    const seen = new Set<string>();
    const add = (p: Pick<Place, 'pcode' | 'nameUk' | 'nameEn'>) => {
      if (seen.has(p.pcode)) return;
      seen.add(p.pcode);
      items.push({ value: p.pcode, label: placeLabel(p) });
    };
    const fromResults = results.data?.find((p) => p.pcode === value);
    if (value && (selected.data ?? fromResults)) add((selected.data ?? fromResults)!);
    else if (value) {
      seen.add(value);
      items.push({ value, label: value });
    }
    for (const p of results.data ?? []) add(p);
    return items;
  }, [results.data, selected.data, value, placeLabel]);

  const typed = (search ?? '').trim();
  const nothingFound =
    typed.length < 2
      ? t('people.placePicker.typeMore')
      : results.isFetching
        ? t('people.placePicker.loading')
        : t('people.placePicker.nothingFound');

  return (
    <Select
      id={id}
      label={label}
      description={description ?? t('people.placePicker.description')}
      error={error}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search ?? (value ? (data.find((d) => d.value === value)?.label ?? '') : '')}
      onSearchChange={(text) => {
        // Choosing an option writes its label into the box; that is not a new search.
        const chosen = value ? data.find((d) => d.value === value)?.label : undefined;
        setSearch(text === chosen ? null : text);
      }}
      onChange={(next) => {
        onChange(next);
        setSearch(null);
      }}
      onBlur={() => setSearch(null)}
      // The server already searched; every answer it gave is a match.
      filter={({ options }) => options}
      nothingFoundMessage={nothingFound}
      autoComplete="off"
      clearButtonProps={{ 'aria-label': t('people.clearSearch') }}
    />
  );
}
