import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';

interface Named {
  nameEn: string;
  nameUk: string;
}

/** A place's name in the current language. */
export function usePlaceName(): (place: Named) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return useCallback((place: Named) => (language === 'uk' ? place.nameUk : place.nameEn), [language]);
}
