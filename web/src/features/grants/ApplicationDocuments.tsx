import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApplicationDocument, RequiredDocument } from '@oselia/contracts';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/index.ts';
import { formatBytes } from './applyDraft.ts';
import { useBilingual } from './GrantsBits.tsx';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

interface DocumentSlotProps {
  doc: RequiredDocument;
  uploaded: ApplicationDocument[];
  busy: boolean;
  disabled: boolean;
  /** Why the last upload of this kind was refused, or why it is missing. */
  error: string | undefined;
  onUpload: (file: File) => void;
  onRemove: (documentId: string) => void;
  onDownload: (doc: ApplicationDocument) => void;
}

function DocumentSlot({
  doc,
  uploaded,
  busy,
  disabled,
  error,
  onUpload,
  onRemove,
  onDownload,
}: DocumentSlotProps) {
  const { t, i18n } = useTranslation();
  const text = useBilingual();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const input = useRef<HTMLInputElement>(null);
  const full = uploaded.length >= doc.maxFiles;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <label htmlFor={inputId}>
          <Text fw={600} component="span">
            {text(doc.label)}
            {doc.required ? ` (${t('grants.apply.documentRequired')})` : ` (${t('grants.public.optional')})`}
          </Text>
        </label>
        <Text size="sm" id={hintId}>
          {doc.description ? `${text(doc.description)} ` : ''}
          {t('grants.apply.documentHint', { n: doc.maxFiles })}
        </Text>
        {uploaded.length > 0 && (
          <List spacing={4} size="sm" aria-label={t('grants.apply.uploadedOf', { label: text(doc.label) })}>
            {uploaded.map((u) => (
              <List.Item key={u.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" component="span">
                    {u.fileName} · {formatBytes(u.sizeBytes, intlLocale(i18n.language))}
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => onDownload(u)}>
                    {t('grants.apply.download')}
                    <span className="visually-hidden"> {u.fileName}</span>
                  </Button>
                  {!disabled && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(u.id)}>
                      {t('grants.apply.remove')}
                      <span className="visually-hidden"> {u.fileName}</span>
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {!disabled && !full && (
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onUpload(file);
              event.currentTarget.value = '';
            }}
          />
        )}
        {busy && (
          <Text size="sm" role="status">
            {t('grants.apply.uploading')}
          </Text>
        )}
        {error && (
          <Alert color="#b02525" variant="outline" role="alert" id={errorId} p="xs">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** One upload slot per document the call asks for, with the files already sent. */
export function ApplicationDocuments(props: {
  required: RequiredDocument[];
  uploaded: ApplicationDocument[];
  busyKind: string | null;
  disabled: boolean;
  errors: Record<string, string>;
  onUpload: (kind: string, file: File) => void;
  onRemove: (documentId: string) => void;
  onDownload: (doc: ApplicationDocument) => void;
}) {
  const { t } = useTranslation();
  if (props.required.length === 0) return null;
  return (
    <section aria-labelledby="apply-documents-heading">
      <Title order={2} size="h3" id="apply-documents-heading" mb="xs">
        {t('grants.apply.documentsHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('grants.public.fileRules')}
      </Text>
      <Stack gap="sm" component="ul" p={0} m={0}>
        {props.required.map((doc) => (
          <DocumentSlot
            key={doc.kind}
            doc={doc}
            uploaded={props.uploaded.filter((u) => u.kind === doc.kind)}
            busy={props.busyKind === doc.kind}
            disabled={props.disabled}
            error={props.errors[`documents.${doc.kind}`]}
            onUpload={(file) => props.onUpload(doc.kind, file)}
            onRemove={props.onRemove}
            onDownload={props.onDownload}
          />
        ))}
      </Stack>
    </section>
  );
}
