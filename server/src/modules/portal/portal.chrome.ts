/** The two languages of the public site, Ukrainian first. */
export const LANGS = ['uk', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'uk' || value === 'en';
}

/** Sections of the public site, in navigation order; paths follow the language prefix. */
export const NAV = [
  { key: 'home', path: '/' },
  { key: 'about', path: '/about' },
  { key: 'ourWork', path: '/our-work' },
  { key: 'whereWeWork', path: '/where-we-work' },
  { key: 'stories', path: '/stories' },
  { key: 'data', path: '/data' },
  { key: 'agenda2030', path: '/2030-agenda' },
  { key: 'takeAction', path: '/take-action' },
] as const;
export type NavKey = (typeof NAV)[number]['key'];

/** Words of the page frame (header, navigation, footer, error pages) in both languages. */
export const CHROME = {
  uk: {
    siteName: 'Оселя',
    tagline: 'Допомога переміщеним людям і громадам, що їх приймають',
    skip: 'Перейти до змісту',
    mainNav: 'Розділи сайту',
    nav: {
      home: 'Головна',
      about: 'Хто ми',
      ourWork: 'Наша робота',
      whereWeWork: 'Де ми працюємо',
      stories: 'Історії',
      data: 'Дані та ресурси',
      agenda2030: 'Порядок денний 2030',
      takeAction: 'Долучитися',
    } satisfies Record<NavKey, string>,
    language: 'Мова',
    otherLanguage: 'English',
    feedback: 'Відгук або скарга',
    hotline: 'Гаряча лінія: 0 800 000 000 (безкоштовно, пн–пт 9:00–18:00)',
    staff: 'Вхід для працівників',
    feed: 'Стрічка історій (Atom)',
    privacy: (threshold: number) =>
      `Усі цифри на сайті — підсумки; значення, менші за ${threshold}, приховано (позначка x) разом із тими, з яких їх можна було б вирахувати, щоб нікого не можна було впізнати.`,
    licence: 'Код: AGPL-3.0. Тексти: CC BY 4.0.',
    notFoundTitle: 'Сторінку не знайдено',
    notFoundText: 'Такої сторінки немає або її прибрали.',
    errorTitle: 'Щось пішло не так',
    errorText: 'Сторінку не вдалося показати. Спробуйте ще раз за хвилину.',
    backHome: 'На головну',
  },
  en: {
    siteName: 'Oselia',
    tagline: 'Assistance for displaced people and the communities that host them',
    skip: 'Skip to content',
    mainNav: 'Site sections',
    nav: {
      home: 'Home',
      about: 'Who we are',
      ourWork: 'Our work',
      whereWeWork: 'Where we work',
      stories: 'Stories',
      data: 'Data and resources',
      agenda2030: '2030 Agenda',
      takeAction: 'Take action',
    } satisfies Record<NavKey, string>,
    language: 'Language',
    otherLanguage: 'Українська',
    feedback: 'Feedback or complaint',
    hotline: 'Hotline: 0 800 000 000 (free, Mon–Fri 9:00–18:00)',
    staff: 'Staff sign-in',
    feed: 'Stories feed (Atom)',
    privacy: (threshold: number) =>
      `Every figure on this site is an aggregate; values under ${threshold} are hidden (marked x), together with any figures they could be worked out from, so that nobody can be recognised.`,
    licence: 'Code: AGPL-3.0. Texts: CC BY 4.0.',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no such page, or it has been taken down.',
    errorTitle: 'Something went wrong',
    errorText: 'The page could not be shown. Please try again in a minute.',
    backHome: 'Back to the home page',
  },
} as const satisfies Record<Lang, unknown>;

export type Chrome = (typeof CHROME)[Lang];
