import type { PortalProgramme } from '@oselia/contracts';
import type { Lang } from './portal.chrome.ts';

type Text = Record<Lang, string>;

/** A Sustainable Development Goal target, in our own short words (the official texts are longer). */
export interface SdgTarget {
  code: string;
  goal: number;
  text: Text;
}

export const SDG_GOALS: Record<number, Text> = {
  1: { uk: 'Подолання бідності', en: 'No poverty' },
  4: { uk: 'Якісна освіта', en: 'Quality education' },
  5: { uk: 'Гендерна рівність', en: 'Gender equality' },
  8: { uk: 'Гідна праця та економічне зростання', en: 'Decent work and economic growth' },
  10: { uk: 'Скорочення нерівності', en: 'Reduced inequalities' },
  11: { uk: 'Сталий розвиток міст і громад', en: 'Sustainable cities and communities' },
  16: { uk: 'Мир, справедливість і сильні інституції', en: 'Peace, justice and strong institutions' },
};

const target = (code: string, uk: string, en: string): SdgTarget => ({
  code,
  goal: Number(code.split('.')[0]),
  text: { uk, en },
});

export const SDG_TARGETS = {
  '1.3': target(
    '1.3',
    'Соціальний захист для всіх, зокрема найвразливіших',
    'Social protection for all, including the most vulnerable',
  ),
  '1.5': target(
    '1.5',
    'Стійкість людей у вразливому становищі до криз і потрясінь',
    'Resilience of people in vulnerable situations to shocks and disasters',
  ),
  '4.4': target(
    '4.4',
    'Більше молоді та дорослих з навичками для роботи й підприємництва',
    'More young people and adults with skills for work and entrepreneurship',
  ),
  '5.2': target(
    '5.2',
    'Жодного насильства щодо жінок і дівчат, зокрема торгівлі людьми',
    'No violence against women and girls, including trafficking',
  ),
  '8.3': target(
    '8.3',
    'Підтримка підприємництва та малого й середнього бізнесу',
    'Support for entrepreneurship and small and medium enterprises',
  ),
  '8.5': target('8.5', 'Повна зайнятість і гідна праця для всіх', 'Full employment and decent work for all'),
  '8.6': target(
    '8.6',
    'Менше молоді поза роботою, освітою чи навчанням',
    'Fewer young people out of work, education or training',
  ),
  '8.7': target(
    '8.7',
    'Край примусовій праці, сучасному рабству і торгівлі людьми',
    'An end to forced labour, modern slavery and human trafficking',
  ),
  '10.2': target(
    '10.2',
    'Соціальне й економічне залучення кожного',
    'Social and economic inclusion of everyone',
  ),
  '10.7': target(
    '10.7',
    'Упорядкована, безпечна й відповідальна міграція та мобільність людей',
    'Orderly, safe and responsible migration and mobility of people',
  ),
  '11.3': target(
    '11.3',
    'Інклюзивний розвиток громад за участі мешканців',
    'Inclusive development of communities with their residents taking part',
  ),
  '16.2': target(
    '16.2',
    'Захист дітей від насильства, експлуатації і торгівлі людьми',
    'Children protected from abuse, exploitation and trafficking',
  ),
  '16.7': target(
    '16.7',
    'Рішення, ухвалені за участі тих, кого вони стосуються',
    'Decisions made with the people they concern',
  ),
} as const satisfies Record<string, SdgTarget>;

export interface ProgrammeDefinition {
  key: PortalProgramme;
  name: Text;
  summary: Text;
  /** Assistance ledger types that count as reach of this programme (see reachCounts). */
  ledgerTypes: readonly string[];
  sdgTargets: readonly (keyof typeof SDG_TARGETS)[];
}

/**
 * The programme areas of the public site. Reach of each comes from the assistance ledger by type;
 * any type not listed counts as direct assistance (`protection`). Awareness sessions' audiences are
 * their own column, part of counter-trafficking.
 */
export const PROGRAMMES: readonly ProgrammeDefinition[] = [
  {
    key: 'protection',
    name: { uk: 'Реєстрація та пряма допомога', en: 'Registration and direct assistance' },
    summary: {
      uk: 'Реєструємо переміщені родини один раз, за їхньою згодою, і надаємо грошову, речову та соціальну допомогу.',
      en: 'We register displaced families once, with their consent, and provide cash, in-kind and social assistance.',
    },
    ledgerTypes: [],
    sdgTargets: ['1.3', '1.5', '10.7'],
  },
  {
    key: 'livelihoods',
    name: { uk: 'Гранти для релокованого бізнесу', en: 'Grants for relocated businesses' },
    summary: {
      uk: 'Малі підприємства, що переїхали від війни, отримують гранти на обладнання і знову наймають людей.',
      en: 'Small businesses that moved away from the war receive grants for equipment and hire people again.',
    },
    ledgerTypes: ['business_grant'],
    sdgTargets: ['8.3', '8.5', '10.7'],
  },
  {
    key: 'youth',
    name: { uk: 'Молодіжні ініціативи', en: 'Youth initiatives' },
    summary: {
      uk: 'Команди молоді отримують гранти на власні проєкти: від майстерень до просвітницьких занять.',
      en: 'Teams of young people receive grants for their own projects, from workshops to classes for their peers.',
    },
    ledgerTypes: ['youth_grant'],
    sdgTargets: ['4.4', '8.6', '10.2'],
  },
  {
    key: 'counter_trafficking',
    name: {
      uk: 'Протидія торгівлі людьми та безпечна міграція',
      en: 'Counter-trafficking and safe migration',
    },
    summary: {
      uk: 'Навчаємо молодь розпізнавати ризики торгівлі людьми; випускники проводять заняття для школярів у своїх громадах.',
      en: 'We train young people to recognise the risks of trafficking; alumni then run classes for school students in their communities.',
    },
    ledgerTypes: ['training', 'training_completion'],
    sdgTargets: ['5.2', '8.7', '16.2', '10.7'],
  },
  {
    key: 'community',
    name: { uk: 'Гранти для громад', en: 'Community grants' },
    summary: {
      uk: 'Громади, що приймають переміщених людей, разом із ними вирішують, що збудувати чи відновити.',
      en: 'Communities hosting displaced people decide together with them what to build or repair.',
    },
    ledgerTypes: ['community_grant'],
    sdgTargets: ['11.3', '16.7', '10.2'],
  },
];

/** The ledger groups for reachCounts: every programme with types; the rest falls to `protection`. */
export function ledgerGroups(): Record<string, readonly string[]> {
  return Object.fromEntries(
    PROGRAMMES.filter((p) => p.ledgerTypes.length > 0).map((p) => [p.key, p.ledgerTypes]),
  );
}

export function programmeOf(key: PortalProgramme): ProgrammeDefinition {
  return PROGRAMMES.find((p) => p.key === key)!;
}
