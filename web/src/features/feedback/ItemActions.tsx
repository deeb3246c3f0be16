import { Button, type ButtonProps, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { FeedbackItem } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { mayOpen, useSession } from '../access/session.ts';
import { FeedbackError, StaffSelect } from './FeedbackBits.tsx';
import { feedbackApi, feedbackKeys, feedbackStaffQuery } from './feedbackApi.ts';

/** What the page says above the item after a change: done, or someone else changed it first. */
export type Notice = { kind: 'done' | 'stale'; text: string };

/**
 * A change to the item at its current version. A 409 because someone else changed it first loads
 * the new version and says so; the text typed in the forms stays.
 */
function useChange<A>(
  item: FeedbackItem,
  setNotice: (n: Notice | null) => void,
  run: (version: number, args: A) => Promise<FeedbackItem>,
  doneText: string,
  onDone?: () => void,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(item.version, args),
    onMutate: () => setNotice(null),
    onSuccess: (updated) => {
      queryClient.setQueryData(feedbackKeys.item(item.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['feedback', 'list'] });
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.stats });
      setNotice({ kind: 'done', text: doneText });
      onDone?.();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        setNotice({
          kind: 'stale',
          text: error.code === 'VERSION_CONFLICT' ? t('feedback.errors.stale') : t('feedback.errors.closed'),
        });
        void queryClient.invalidateQueries({ queryKey: feedbackKeys.item(item.id) });
        void queryClient.invalidateQueries({ queryKey: ['feedback', 'list'] });
      }
    },
  });
}

/** A 409 is told above, with the reload; other refusals beside the form. */
function ActionError({ error }: { error: unknown }) {
  if (isApiError(error) && error.status === 409) return null;
  return <FeedbackError error={error} />;
}

function ActionSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} id={id} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function Actions({ item, setNotice }: { item: FeedbackItem; setNotice: (n: Notice | null) => void }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState('');
  const [assignee, setAssignee] = useState('');
  const chooseStaff = mayOpen('users.manage', session);
  const staff = useQuery({ ...feedbackStaffQuery(), enabled: chooseStaff });
  const me = session?.user.id;

  const respond = useChange(
    item,
    setNotice,
    (v, a: { visibility: 'public' | 'internal'; text: string }) =>
      feedbackApi.respond(item.id, v, a.visibility, a.text),
    visibility === 'public' ? t('feedback.actions.answered') : t('feedback.actions.noted'),
    () => setText(''),
  );
  const assign = useChange(
    item,
    setNotice,
    (v, to: string | null) => feedbackApi.assign(item.id, v, to),
    t('feedback.actions.assigned'),
    () => setAssignee(''),
  );
  const escalate = useChange(
    item,
    setNotice,
    (v, why: string) => feedbackApi.escalate(item.id, v, why),
    t('feedback.actions.escalated'),
    () => setReason(''),
  );
  const close = useChange(
    item,
    setNotice,
    (v, how: string) => feedbackApi.close(item.id, v, how),
    t('feedback.actions.closed'),
    () => setResolution(''),
  );
  const busy = respond.isPending || assign.isPending || escalate.isPending || close.isPending;
  const submit = (run: () => void) => (e: FormEvent) => {
    e.preventDefault();
    run();
  };

  return (
    <section aria-labelledby="fb-actions-h">
      <Title order={2} id="fb-actions-h" size="h3" mb="sm">
        {t('feedback.actions.title')}
      </Title>
      <Stack gap="md" maw={760}>
        <ActionSection id="fb-respond-h" title={t('feedback.actions.respond')}>
          <form onSubmit={submit(() => respond.mutate({ visibility, text: text.trim() }))} noValidate>
            <Stack gap="sm">
              <Radio.Group
                label={t('feedback.actions.kind')}
                value={visibility}
                onChange={(v) => setVisibility(v === 'internal' ? 'internal' : 'public')}
              >
                <Group gap="md" mt={4}>
                  <Radio value="public" label={t('feedback.actions.kindPublic')} />
                  <Radio value="internal" label={t('feedback.actions.kindInternal')} />
                </Group>
              </Radio.Group>
              {visibility === 'public' && (
                <Text size="sm" c="teal.9">
                  {t('feedback.actions.publicWarning')}
                </Text>
              )}
              <Textarea
                label={t('feedback.actions.responseText')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={3}
                maxRows={12}
                maxLength={5000}
                required
              />
              <ActionError error={respond.error} />
              <Group>
                <Button type="submit" disabled={!text.trim() || busy} loading={respond.isPending}>
                  {visibility === 'public'
                    ? t('feedback.actions.sendPublic')
                    : t('feedback.actions.sendInternal')}
                </Button>
              </Group>
            </Stack>
          </form>
        </ActionSection>

        <ActionSection id="fb-assign-h" title={t('feedback.actions.assign')}>
          <Stack gap="sm">
            <Group>
              {me && item.assigneeId !== me && (
                <Button variant="light" onClick={() => assign.mutate(me)} disabled={busy}>
                  {t('feedback.actions.assignToMe')}
                </Button>
              )}
              {item.assigneeId && (
                <Button variant="default" onClick={() => assign.mutate(null)} disabled={busy}>
                  {t('feedback.actions.unassign')}
                </Button>
              )}
            </Group>
            {chooseStaff && staff.data && (
              <form onSubmit={submit(() => assignee && assign.mutate(assignee))} noValidate>
                <Group align="flex-end" wrap="wrap">
                  <StaffSelect
                    label={t('feedback.actions.assignTo')}
                    value={assignee}
                    onChange={setAssignee}
                    staff={staff.data.filter((u) => u.id !== item.assigneeId)}
                  />
                  <Button
                    type="submit"
                    variant="light"
                    disabled={!assignee || busy}
                    loading={assign.isPending}
                  >
                    {t('feedback.actions.assign')}
                  </Button>
                </Group>
              </form>
            )}
            <ActionError error={assign.error} />
          </Stack>
        </ActionSection>

        <TextAction
          id="fb-escalate-h"
          title={t('feedback.actions.escalate')}
          label={t('feedback.actions.escalateReason')}
          hint={t('feedback.actions.escalateHint')}
          maxLength={1000}
          value={reason}
          setValue={setReason}
          change={escalate}
          busy={busy}
          buttonProps={{ variant: 'default' }}
        />
        <TextAction
          id="fb-close-h"
          title={t('feedback.actions.close')}
          label={t('feedback.actions.resolution')}
          hint={t('feedback.actions.resolutionHint')}
          maxLength={2000}
          value={resolution}
          setValue={setResolution}
          change={close}
          busy={busy}
          buttonProps={{ color: 'gray.8' }}
        />
      </Stack>
    </section>
  );
}

/** A change that needs a few words (escalate with a reason, close with a resolution). */
function TextAction(props: {
  id: string;
  title: string;
  label: string;
  hint: string;
  maxLength: number;
  value: string;
  setValue: (v: string) => void;
  change: { mutate: (text: string) => void; isPending: boolean; error: unknown };
  busy: boolean;
  buttonProps: ButtonProps;
}) {
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    props.change.mutate(props.value.trim());
  };
  return (
    <ActionSection id={props.id} title={props.title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={props.label}
            description={props.hint}
            value={props.value}
            onChange={(e) => props.setValue(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={props.maxLength}
            required
          />
          <ActionError error={props.change.error} />
          <Group>
            <Button
              type="submit"
              {...props.buttonProps}
              disabled={props.value.trim().length < 3 || props.busy}
              loading={props.change.isPending}
            >
              {props.title}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionSection>
  );
}
