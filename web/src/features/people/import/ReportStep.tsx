import { Alert, Button, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportReport, PeopleImport } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../../ui/format.ts';
import { PageNav } from '../../../ui/PageNav.tsx';
import { TableScroll } from '../TableScroll.tsx';
import { ImportCounts } from './ImportCounts.tsx';
import { STEP_HEADING_ID } from './ImportSteps.tsx';
import { dryRunImport, importKeys, startImport } from './importApi.ts';
import { errorsByColumn, rowMessage } from './importRules.ts';

const ERRORS_PER_PAGE = 50;
const DUPLICATES_SHOWN = 20;

/**
 * Step 3: what the dry run found, row by row and column by column. Nothing is imported until the
 * officer starts the import, and a file with bad rows only goes in once they choose to skip them.
 */
export function ReportStep({ imp, onRemap }: { imp: PeopleImport; onRemap: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [skip, setSkip] = useState(false);
  const report = imp.report;
  const refresh = () => queryClient.invalidateQueries({ queryKey: importKeys.one(imp.id) });

  const start = useMutation({ mutationFn: () => startImport(imp.id, skip), onSettled: refresh });
  // After a failed import the staged rows may no longer hold: the file is checked again first.
  const recheck = useMutation({ mutationFn: () => dryRunImport(imp.id), onSettled: refresh });

  return (
    <section aria-labelledby={STEP_HEADING_ID}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={STEP_HEADING_ID} tabIndex={-1}>
            {t('peopleImport.reportTitle')}
          </Title>
          {report && (
            <Text size="sm" c="dimmed">
              {t('peopleImport.checkedAt', { time: format.dateTime(report.validatedAt) })}
            </Text>
          )}
        </div>

        {imp.status === 'failed' && (
          <Alert color="red" variant="outline" role="alert" title={t('peopleImport.failedTitle')}>
            <Stack gap="xs" align="flex-start">
              {imp.error && <Text size="sm">{t('peopleImport.failedBody', { error: imp.error })}</Text>}
              <Button size="xs" onClick={() => recheck.mutate()} loading={recheck.isPending}>
                {t('peopleImport.checkAgain')}
              </Button>
            </Stack>
          </Alert>
        )}
        {recheck.isError && <ApiErrorAlert error={recheck.error} />}

        {report && (
          <>
            <ImportCounts
              items={[
                { label: t('peopleImport.counts.totalRows'), value: report.totalRows },
                { label: t('peopleImport.counts.validRows'), value: report.validRows },
                { label: t('peopleImport.counts.invalidRows'), value: report.invalidRows },
                { label: t('peopleImport.counts.alreadyPresent'), value: report.alreadyPresent },
                { label: t('peopleImport.counts.households'), value: report.households },
                { label: t('peopleImport.counts.duplicates'), value: report.duplicates.length },
              ]}
            />
            {report.invalidRows === 0 ? (
              <Alert color="green" variant="outline">
                {t('peopleImport.allValid')}
              </Alert>
            ) : (
              <Alert color="orange" variant="outline">
                {t('peopleImport.someInvalid', { count: format.number(report.invalidRows) })}
              </Alert>
            )}
            {report.errors.length > 0 && <ErrorTable report={report} />}
            {report.duplicates.length > 0 && <Duplicates report={report} />}
          </>
        )}

        <Group gap="sm">
          <Button variant="light" onClick={onRemap}>
            {t('peopleImport.changeMapping')}
          </Button>
          <Button component={Link} to="/people/import" variant="subtle">
            {t('peopleImport.uploadCorrected')}
          </Button>
        </Group>

        {report && imp.status === 'validated' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate();
            }}
          >
            <Stack gap="sm" align="flex-start">
              {report.invalidRows > 0 && (
                <Checkbox
                  label={t('peopleImport.skipInvalid', { count: format.number(report.invalidRows) })}
                  description={t('peopleImport.skipInvalidHint')}
                  checked={skip}
                  onChange={(e) => setSkip(e.currentTarget.checked)}
                />
              )}
              {report.validRows === 0 && <Text size="sm">{t('peopleImport.nothingToImport')}</Text>}
              <Button
                type="submit"
                loading={start.isPending}
                disabled={report.validRows === 0 || (report.invalidRows > 0 && !skip)}
              >
                {t('peopleImport.start')}
              </Button>
              {start.isError && <ApiErrorAlert error={start.error} />}
            </Stack>
          </form>
        )}
      </Stack>
    </section>
  );
}

function ErrorTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const pages = Math.ceil(report.errors.length / ERRORS_PER_PAGE);
  const from = (page - 1) * ERRORS_PER_PAGE;
  const shown = report.errors.slice(from, from + ERRORS_PER_PAGE);
  const columnName = (c: string | null) => c ?? t('peopleImport.wholeRow');

  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t('peopleImport.errorsTitle')}
      </Title>
      <Text size="sm" fw={700}>
        {t('peopleImport.errorsByColumn')}
      </Text>
      <List size="sm" mb="sm">
        {errorsByColumn(report.errors).map(({ column, count }) => (
          <List.Item key={column ?? ''}>
            {columnName(column)}: {format.number(count)}
          </List.Item>
        ))}
      </List>
      {report.errorCount > report.errors.length && (
        <Text size="sm" mb="xs">
          {t('peopleImport.errorsTruncated', {
            shown: format.number(report.errors.length),
            total: format.number(report.errorCount),
          })}
        </Text>
      )}
      <TableScroll label={t('peopleImport.errorsTitle')}>
        <Table captionSide="top" verticalSpacing="xs" striped>
          <Table.Caption ta="start">
            {t('peopleImport.errorsShown', {
              from: format.number(from + 1),
              to: format.number(from + shown.length),
              total: format.number(report.errors.length),
            })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('peopleImport.row')}</Table.Th>
              <Table.Th scope="col">{t('peopleImport.column')}</Table.Th>
              <Table.Th scope="col">{t('peopleImport.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several errors in one column
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{columnName(e.column)}</Table.Td>
                <Table.Td>{rowMessage(t, e.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <PageNav label={t('peopleImport.errorsPages')} pages={pages} page={page} onChange={setPage} />
    </div>
  );
}

function Duplicates({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = report.duplicates.slice(0, DUPLICATES_SHOWN);
  const more = report.duplicates.length - shown.length;
  return (
    <section aria-labelledby="import-duplicates-heading">
      <Title order={3} size="h4" id="import-duplicates-heading" mb="xs">
        {t('peopleImport.duplicatesTitle')}
      </Title>
      <List size="sm">
        {shown.map((d) => (
          <List.Item key={`${d.row}-${d.sameAsRow}`}>
            {d.reason === 'same_row'
              ? t('peopleImport.sameRow', { row: d.row, sameAsRow: d.sameAsRow })
              : t('peopleImport.sameIdentifier', { row: d.row, sameAsRow: d.sameAsRow })}
          </List.Item>
        ))}
      </List>
      {more > 0 && <Text size="sm">{t('peopleImport.moreDuplicates', { count: format.number(more) })}</Text>}
    </section>
  );
}
