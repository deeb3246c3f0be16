import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  Group,
  SegmentedControl,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { StoryStatus } from '@oselia/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';

export type Lang = 'uk' | 'en';
export const LANGS: readonly Lang[] = ['uk', 'en'];
export type Bilingual = Record<Lang, string>;

const STATUS_COLOUR: Record<StoryStatus, string> = {
  draft: 'gray',
  review: 'yellow',
  scheduled: 'blue',
  published: 'green',
  unpublished: 'red',
};

export function StoryStatusBadge({ status }: { status: StoryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="light">
      {t(`portal.status.${status}`)}
    </Badge>
  );
}

export interface TextField {
  name: string;
  label: string;
  description?: string;
  multiline?: 'short' | 'long';
  value: Bilingual;
  onChange: (value: Bilingual) => void;
}

/** The same fields in Ukrainian and in English, one fieldset per language (side by side when wide). */
export function BilingualFields({ fields, idPrefix }: { fields: TextField[]; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" grow wrap="wrap" gap="md">
      {LANGS.map((lang) => (
        <Fieldset key={lang} legend={t(`portal.languages.${lang}`)} lang={lang} miw={280}>
          <Stack gap="sm">
            {fields.map((f) => {
              const props = {
                id: `${idPrefix}-${f.name}-${lang}`,
                label: f.label,
                description: f.description,
                value: f.value[lang],
                onChange: (e: { currentTarget: { value: string } }) =>
                  f.onChange({ ...f.value, [lang]: e.currentTarget.value }),
              };
              if (!f.multiline) return <TextInput key={f.name} {...props} />;
              return (
                <Textarea
                  key={f.name}
                  {...props}
                  autosize
                  minRows={f.multiline === 'long' ? 10 : 2}
                  maxRows={f.multiline === 'long' ? 30 : 5}
                />
              );
            })}
          </Stack>
        </Fieldset>
      ))}
    </Group>
  );
}

/**
 * The saved draft as the public would see it, framed on demand (the frame runs no scripts and
 * loads only when asked for); the same address opens in a new tab.
 */
export function PreviewFrame({ urlFor, version }: { urlFor: (lang: Lang) => string; version: number }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang>('uk');
  const [shown, setShown] = useState(false);
  const url = urlFor(lang);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group>
          <Button variant="light" aria-expanded={shown} onClick={() => setShown((v) => !v)}>
            {shown ? t('portal.hidePreview') : t('portal.showPreview')}
          </Button>
          <SegmentedControl
            aria-label={t('portal.preview')}
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={LANGS.map((l) => ({ value: l, label: t(`portal.languages.${l}`) }))}
          />
        </Group>
        <Anchor href={url} target="_blank" rel="noopener">
          {t('portal.openPreview')}
        </Anchor>
      </Group>
      {shown && (
        <iframe
          key={`${lang}-${version}`}
          src={url}
          title={t('portal.previewOf', { lang: t(`portal.languages.${lang}`) })}
          sandbox=""
          style={{
            width: '100%',
            height: '70vh',
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 4,
          }}
        />
      )}
    </Stack>
  );
}

/** What a refused request says, in the reader's words where this screen knows them. */
export function PortalError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error)) return null;
  const details = error.details as { missing?: string[]; consentRequired?: string } | undefined;
  let text = error.message;
  if (error.status === 409 && error.code === 'VERSION_CONFLICT') text = t('portal.stale');
  else if (details?.consentRequired) text = t('portal.consentNeeded');
  else if (details?.missing?.length) text = `${t('portal.missing')} ${details.missing.join(', ')}`;
  return (
    <Alert color="red" role="alert" variant="outline">
      {text}
    </Alert>
  );
}
