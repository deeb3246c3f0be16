import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, type Language } from '../i18n/index.ts';

/** Each language is named in itself, so a reader finds theirs whatever is shown now. */
const NATIVE_NAMES: Record<Language, string> = { uk: 'Українська', en: 'English' };

/** Two toggle buttons in a group labelled "Мова" / "Language". */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <Group gap={4} role="group" aria-label={t('app.language')} wrap="nowrap">
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          lang={language}
          size="compact-sm"
          variant={language === active ? 'filled' : 'default'}
          aria-pressed={language === active}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {NATIVE_NAMES[language]}
        </Button>
      ))}
    </Group>
  );
}
