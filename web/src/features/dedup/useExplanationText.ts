import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isFieldKey, levelKey, noteKey } from './explanation.ts';

/** The engine's field names, agreement levels and notes in the reader's language. */
export function useExplanationText() {
  const { t } = useTranslation();
  const field = useCallback((name: string) => (isFieldKey(name) ? t(`dedup.fields.${name}`) : name), [t]);
  const level = useCallback(
    (label: string) => {
      const key = levelKey(label);
      return key ? t(`dedup.levels.${key}`) : label;
    },
    [t],
  );
  const note = useCallback(
    (text: string) => {
      const key = noteKey(text);
      return key ? t(`dedup.notes.${key}`) : text;
    },
    [t],
  );
  return useMemo(() => ({ field, level, note }), [field, level, note]);
}
