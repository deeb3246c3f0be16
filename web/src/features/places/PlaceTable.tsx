import { Anchor, Button, Code, Stack, Table, Text } from '@mantine/core';
import type { Place } from '@oselia/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { usePlaceName } from './usePlaceName.ts';

export interface ExtraColumn {
  header: string;
  numeric?: boolean;
  cell: (place: Place) => ReactNode;
}

interface PlaceTableProps {
  caption: string;
  /** Keep the caption for screen readers only (when a heading right above says the same). */
  captionHidden?: boolean;
  places: Place[];
  /** Show the level column (search results mix levels). */
  showLevel?: boolean;
  /** Show "subdivisions" (childCount). */
  showChildren?: boolean;
  extraColumns?: ExtraColumn[];
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
}

/** Places in a table: name (a link to the place), P-code, and optional columns. */
export function PlaceTable({
  caption,
  captionHidden = false,
  places,
  showLevel = false,
  showChildren = true,
  extraColumns = [],
  hasMore = false,
  loadingMore = false,
  onLoadMore,
}: PlaceTableProps) {
  const { t } = useTranslation();
  const name = usePlaceName();
  const format = useFormat();
  return (
    <Stack gap="sm" align="stretch">
      <Table.ScrollContainer minWidth={320}>
        <Table striped highlightOnHover captionSide="top" verticalSpacing="xs">
          <Table.Caption ta="start" fw={600} className={captionHidden ? 'visually-hidden' : undefined}>
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('places.columns.name')}</Table.Th>
              {showLevel && <Table.Th scope="col">{t('places.columns.level')}</Table.Th>}
              <Table.Th scope="col">{t('places.columns.pcode')}</Table.Th>
              {showChildren && (
                <Table.Th scope="col" className="num">
                  {t('places.columns.children')}
                </Table.Th>
              )}
              {extraColumns.map((column) => (
                <Table.Th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {places.map((place) => (
              <Table.Tr key={place.pcode}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/places/${place.pcode}`}>
                    {name(place)}
                  </Anchor>
                </Table.Th>
                {showLevel && <Table.Td>{t(`places.levels.${place.level}`)}</Table.Td>}
                <Table.Td>
                  <Code>{place.pcode}</Code>
                </Table.Td>
                {showChildren && <Table.Td className="num">{format.number(place.childCount)}</Table.Td>}
                {extraColumns.map((column) => (
                  <Table.Td key={column.header} className={column.numeric ? 'num' : undefined}>
                    {column.cell(place)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore && onLoadMore && (
        <Button
          variant="default"
          onClick={onLoadMore}
          loading={loadingMore}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('places.loadMore')}
        </Button>
      )}
      {places.length === 0 && <Text>{t('places.noChildren')}</Text>}
    </Stack>
  );
}
