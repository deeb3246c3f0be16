import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FeedbackSummary, feedbackCategory, feedbackStatus } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageNav } from '../../ui/PageNav.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { CategoryBadge, DueDate, FeedbackStatusBadge } from './FeedbackBits.tsx';
import { QUEUE_PAGE, type QueueFilter, queueQuery } from './feedbackApi.ts';
import { RecordForm } from './RecordForm.tsx';

/** The filters from the page address; anything unknown is ignored. */
export function filterFrom(params: URLSearchParams): QueueFilter {
  const category = feedbackCategory.safeParse(params.get('category'));
  const status = feedbackStatus.safeParse(params.get('status'));
  const assignee = params.get('assignee');
  const reference = params.get('reference')?.trim().slice(0, 30);
  const page = Number(params.get('page'));
  return {
    ...(category.success ? { category: category.data } : {}),
    ...(status.success ? { status: status.data } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: true } : {}),
    ...(params.get('escalated') === 'true' ? { escalated: true } : {}),
    ...(assignee === 'me' || assignee === 'none' ? { assignee } : {}),
    ...(reference ? { reference } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

function paramsOf(filter: QueueFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) out[key] = String(value);
  return out;
}

/** The staff queue of feedback and complaints: escalated first, then by due date. */
export function QueuePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const queue = useQuery(queueQuery(filter));
  const phone = useMediaQuery('(max-width: 47.99em)', false);
  const [recording, setRecording] = useState(false);
  const set = (change: Partial<QueueFilter>) => {
    // Another filter starts again from the first page.
    const next: QueueFilter = { ...filter, page: undefined, ...change };
    for (const key of Object.keys(next) as (keyof QueueFilter)[]) if (!next[key]) delete next[key];
    setParams(paramsOf(next), { replace: true });
  };
  const filtered = Object.keys(filter).some((key) => key !== 'page');
  const [typed, setTyped] = useState(filter.reference ?? '');
  const page = filter.page ?? 1;
  const referenceError = isApiError(queue.error) && queue.error.status === 400 && filter.reference;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('feedback.title')}</PageTitle>
        <Text maw={760}>{t('feedback.intro')}</Text>
      </div>
      <Group>
        {mayOpen('feedback.handle', session) && !recording && (
          <Button onClick={() => setRecording(true)}>{t('feedback.record.open')}</Button>
        )}
        {mayOpen('feedback.stats', session) && (
          <Anchor component={Link} to="/feedback/stats">
            {t('feedback.statsLink')}
          </Anchor>
        )}
        {mayOpen('feedback.designate', session) && (
          <Anchor component={Link} to="/feedback/handlers">
            {t('feedback.handlersLink')}
          </Anchor>
        )}
      </Group>
      {recording && <RecordForm onDone={() => setRecording(false)} />}

      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            set({ reference: typed.trim() || undefined });
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('feedback.filters.reference')}
              description={t('feedback.filters.referenceHint')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={referenceError ? t('feedback.filters.referenceInvalid') : undefined}
              maxLength={30}
              autoComplete="off"
              spellCheck={false}
              ff="monospace"
            />
            <Button type="submit" variant="light">
              {t('feedback.filters.find')}
            </Button>
          </Group>
        </form>
      </search>

      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">{t('feedback.filters.legend')}</legend>
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={t('feedback.filters.category')}
            value={filter.category ?? ''}
            onChange={(e) =>
              set({ category: feedbackCategory.safeParse(e.currentTarget.value).data ?? undefined })
            }
            data={[
              { value: '', label: t('feedback.filters.allCategories') },
              ...feedbackCategory.options.map((c) => ({ value: c, label: t(`feedback.categories.${c}`) })),
            ]}
          />
          <NativeSelect
            label={t('feedback.filters.status')}
            value={filter.status ?? ''}
            onChange={(e) =>
              set({ status: feedbackStatus.safeParse(e.currentTarget.value).data ?? undefined })
            }
            data={[
              { value: '', label: t('feedback.filters.allStatuses') },
              ...feedbackStatus.options.map((s) => ({ value: s, label: t(`feedback.statuses.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('feedback.filters.assignee')}
            value={filter.assignee ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set({ assignee: v === 'me' || v === 'none' ? v : undefined });
            }}
            data={[
              { value: '', label: t('feedback.filters.anyone') },
              { value: 'me', label: t('feedback.filters.me') },
              { value: 'none', label: t('feedback.filters.nobody') },
            ]}
          />
          <Stack gap={6} pb={4}>
            <Checkbox
              label={t('feedback.filters.overdue')}
              checked={filter.overdue === true}
              onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })}
            />
            <Checkbox
              label={t('feedback.filters.escalated')}
              checked={filter.escalated === true}
              onChange={(e) => set({ escalated: e.currentTarget.checked || undefined })}
            />
          </Stack>
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setTyped('');
                setParams({}, { replace: true });
              }}
            >
              {t('feedback.filters.clear')}
            </Button>
          )}
        </Group>
      </fieldset>

      {referenceError ? null : queue.isError ? (
        <ApiErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.isPending ? (
        <Loading />
      ) : queue.data.items.length === 0 ? (
        <Text role="status">{t('feedback.empty')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" role="status">
            {t('feedback.shown', {
              from: (page - 1) * QUEUE_PAGE + 1,
              to: (page - 1) * QUEUE_PAGE + queue.data.items.length,
              total: queue.data.total,
            })}
          </Text>
          {phone ? <QueueCards items={queue.data.items} /> : <QueueTable items={queue.data.items} />}
          <PageNav
            label={t('feedback.pages')}
            pages={Math.ceil(queue.data.total / QUEUE_PAGE)}
            page={page}
            onChange={(p) => setParams(paramsOf({ ...filter, page: p > 1 ? p : undefined }))}
          />
        </Stack>
      )}
    </Stack>
  );
}

function useCells() {
  const { t } = useTranslation();
  const format = useFormat();
  const date = (iso: string) => format.dateTime(iso);
  return {
    date,
    assignee: (item: FeedbackSummary) => item.assigneeName ?? t('feedback.unassigned'),
    escalation: (item: FeedbackSummary) =>
      item.escalationLevel > 0 ? (
        <Text size="xs" fw={700}>
          <span aria-hidden>▲ </span>
          {t('feedback.escalated', { level: item.escalationLevel })}
        </Text>
      ) : null,
  };
}

function QueueTable({ items }: { items: FeedbackSummary[] }) {
  const { t } = useTranslation();
  const cells = useCells();
  return (
    <TableScroll label={t('feedback.caption')}>
      <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
        <Table.Caption ta="start" fw={600}>
          {t('feedback.caption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('feedback.columns.reference')}</Table.Th>
            <Table.Th scope="col">{t('feedback.columns.category')}</Table.Th>
            <Table.Th scope="col">{t('feedback.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('feedback.columns.received')}</Table.Th>
            <Table.Th scope="col">{t('feedback.columns.due')}</Table.Th>
            <Table.Th scope="col">{t('feedback.columns.assignee')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/feedback/${item.id}`} ff="monospace">
                  {item.referenceCode}
                </Anchor>
                {cells.escalation(item)}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <CategoryBadge category={item.category} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <FeedbackStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{cells.date(item.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <DueDate item={item} format={cells.date} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{cells.assignee(item)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** On a phone: one card per item, the same facts stacked. */
function QueueCards({ items }: { items: FeedbackSummary[] }) {
  const { t } = useTranslation();
  const cells = useCells();
  return (
    <SimpleGrid cols={1} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <Card component="li" key={item.id} withBorder padding="sm">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={`/feedback/${item.id}`} ff="monospace" fw={600}>
                {item.referenceCode}
              </Anchor>
              <FeedbackStatusBadge status={item.status} />
            </Group>
            <Group gap="xs">
              <CategoryBadge category={item.category} />
              {cells.escalation(item)}
            </Group>
            <dl style={{ margin: 0 }}>
              <CardRow term={t('feedback.columns.received')}>
                <Text size="sm">{cells.date(item.createdAt)}</Text>
              </CardRow>
              <CardRow term={t('feedback.columns.due')}>
                <DueDate item={item} format={cells.date} />
              </CardRow>
              <CardRow term={t('feedback.columns.assignee')}>
                <Text size="sm">{cells.assignee(item)}</Text>
              </CardRow>
            </dl>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function CardRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text component="dt" size="sm" c="dimmed" miw="7.5rem">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ flex: 1 }}>
        {children}
      </Text>
    </Group>
  );
}
