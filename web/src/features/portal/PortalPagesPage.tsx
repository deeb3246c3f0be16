import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { pagesQuery } from './portalApi.ts';

/** The public site's pages, whether each has changes not yet published. */
export function PortalPagesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const pages = useQuery(pagesQuery());
  const lang = i18n.language === 'en' ? 'en' : 'uk';

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('portal.pagesTitle')}</PageTitle>
        <Text maw={760}>{t('portal.pagesIntro')}</Text>
        <Anchor href={`/${lang}/`} target="_blank" rel="noopener">
          {t('portal.openSite')}
        </Anchor>
      </div>
      {pages.isError ? (
        <ApiErrorAlert error={pages.error} onRetry={() => void pages.refetch()} />
      ) : pages.isPending ? (
        <Loading />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portal.page')}</Table.Th>
                <Table.Th scope="col">{t('portal.state')}</Table.Th>
                <Table.Th scope="col">{t('portal.publishedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pages.data.items.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/portal/pages/${p.key}`}>
                      {t(`portal.pageNames.${p.key}`)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Badge color={p.changed ? 'yellow' : 'green'} variant="light">
                      {p.changed ? t('portal.changed') : t('portal.upToDate')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.publishedAt ? format.dateTime(p.publishedAt) : t('portal.never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
