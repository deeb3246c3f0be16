import { Button, CloseButton, FileButton, Group, Input, List, Loader, Text } from '@mantine/core';
import { defaultFileSettings } from '@oselia/contracts';
import { useId, useState } from 'react';
import { useFormContext } from './formContext.ts';
import { acceptAttribute, fileKindOf, formatBytes } from './formHelpers.ts';
import { type FieldProps, useFieldProps } from './QuestionField.tsx';

const KIND_NAMES = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' } as const;

/**
 * Files for a question: chosen one at a time, checked for kind and size here (the server checks
 * the content again), uploaded through `onUpload`, listed with name and size, removable.
 */
export function FileField({ question, path, value, onChange }: FieldProps) {
  const ctx = useFormContext();
  const common = useFieldProps(question, path);
  const settings = question.file ?? defaultFileSettings;
  const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const [busy, setBusy] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const statusId = useId();
  const kinds = settings.accept.map((k) => KIND_NAMES[k]).join(', ');
  const size = formatBytes(settings.maxBytes, ctx.language);
  const rules = ctx.t('formDefs.renderer.fileRules', { kinds, size, count: settings.maxFiles });
  const full = ids.length >= settings.maxFiles;

  async function choose(file: File | null) {
    setLocalError(null);
    if (!file) return;
    const kind = fileKindOf(file);
    if (!kind || !settings.accept.includes(kind)) {
      return setLocalError(ctx.t('formDefs.renderer.fileWrongType', { name: file.name, kinds }));
    }
    if (file.size > settings.maxBytes) {
      return setLocalError(ctx.t('formDefs.renderer.fileTooLarge', { name: file.name, size }));
    }
    if (full) return setLocalError(ctx.t('formDefs.renderer.tooManyFiles', { count: settings.maxFiles }));
    if (!ctx.onUpload) return setLocalError(ctx.t('formDefs.renderer.noUpload'));
    setBusy(file.name);
    try {
      const id = await ctx.onUpload(file, question);
      ctx.rememberFile(id, { name: file.name, size: file.size });
      onChange([...ids, id]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setLocalError(ctx.t('formDefs.renderer.uploadFailed', { name: file.name, message }));
    } finally {
      setBusy(null);
    }
  }

  const error = [localError, common.error].filter(Boolean).join(' ') || undefined;
  const describedBy = [`${common.id}-rules`, error ? `${common.id}-error` : null].filter(Boolean).join(' ');
  return (
    <Input.Wrapper
      id={common.id}
      label={common.label}
      description={[common.description, rules].filter(Boolean).join(' ')}
      error={error}
      required={common.required}
      labelElement="div"
      descriptionProps={{ id: `${common.id}-rules` }}
      errorProps={{ id: `${common.id}-error` }}
    >
      {ids.length > 0 && (
        <List listStyleType="none" spacing={4} mt={6} mb={6}>
          {ids.map((id) => {
            const info = ctx.describeFile(id);
            const name = info?.name ?? id.slice(0, 8);
            return (
              <List.Item key={id}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {name}
                    {info && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        ({formatBytes(info.size, ctx.language)})
                      </Text>
                    )}
                  </Text>
                  <CloseButton
                    size="sm"
                    disabled={common.disabled}
                    aria-label={ctx.t('formDefs.renderer.removeFile', { name })}
                    onClick={() => onChange(ids.filter((x) => x !== id))}
                  />
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <Group gap="sm" mt={4}>
        <FileButton onChange={(f) => void choose(f)} accept={acceptAttribute(settings.accept)}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              disabled={common.disabled || full || busy !== null}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
            >
              {ctx.t('formDefs.renderer.chooseFile')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" role="status" id={statusId} aria-live="polite">
          {busy && (
            <>
              <Loader size="xs" mr={6} />
              {ctx.t('formDefs.renderer.uploading', { name: busy })}
            </>
          )}
        </Text>
      </Group>
    </Input.Wrapper>
  );
}
