import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { uk } from './uk.ts';

export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'uk';

const STORAGE_KEY = 'oselia.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function storedLanguage(): Language {
  try {
    // A link from the public site says which language the visitor was reading (?lang=en).
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (isLanguage(asked)) return asked;
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function reflect(language: string): void {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The current language, narrowed to the ones Oselia ships. */
export const currentLanguage = (language: string | undefined): Language =>
  isLanguage(language) ? language : DEFAULT_LANGUAGE;

/** BCP 47 locale for `Intl` formatting. */
export const intlLocale = (language: string | undefined): string =>
  currentLanguage(language) === 'uk' ? 'uk-UA' : 'en-GB';

export const i18n = i18next.createInstance();

i18n.on('languageChanged', reflect);

void i18n.use(initReactI18next).init({
  resources: { uk: { translation: uk }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

reflect(i18n.language);
