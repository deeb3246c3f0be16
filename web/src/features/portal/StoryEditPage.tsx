import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type CreateStoryBody, type PortalProgramme, portalProgramme, type Story } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import {
  type Bilingual,
  BilingualFields,
  PortalError,
  PreviewFrame,
  StoryStatusBadge,
} from './PortalBits.tsx';
import { portalApi, portalKeys, storyPreviewUrl, storyQuery } from './portalApi.ts';
import { ConsentList, StoryPhotos, StoryWorkflow } from './StoryParts.tsx';

interface Draft {
  slug: string;
  programme: PortalProgramme;
  placePcode: string;
  tags: string;
  people: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
}

const EMPTY: Bilingual = { uk: '', en: '' };
const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function draftOf(s: Story | null): Draft {
  return {
    slug: s?.slug ?? '',
    programme: s?.programme ?? 'protection',
    placePcode: s?.placePcode ?? '',
    tags: s?.tags.join(', ') ?? '',
    people: s?.featuredPersonIds.join('\n') ?? '',
    title: s?.title ?? EMPTY,
    summary: s?.summary ?? EMPTY,
    body: s?.body ?? EMPTY,
  };
}

function bodyOf(d: Draft): CreateStoryBody {
  return {
    slug: d.slug.trim(),
    programme: d.programme,
    placePcode: d.placePcode.trim() || null,
    tags: splitList(d.tags),
    featuredPersonIds: splitList(d.people),
    title: d.title,
    summary: d.summary,
    body: d.body,
  };
}

/** The story's fields; Ukrainian and English side by side. */
function StoryForm(props: {
  initial: Story | null;
  disabled: boolean;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: CreateStoryBody) => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(draftOf(props.initial));
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setD((x) => ({ ...x, [k]: v }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(bodyOf(d));
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={props.disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('portal.fields.slug')}
              description={t('portal.fields.slugHint')}
              value={d.slug}
              onChange={(e) => set('slug')(e.currentTarget.value)}
              required
              miw={240}
            />
            <NativeSelect
              label={t('portal.fields.programme')}
              value={d.programme}
              onChange={(e) => set('programme')(e.currentTarget.value as PortalProgramme)}
              data={portalProgramme.options.map((p) => ({ value: p, label: t(`portal.programmes.${p}`) }))}
              miw={240}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('portal.fields.place')}
              description={t('portal.fields.placeHint')}
              value={d.placePcode}
              onChange={(e) => set('placePcode')(e.currentTarget.value)}
              miw={240}
            />
            <TextInput
              label={t('portal.fields.tags')}
              description={t('portal.fields.tagsHint')}
              value={d.tags}
              onChange={(e) => set('tags')(e.currentTarget.value)}
              miw={240}
            />
          </Group>
          <Textarea
            label={t('portal.fields.people')}
            description={t('portal.fields.peopleHint')}
            value={d.people}
            onChange={(e) => set('people')(e.currentTarget.value)}
            autosize
            minRows={1}
            ff="monospace"
          />
          <ConsentList ids={splitList(d.people).filter((x) => /^[0-9a-f-]{36}$/i.test(x))} />
          <BilingualFields
            idPrefix="story"
            fields={[
              { name: 'title', label: t('portal.fields.title'), value: d.title, onChange: set('title') },
              {
                name: 'summary',
                label: t('portal.fields.summary'),
                description: t('portal.fields.descriptionHint'),
                multiline: 'short',
                value: d.summary,
                onChange: set('summary'),
              },
              {
                name: 'body',
                label: t('portal.fields.body'),
                description: t('portal.fields.bodyHint'),
                multiline: 'long',
                value: d.body,
                onChange: set('body'),
              },
            ]}
          />
          <PortalError error={props.error} />
          <Group>
            <Button type="submit" loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

export function StoryCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateStoryBody) => portalApi.createStory(body),
    onSuccess: (s) => {
      queryClient.setQueryData(portalKeys.story(s.id), s);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'stories'] });
      void navigate(`/portal/stories/${s.id}`);
    },
  });
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal/stories">
          {t('portal.backToStories')}
        </Anchor>
        <PageTitle>{t('portal.newStory')}</PageTitle>
      </div>
      <StoryForm
        initial={null}
        disabled={false}
        pending={create.isPending}
        error={create.error}
        submitLabel={t('portal.create')}
        onSubmit={(body) => create.mutate(body)}
      />
    </Stack>
  );
}

export function StoryPage() {
  const { id = '' } = useParams();
  const story = useQuery(storyQuery(id));
  // Held here: the editor starts afresh with each saved version, the notice must outlive it.
  const [notice, setNotice] = useState<string | null>(null);
  if (story.isError) return <ApiErrorAlert error={story.error} onRetry={() => void story.refetch()} />;
  if (story.isPending) return <Loading />;
  return <StoryEditor key={story.data.version} story={story.data} notice={notice} setNotice={setNotice} />;
}

function StoryEditor({
  story,
  notice,
  setNotice,
}: {
  story: Story;
  notice: string | null;
  setNotice: (notice: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const canEdit = mayOpen('portal.manage', session) && story.status !== 'published';
  const update = useMutation({
    mutationFn: (body: CreateStoryBody) =>
      portalApi.updateStory(story.id, { ...body, version: story.version }),
    onSuccess: (s) => {
      queryClient.setQueryData(portalKeys.story(s.id), s);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'stories'] });
      setNotice(t('portal.saved'));
    },
  });
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal/stories">
          {t('portal.backToStories')}
        </Anchor>
        <PageTitle>{story.title[lang] || story.title.uk}</PageTitle>
        <Group gap="sm">
          <StoryStatusBadge status={story.status} />
          {story.status === 'published' && (
            <Anchor href={`/${lang}/stories/${story.slug}`} target="_blank" rel="noopener">
              {`/${lang}/stories/${story.slug}`}
            </Anchor>
          )}
        </Group>
      </div>
      {story.unpublishedReason && (
        <Alert color="red" title={t('portal.takenDown')}>
          {story.unpublishedReason === 'consent_withdrawn'
            ? t('portal.consentWithdrawn')
            : story.unpublishedReason}
        </Alert>
      )}
      {story.reviewNote && (
        <Alert color="yellow" title={t('portal.reviewNote')}>
          {story.reviewNote}
        </Alert>
      )}
      {story.status === 'published' && <Text>{t('portal.editPublished')}</Text>}
      <StoryForm
        initial={story}
        disabled={!canEdit}
        pending={update.isPending}
        error={update.error}
        submitLabel={t('portal.save')}
        onSubmit={(body) => update.mutate(body)}
      />
      {notice && (
        <Text role="status" c="green.9">
          {notice}
        </Text>
      )}
      <StoryPhotos story={story} />
      <StoryWorkflow story={story} />
      <section aria-labelledby="preview-h">
        <Title order={2} id="preview-h" size="h3">
          {t('portal.previewTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('portal.previewSaved')}
        </Text>
        <PreviewFrame urlFor={(l) => storyPreviewUrl(story.id, l)} version={story.version} />
      </section>
    </Stack>
  );
}
