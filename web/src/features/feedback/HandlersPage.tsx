import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { FeedbackError, StaffSelect } from './FeedbackBits.tsx';
import { feedbackApi, feedbackKeys, feedbackStaffQuery, handlersQuery } from './feedbackApi.ts';

/** An admin designates who may see sensitive reports (and takes the designation back). */
export function HandlersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handlers = useQuery(handlersQuery());
  const staff = useQuery(feedbackStaffQuery());
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: feedbackKeys.handlers });
    // Who sees sensitive items changed: every list and item may now read differently.
    void queryClient.invalidateQueries({ queryKey: ['feedback', 'list'] });
  };
  const grant = useMutation({
    mutationFn: (u: { id: string; name: string }) => feedbackApi.grantHandler(u.id),
    onMutate: () => setNotice(null),
    onSuccess: (_, u) => {
      setChosen('');
      setNotice(t('feedback.handlers.added', { name: u.name }));
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (u: { id: string; name: string }) => feedbackApi.revokeHandler(u.id),
    onMutate: () => setNotice(null),
    onSuccess: (_, u) => {
      setNotice(t('feedback.handlers.removed', { name: u.name }));
      refresh();
    },
  });

  const designated = new Set(handlers.data?.items.map((h) => h.userId));
  const candidates = (staff.data ?? []).filter((u) => !designated.has(u.id));
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    const u = candidates.find((c) => c.id === chosen);
    if (u) grant.mutate({ id: u.id, name: u.displayName });
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/feedback/stats">
          {t('feedback.stats.title')}
        </Anchor>
        <PageTitle>{t('feedback.handlers.title')}</PageTitle>
        <Text maw={760}>{t('feedback.handlers.intro')}</Text>
      </div>
      {notice && (
        <Text role="status" c="teal.9" fw={500}>
          <span aria-hidden>✓ </span>
          {notice}
        </Text>
      )}
      {handlers.isError ? (
        <ApiErrorAlert error={handlers.error} onRetry={() => void handlers.refetch()} />
      ) : handlers.isPending ? (
        <Loading />
      ) : handlers.data.items.length === 0 ? (
        <Text>{t('feedback.handlers.empty')}</Text>
      ) : (
        <Table striped captionSide="top" verticalSpacing="sm" maw={760}>
          <Table.Caption ta="start" fw={600}>
            {t('feedback.handlers.caption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('feedback.handlers.name')}</Table.Th>
              <Table.Th scope="col">{t('feedback.handlers.since')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('feedback.actions.title')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {handlers.data.items.map((h) => (
              <Table.Tr key={h.userId}>
                <Table.Th scope="row" fw={400}>
                  {h.displayName || h.userId}
                </Table.Th>
                <Table.Td>{format.dateTime(h.grantedAt)}</Table.Td>
                <Table.Td ta="end">
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    loading={revoke.isPending && revoke.variables?.id === h.userId}
                    onClick={() => revoke.mutate({ id: h.userId, name: h.displayName })}
                  >
                    {t('feedback.handlers.remove', { name: h.displayName })}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FeedbackError error={revoke.error} />

      {staff.isError ? (
        <ApiErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      ) : staff.isPending || handlers.isPending ? null : candidates.length === 0 ? (
        <Text size="sm">{t('feedback.handlers.noCandidates')}</Text>
      ) : (
        <form onSubmit={onAdd} noValidate>
          <Stack gap="sm" maw={560}>
            <Group align="flex-end" wrap="wrap">
              <StaffSelect
                label={t('feedback.handlers.user')}
                value={chosen}
                onChange={setChosen}
                staff={candidates}
                withEmail
              />
              <Button type="submit" disabled={!chosen} loading={grant.isPending}>
                {t('feedback.handlers.add')}
              </Button>
            </Group>
            <FeedbackError error={grant.error} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}
