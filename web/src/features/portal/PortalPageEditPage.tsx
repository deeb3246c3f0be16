import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import {
  type PortalPage,
  type PortalPageContent,
  type PortalPageKey,
  portalPageKey,
} from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { BilingualFields, PortalError, PreviewFrame } from './PortalBits.tsx';
import { pagePreviewUrl, pageQuery, portalApi, portalKeys } from './portalApi.ts';

/** One page of the public site: its texts in both languages, a preview of the saved draft, publishing. */
export function PortalPageEditPage() {
  const { t } = useTranslation();
  const params = useParams();
  const parsed = portalPageKey.safeParse(params.key);
  if (!parsed.success) return <Alert color="gray">{t('errors.genericTitle')}</Alert>;
  return <PageEditor pageKey={parsed.data} />;
}

function PageEditor({ pageKey }: { pageKey: PortalPageKey }) {
  const { t } = useTranslation();
  const page = useQuery(pageQuery(pageKey));
  // Held here: the form below starts afresh with each saved version, the notice must outlive it.
  const [notice, setNotice] = useState<string | null>(null);
  if (page.isError) return <ApiErrorAlert error={page.error} onRetry={() => void page.refetch()} />;
  if (page.isPending) return <Loading />;
  return (
    <PageForm
      key={page.data.version}
      page={page.data}
      title={t(`portal.pageNames.${pageKey}`)}
      notice={notice}
      setNotice={setNotice}
    />
  );
}

function PageForm({
  page,
  title,
  notice,
  setNotice,
}: {
  page: PortalPage;
  title: string;
  notice: string | null;
  setNotice: (notice: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [draft, setDraft] = useState<PortalPageContent>(page.draft);

  const refresh = (next: PortalPage) => {
    queryClient.setQueryData(portalKeys.page(page.key), next);
    void queryClient.invalidateQueries({ queryKey: portalKeys.pages });
  };
  const save = useMutation({
    mutationFn: () => portalApi.savePage(page.key, page.version, draft),
    onSuccess: (next) => {
      refresh(next);
      setNotice(t('portal.saved'));
    },
  });
  const publish = useMutation({
    // What is on the screen is what gets published: it is saved first.
    mutationFn: async () => {
      const saved = await portalApi.savePage(page.key, page.version, draft);
      return portalApi.publishPage(page.key, saved.version);
    },
    onSuccess: (next) => {
      refresh(next);
      setNotice(t('portal.published'));
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    save.mutate();
  };
  const set = (field: keyof PortalPageContent) => (value: PortalPageContent[typeof field]) =>
    setDraft((d) => ({ ...d, [field]: value }));

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal/pages">
          {t('portal.backToPages')}
        </Anchor>
        <PageTitle>{title}</PageTitle>
        <Text>{page.changed ? t('portal.changed') : t('portal.upToDate')}</Text>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <BilingualFields
            idPrefix="page"
            fields={[
              { name: 'title', label: t('portal.fields.title'), value: draft.title, onChange: set('title') },
              {
                name: 'description',
                label: t('portal.fields.description'),
                description: t('portal.fields.descriptionHint'),
                multiline: 'short',
                value: draft.description,
                onChange: set('description'),
              },
              {
                name: 'body',
                label: t('portal.fields.body'),
                description: t('portal.fields.bodyHint'),
                multiline: 'long',
                value: draft.body,
                onChange: set('body'),
              },
            ]}
          />
          <PortalError error={save.error ?? publish.error} />
          {notice && (
            <Text role="status" c="green.9">
              {notice}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('portal.save')}
            </Button>
            {mayOpen('portal.publish', session) && (
              <Button variant="outline" onClick={() => publish.mutate()} loading={publish.isPending}>
                {t('portal.publish')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <section aria-labelledby="preview-h">
        <Title order={2} id="preview-h" size="h3">
          {t('portal.previewTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('portal.previewSaved')}
        </Text>
        <PreviewFrame urlFor={(lang) => pagePreviewUrl(page.key, lang)} version={page.version} />
      </section>
    </Stack>
  );
}
