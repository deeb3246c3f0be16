import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type FeedbackCategory,
  type FeedbackChannel,
  type FeedbackReceipt,
  feedbackCategory,
  feedbackChannel,
  recordFeedbackBody,
} from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { SecretField } from '../../ui/SecretField.tsx';
import { FeedbackError } from './FeedbackBits.tsx';
import { feedbackApi, feedbackKeys } from './feedbackApi.ts';

/** Staff channels: the website is where visitors write for themselves. */
const STAFF_CHANNELS = feedbackChannel.options.filter((c) => c !== 'web');

/**
 * Feedback received by phone, in person or by letter, written down by staff. The reference code
 * and secret are shown once, to be given to the person.
 */
export function RecordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<FeedbackChannel>('hotline');
  const [category, setCategory] = useState<FeedbackCategory>('question');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [contact, setContact] = useState('');
  const [language, setLanguage] = useState<'uk' | 'en'>('uk');
  const [invalid, setInvalid] = useState(false);
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const record = useMutation({
    mutationFn: feedbackApi.record,
    onSuccess: (r) => {
      setReceipt(r);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = recordFeedbackBody.safeParse({
      channel,
      category,
      text,
      anonymous,
      ...(anonymous || !contact.trim() ? {} : { contact }),
      language,
    });
    setInvalid(!parsed.success);
    if (parsed.success) record.mutate(parsed.data);
  };

  if (receipt) {
    return (
      <Alert color="green" variant="outline" title={t('feedback.record.savedTitle')} role="status">
        <Stack gap="sm" maw={560}>
          <Text size="sm">{t('feedback.record.savedText')}</Text>
          <SecretField label={t('feedback.record.reference')} value={receipt.referenceCode} />
          <SecretField label={t('feedback.record.secret')} value={receipt.secret} />
          <Text size="sm">{t('feedback.record.dueBy', { date: format.dateTime(receipt.dueAt) })}</Text>
          <Group>
            <Button variant="default" onClick={onDone}>
              {t('feedback.record.done')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="record-h">
      <Fieldset legend={<span id="record-h">{t('feedback.record.title')}</span>} maw={760}>
        <Stack gap="md">
          <Text size="sm">{t('feedback.record.hint')}</Text>
          <Group grow align="flex-start" wrap="wrap">
            <NativeSelect
              label={t('feedback.record.channel')}
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as FeedbackChannel)}
              data={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) }))}
              miw={220}
            />
            <NativeSelect
              label={t('feedback.record.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value === 'en' ? 'en' : 'uk')}
              data={(['uk', 'en'] as const).map((l) => ({
                value: l,
                label: t(`feedback.record.languages.${l}`),
              }))}
              miw={220}
            />
          </Group>
          <Radio.Group
            label={t('feedback.record.category')}
            value={category}
            onChange={(v) => setCategory(v as FeedbackCategory)}
          >
            <Group gap="md" mt={4}>
              {feedbackCategory.options.map((c) => (
                <Radio key={c} value={c} label={t(`feedback.categories.${c}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('feedback.record.text')}
            description={t('feedback.record.textHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={invalid && text.trim().length < 5 ? t('feedback.record.textHint') : undefined}
            required
            autosize
            minRows={3}
            maxRows={12}
            maxLength={5000}
          />
          <Checkbox
            label={t('feedback.record.anonymous')}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          {!anonymous && (
            <TextInput
              label={t('feedback.record.contact')}
              description={t('feedback.record.contactHint')}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              maxLength={200}
              autoComplete="off"
            />
          )}
          <FeedbackError error={record.error} />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('feedback.record.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('feedback.record.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
