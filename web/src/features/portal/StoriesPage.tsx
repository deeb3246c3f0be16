import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { type StoryStatus, storyStatus } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { StoryStatusBadge } from './PortalBits.tsx';
import { storiesQuery } from './portalApi.ts';

/** Stories in every state, most recently changed first, filtered by state. */
export function StoriesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const parsed = storyStatus.safeParse(params.get('status'));
  const status: StoryStatus | undefined = parsed.success ? parsed.data : undefined;
  const stories = useQuery(storiesQuery(status));
  const lang = i18n.language === 'en' ? 'en' : 'uk';

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('portal.storiesTitle')}</PageTitle>
        <Text maw={760}>{t('portal.storiesIntro')}</Text>
      </div>
      <Group align="flex-end">
        <NativeSelect
          label={t('portal.statusFilter')}
          value={status ?? ''}
          onChange={(e) => setParams(e.currentTarget.value ? { status: e.currentTarget.value } : {})}
          data={[
            { value: '', label: t('portal.allStatuses') },
            ...storyStatus.options.map((s) => ({ value: s, label: t(`portal.status.${s}`) })),
          ]}
        />
        {mayOpen('portal.manage', session) && (
          <Button component={Link} to="/portal/stories/new">
            {t('portal.newStory')}
          </Button>
        )}
      </Group>
      {stories.isError ? (
        <ApiErrorAlert error={stories.error} onRetry={() => void stories.refetch()} />
      ) : stories.isPending ? (
        <Loading />
      ) : stories.data.items.length === 0 ? (
        <Text>{t('portal.noStories')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing="sm" captionSide="top">
            <Table.Caption ta="start" fw={600}>
              {t('portal.storiesCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portal.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('portal.state')}</Table.Th>
                <Table.Th scope="col">{t('portal.fields.programme')}</Table.Th>
                <Table.Th scope="col">{t('portal.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stories.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/portal/stories/${s.id}`}>
                      {s.title[lang] || s.title.uk}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <StoryStatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td>{t(`portal.programmes.${s.programme}`)}</Table.Td>
                  <Table.Td>{format.dateTime(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
