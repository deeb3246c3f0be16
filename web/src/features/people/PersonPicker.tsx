import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPeopleQuery } from './peopleApi.ts';
import { usePeopleFormat } from './usePeopleFormat.ts';

/** A combobox that finds a person with the people search (names in any spelling, phone, document). */
export function PersonPicker({
  label,
  description,
  value,
  onChange,
  exclude = [],
  error,
}: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  exclude?: string[];
  error?: string;
}) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const results = useQuery(searchPeopleQuery({ q: debounced }, debounced.length >= 2));
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);

  const data = useMemo(() => {
    const items: ComboboxItem[] = (results.data?.items ?? [])
      .filter((h) => !exclude.includes(h.id))
      .map((h) => ({
        value: h.id,
        label: [
          [h.familyName, h.givenName, h.patronymic].filter(Boolean).join(' '),
          h.birthDate ? format.date(h.birthDate) : null,
        ]
          .filter(Boolean)
          .join(', '),
      }));
    if (chosen && !items.some((i) => i.value === chosen.value)) items.unshift(chosen);
    return items;
  }, [results.data, exclude, chosen, format]);

  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next, option) => {
        setChosen(option);
        onChange(next);
      }}
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.length < 2
          ? t('people.placePicker.typeMore')
          : results.isFetching
            ? t('people.placePicker.loading')
            : t('people.noResults')
      }
      error={error}
      autoComplete="off"
      clearButtonProps={{ 'aria-label': t('people.clearSearch') }}
    />
  );
}
