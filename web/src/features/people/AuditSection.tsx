import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { personAuditQuery } from './peopleApi.ts';
import { TableScroll } from './TableScroll.tsx';
import { usePeopleFormat } from './usePeopleFormat.ts';

/** Who opened or changed this record (administrators only; the server checks too). */
export function AuditSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const audit = useQuery(personAuditQuery(personId));
  const entries = audit.data?.items ?? [];
  return (
    <section aria-labelledby="audit-heading" id="audit">
      <Title order={2} id="audit-heading" mb="xs">
        {t('people.audit')}
      </Title>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ApiErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <Text>{t('people.noAudit')}</Text>
      ) : (
        <TableScroll label={t('people.auditCaption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('people.auditCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.when')}</Table.Th>
                <Table.Th scope="col">{t('people.auditAction')}</Table.Th>
                <Table.Th scope="col">{t('people.auditActor')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.at)}</Table.Td>
                  <Table.Td>
                    <code>{e.action}</code>
                  </Table.Td>
                  <Table.Td>{e.actorLabel}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
