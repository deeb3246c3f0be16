import { Alert, Anchor, Badge, Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FeedbackItem } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { CategoryBadge, DueDate, FeedbackStatusBadge } from './FeedbackBits.tsx';
import { itemQuery } from './feedbackApi.ts';
import { Actions, type Notice } from './ItemActions.tsx';

/** One item: what was written, the contact (shown only here), its history and what staff may do. */
export function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useQuery(itemQuery(id));
  // Held here, above the item: a change brings a new version, the notice must stay in view.
  const [notice, setNotice] = useState<Notice | null>(null);
  if (item.isError) {
    return (
      <Stack gap="md">
        <BackLink />
        <ApiErrorAlert
          error={item.error}
          onRetry={() => void item.refetch()}
          notFoundText={t('feedback.errors.notFound')}
        />
      </Stack>
    );
  }
  if (item.isPending) return <Loading />;
  return <ItemView item={item.data} notice={notice} setNotice={setNotice} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/feedback">
      {t('feedback.item.back')}
    </Anchor>
  );
}

function ItemView({
  item,
  notice,
  setNotice,
}: {
  item: FeedbackItem;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: session } = useSession();
  const date = (iso: string) => format.dateTime(iso);
  const handle = mayOpen('feedback.handle', session) && item.status !== 'closed';

  const details = [
    { term: t('feedback.item.category'), description: <CategoryBadge category={item.category} /> },
    { term: t('feedback.item.status'), description: <FeedbackStatusBadge status={item.status} /> },
    { term: t('feedback.item.channel'), description: t(`feedback.channels.${item.channel}`) },
    { term: t('feedback.item.received'), description: date(item.createdAt) },
    { term: t('feedback.item.due'), description: <DueDate item={item} format={date} /> },
    { term: t('feedback.item.assignee'), description: item.assigneeName ?? t('feedback.unassigned') },
    {
      term: t('feedback.item.contact'),
      description: item.anonymous
        ? t('feedback.item.anonymous')
        : (item.contact ?? t('feedback.item.noContact')),
    },
    { term: t('feedback.item.language'), description: t(`feedback.record.languages.${item.language}`) },
    ...(item.placePcode ? [{ term: t('feedback.item.place'), description: item.placePcode }] : []),
    ...(item.programme ? [{ term: t('feedback.item.programme'), description: item.programme }] : []),
    ...(item.escalationLevel > 0
      ? [
          {
            term: t('feedback.item.escalation'),
            description: t('feedback.item.escalationOf', {
              level: item.escalationLevel,
              reason: item.escalationReason ?? '',
            }),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="lg">
      <div>
        <BackLink />
        <PageTitle>{t('feedback.item.titleOf', { code: item.referenceCode })}</PageTitle>
      </div>
      {notice &&
        (notice.kind === 'done' ? (
          <Text role="status" c="teal.9" fw={500}>
            <span aria-hidden>✓ </span>
            {notice.text}
          </Text>
        ) : (
          <Alert color="red.9" variant="outline" role="alert">
            {notice.text}
          </Alert>
        ))}

      <section aria-labelledby="fb-text-h">
        <Title order={2} id="fb-text-h" size="h3" mb="xs">
          {t('feedback.item.text')}
        </Title>
        <Blockquote color="gray" p="md" lang={item.language} style={{ whiteSpace: 'pre-wrap' }}>
          {item.text}
        </Blockquote>
      </section>

      <section aria-labelledby="fb-details-h">
        <Title order={2} id="fb-details-h" size="h3" mb="xs">
          {t('feedback.item.details')}
        </Title>
        <DefinitionList items={details} />
      </section>

      {item.status === 'closed' && (
        <Alert color="gray" variant="light" title={t('feedback.item.resolution')}>
          <Stack gap={4}>
            <Text size="sm">
              {item.closedAt && t('feedback.item.closedOn', { date: date(item.closedAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.resolution}
            </Text>
          </Stack>
        </Alert>
      )}

      <History item={item} />

      {handle && <Actions item={item} setNotice={setNotice} />}
      {item.status === 'closed' && <Text size="sm">{t('feedback.item.closedNotice')}</Text>}
    </Stack>
  );
}

/** Answers to the person and internal notes, oldest first, each clearly labelled. */
function History({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="fb-history-h">
      <Title order={2} id="fb-history-h" size="h3" mb="xs">
        {t('feedback.item.history')}
      </Title>
      {item.responses.length === 0 ? (
        <Text size="sm">{t('feedback.item.noHistory')}</Text>
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {item.responses.map((r) => {
            const pub = r.visibility === 'public';
            return (
              <Paper
                component="li"
                key={r.id}
                withBorder
                p="sm"
                bg={pub ? 'teal.0' : 'gray.0'}
                style={{
                  borderInlineStart: `4px ${pub ? 'solid' : 'dashed'} var(--mantine-color-${pub ? 'teal-8' : 'gray-6'})`,
                }}
              >
                <Group gap="xs" mb={4} wrap="wrap">
                  <Badge color={pub ? 'teal.9' : 'gray.8'} variant={pub ? 'filled' : 'outline'}>
                    {pub ? t('feedback.item.public') : t('feedback.item.internal')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {pub ? t('feedback.item.publicHint') : t('feedback.item.internalHint')}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.text}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('feedback.item.byAt', { by: r.by || '—', at: format.dateTime(r.at) })}
                </Text>
              </Paper>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
