import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { pickText } from '../../ui/forms/formHelpers.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { formsListQuery } from './formsApi.ts';

/** Staff list of form definitions (the latest version of each), with search and the XLSForm import. */
export function FormsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = currentLanguage(i18n.language);
  const { data: session } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const forms = useInfiniteQuery(formsListQuery(q));
  const items = forms.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('formDefs.list.title')}</PageTitle>
        <Text maw={760}>{t('formDefs.list.intro')}</Text>
      </div>
      <Group align="flex-end" justify="space-between">
        <TextInput
          label={t('formDefs.list.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem', maxWidth: '28rem' }}
        />
        {mayOpen('forms.manage', session) && (
          <Button component={Link} to="/forms/import">
            {t('formDefs.list.import')}
          </Button>
        )}
      </Group>
      {forms.isError ? (
        <ApiErrorAlert error={forms.error} onRetry={() => void forms.refetch()} />
      ) : forms.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('formDefs.list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start" fw={600}>
              {t('formDefs.list.caption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('formDefs.list.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('formDefs.list.columns.version')}</Table.Th>
                <Table.Th scope="col">{t('formDefs.list.columns.questions')}</Table.Th>
                <Table.Th scope="col">{t('formDefs.list.columns.languages')}</Table.Th>
                <Table.Th scope="col">{t('formDefs.list.columns.source')}</Table.Th>
                <Table.Th scope="col">{t('formDefs.list.columns.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/forms/${f.id}`}>
                      {pickText(f.title, language)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{f.version}</Table.Td>
                  <Table.Td>{format.number(f.questionCount)}</Table.Td>
                  <Table.Td>{f.languages.map((l) => l.toUpperCase()).join(', ')}</Table.Td>
                  <Table.Td>
                    {t(`formDefs.list.sources.${f.source}`)}
                    {f.sourceName && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        ({f.sourceName})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{format.dateTime(f.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {forms.hasNextPage && (
        <Button
          variant="default"
          loading={forms.isFetchingNextPage}
          onClick={() => void forms.fetchNextPage()}
        >
          {t('formDefs.list.more')}
        </Button>
      )}
    </Stack>
  );
}
