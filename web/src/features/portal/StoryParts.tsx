import {
  Badge,
  Button,
  FileInput,
  Group,
  Image,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { Story } from '@oselia/contracts';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayOpen, useSession } from '../access/session.ts';
import { PortalError } from './PortalBits.tsx';
import { consentQuery, portalApi, portalKeys } from './portalApi.ts';

/** Whether each featured person's consent to story publication holds (nothing else about them). */
export function ConsentList({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const checks = useQueries({ queries: ids.map((id) => consentQuery(id)) });
  if (ids.length === 0) return null;
  return (
    <List size="sm" spacing={4} aria-label={t('portal.fields.people')}>
      {ids.map((id, i) => {
        const holds = checks[i]?.data?.consentHolds;
        return (
          <List.Item key={id}>
            <Text span ff="monospace" size="sm">
              {id}
            </Text>{' '}
            {holds === undefined ? null : (
              <Badge color={holds ? 'green' : 'red'} variant="light">
                {holds ? t('portal.consentHolds') : t('portal.consentMissing')}
              </Badge>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

function useStoryUpdate(story: Story) {
  const queryClient = useQueryClient();
  return (s: Story) => {
    queryClient.setQueryData(portalKeys.story(story.id), s);
    void queryClient.invalidateQueries({ queryKey: ['portal', 'stories'] });
  };
}

/** Photos: added with a description in both languages; resized and stripped of metadata by the server. */
export function StoryPhotos({ story }: { story: Story }) {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const done = useStoryUpdate(story);
  const [file, setFile] = useState<File | null>(null);
  const [altUk, setAltUk] = useState('');
  const [altEn, setAltEn] = useState('');
  const editable =
    mayOpen('portal.manage', session) && (story.status === 'draft' || story.status === 'unpublished');
  const upload = useMutation({
    mutationFn: () => portalApi.uploadPhoto(story.id, file!, { uk: altUk.trim(), en: altEn.trim() }),
    onSuccess: (s) => {
      setFile(null);
      setAltUk('');
      setAltEn('');
      done(s);
    },
  });
  const remove = useMutation({
    mutationFn: (photoId: string) => portalApi.removePhoto(story.id, photoId),
    onSuccess: done,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate();
  };
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <section aria-labelledby="photos-h">
      <Title order={2} id="photos-h" size="h3" mb="xs">
        {t('portal.photos')}
      </Title>
      <Text size="sm" mb="sm">
        {t('portal.photosHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="md">
        {story.photos.map((p) => (
          <Stack key={p.id} gap={4}>
            <Image src={p.thumbUrl} alt={p.alt[lang]} radius="sm" />
            {editable && (
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => remove.mutate(p.id)}
                loading={remove.isPending}
              >
                {t('portal.removePhoto')}
              </Button>
            )}
          </Stack>
        ))}
      </SimpleGrid>
      {editable ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm" maw={640}>
            <FileInput
              label={t('portal.photoFile')}
              accept="image/jpeg,image/png"
              value={file}
              onChange={setFile}
              clearable
            />
            <TextInput
              label={t('portal.altUk')}
              description={t('portal.altHint')}
              value={altUk}
              onChange={(e) => setAltUk(e.currentTarget.value)}
              lang="uk"
            />
            <TextInput
              label={t('portal.altEn')}
              value={altEn}
              onChange={(e) => setAltEn(e.currentTarget.value)}
              lang="en"
            />
            <PortalError error={upload.error ?? remove.error} />
            <Group>
              <Button
                type="submit"
                disabled={!file || altUk.trim().length < 3 || altEn.trim().length < 3}
                loading={upload.isPending}
              >
                {t('portal.upload')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm">{t('portal.photosOnlyDraft')}</Text>
      )}
    </section>
  );
}

/** Send for review, return with a note, publish now or at a time, take down. */
export function StoryWorkflow({ story }: { story: Story }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const done = useStoryUpdate(story);
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const submit = useMutation({
    mutationFn: () => portalApi.submit(story.id, story.version),
    onSuccess: done,
  });
  const back = useMutation({
    mutationFn: () => portalApi.returnStory(story.id, story.version, note.trim()),
    onSuccess: done,
  });
  const publish = useMutation({
    mutationFn: (when: string | null) => portalApi.publish(story.id, story.version, when),
    onSuccess: done,
  });
  const down = useMutation({
    mutationFn: () => portalApi.unpublish(story.id, story.version, reason.trim()),
    onSuccess: done,
  });
  const manage = mayOpen('portal.manage', session);
  const decide = mayOpen('portal.publish', session);
  const error = submit.error ?? back.error ?? publish.error ?? down.error;
  const s = story.status;

  return (
    <section aria-labelledby="workflow-h">
      <Title order={2} id="workflow-h" size="h3" mb="sm">
        {t('portal.workflow')}
      </Title>
      <Stack gap="md" maw={640}>
        {manage && (s === 'draft' || s === 'unpublished') && (
          <Group>
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('portal.submit')}
            </Button>
          </Group>
        )}
        {decide && s === 'review' && (
          <>
            <Group>
              <Button onClick={() => publish.mutate(null)} loading={publish.isPending}>
                {t('portal.publishNow')}
              </Button>
            </Group>
            <Group align="flex-end">
              <TextInput
                type="datetime-local"
                label={t('portal.publishAt')}
                value={at}
                onChange={(e) => setAt(e.currentTarget.value)}
              />
              <Button
                variant="outline"
                disabled={!at}
                onClick={() => publish.mutate(new Date(at).toISOString())}
              >
                {t('portal.schedule')}
              </Button>
            </Group>
          </>
        )}
        {decide && (s === 'review' || s === 'scheduled') && (
          <Group align="flex-end">
            <Textarea
              label={t('portal.returnNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
              miw={280}
            />
            <Button
              variant="outline"
              disabled={!note.trim()}
              onClick={() => back.mutate()}
              loading={back.isPending}
            >
              {t('portal.returnToDraft')}
            </Button>
          </Group>
        )}
        {decide && (s === 'published' || s === 'scheduled') && (
          <Group align="flex-end">
            <TextInput
              label={t('portal.unpublishReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              miw={280}
            />
            <Button
              color="red"
              variant="outline"
              disabled={!reason.trim()}
              onClick={() => down.mutate()}
              loading={down.isPending}
            >
              {t('portal.unpublish')}
            </Button>
          </Group>
        )}
        <PortalError error={error} />
      </Stack>
    </section>
  );
}
