import {
  Alert,
  Button,
  Code,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { AuditEntry } from '@oselia/contracts';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type AuditFilter, adminApi, auditQuery } from './adminApi.ts';

const TEXT_FILTERS = ['action', 'entityType', 'entityId'] as const;

/** A date field (yyyy-mm-dd, the reader's day) as the start or the end of that day, in ISO form. */
function dayBound(day: string | null, end: boolean): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function filterFrom(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const from = dayBound(params.get('from'), false);
  const to = dayBound(params.get('to'), true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const parts = [
    ['before', entry.before],
    ['after', entry.after],
    ['meta', entry.meta],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
      {parts.map(([key, value]) => (
        <div key={key}>
          <Text fw={600} size="sm" mb={4}>
            {t(`admin.${key}`)}
          </Text>
          {value === null || value === undefined ? (
            <Text size="sm">{t('common.none')}</Text>
          ) : (
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {json(value)}
            </Code>
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: adminApi.verifyAudit });
  const result = verify.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="outline" onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('admin.verify')}
      </Button>
      <div role="status" style={{ width: '100%' }}>
        {result &&
          (result.breaks.length === 0 ? (
            <Alert color="green" variant="outline">
              {t('admin.verifyOk', { checked: result.checked })}
            </Alert>
          ) : (
            <Alert color="red" variant="outline">
              <Text size="sm" fw={600}>
                {t('admin.verifyBroken', { checked: result.checked, n: result.breaks.length })}
              </Text>
              <List size="sm">
                {result.breaks.slice(0, 50).map((b) => (
                  <List.Item key={`${b.seq}:${b.reason}`}>
                    {t('admin.verifyBreak', { seq: b.seq, reason: b.reason })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ))}
      </div>
      {verify.isError && <ApiErrorAlert error={verify.error} />}
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const [draft, setDraft] = useState(() => ({
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  }));
  const [open, setOpen] = useState<Set<number>>(new Set());
  const audit = useInfiniteQuery(auditQuery(filter));
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next[key] = value.trim();
    setParams(next, { replace: true });
  };
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('admin.auditTitle')}</PageTitle>
        <Text maw={760}>{t('admin.auditIntro')}</Text>
      </div>
      <VerifyChain />

      <search aria-label={t('admin.filters')}>
        <form onSubmit={onSubmit}>
          <Title order={2} size="h4" mb="xs">
            {t('admin.filters')}
          </Title>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('admin.action')}
              description={t('admin.actionHint')}
              value={draft.action}
              onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            />
            <TextInput
              label={t('admin.entityType')}
              value={draft.entityType}
              onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })}
            />
            <TextInput
              label={t('admin.entityId')}
              value={draft.entityId}
              onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('admin.from')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('admin.to')}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
            <Button type="submit" variant="outline">
              {t('admin.apply')}
            </Button>
          </Group>
        </form>
      </search>

      {audit.isError ? (
        <ApiErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t('admin.noEntries')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table captionSide="top" verticalSpacing="xs">
            <Table.Caption ta="start" fw={600}>
              {t('admin.auditCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.auditColumns.seq')}</Table.Th>
                <Table.Th scope="col">{t('admin.auditColumns.at')}</Table.Th>
                <Table.Th scope="col">{t('admin.auditColumns.actor')}</Table.Th>
                <Table.Th scope="col">{t('admin.auditColumns.action')}</Table.Th>
                <Table.Th scope="col">{t('admin.auditColumns.entity')}</Table.Th>
                <Table.Th scope="col">{t('admin.auditColumns.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => {
                const expanded = open.has(entry.seq);
                const panelId = `audit-${entry.seq}`;
                return (
                  <Fragment key={entry.seq}>
                    <Table.Tr>
                      <Table.Th scope="row" className="num" fw={400}>
                        {entry.seq}
                      </Table.Th>
                      <Table.Td className="nowrap">{format.dateTime(entry.at)}</Table.Td>
                      <Table.Td>{entry.actorLabel}</Table.Td>
                      <Table.Td>
                        <Code>{entry.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        {entry.entityType}
                        {entry.entityId && (
                          <Text size="xs" ff="monospace" c="dimmed">
                            {entry.entityId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-expanded={expanded}
                          aria-controls={panelId}
                          aria-label={
                            expanded
                              ? t('admin.hideChanges', { seq: entry.seq })
                              : t('admin.showChanges', { seq: entry.seq })
                          }
                          onClick={() => toggle(entry.seq)}
                        >
                          {expanded ? '▲' : '▼'}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr id={panelId}>
                        <Table.Td colSpan={6}>
                          <Changes entry={entry} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void audit.fetchNextPage()}
          loading={audit.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('admin.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
