import type { CreateCallBody, FormDefinition } from '@oselia/contracts';

/**
 * Two application forms and the calls that use them, for the demo and the tests. The content is
 * invented, in the manner of livelihood programmes for displaced small businesses (equipment and
 * premises, up to €7,000, jobs to keep and create, excluded sectors) and of youth initiative grants.
 * Question names match the defaults of the eligibility rules (registration_date, staff_count, sector).
 */
export const businessGrantForm: FormDefinition = {
  languages: ['uk', 'en'],
  title: { uk: 'Заявка на мікрогрант для бізнесу', en: 'Business micro-grant application' },
  description: {
    uk: 'Для малих підприємств, які перемістилися через війну або приймають переміщених працівників.',
    en: 'For small businesses that moved because of the war or that employ displaced people.',
  },
  sections: [
    {
      id: 'business',
      title: { uk: 'Ваша справа', en: 'Your business' },
      questions: [
        {
          name: 'sector',
          type: 'choice',
          label: { uk: 'Сфера діяльності', en: 'Sector' },
          required: true,
          choices: [
            { value: 'food', label: { uk: 'Харчування, кав’ярні', en: 'Food and cafés' } },
            { value: 'repair', label: { uk: 'Ремонт і побутові послуги', en: 'Repair and services' } },
            { value: 'manufacturing', label: { uk: 'Виробництво', en: 'Manufacturing' } },
            { value: 'agriculture', label: { uk: 'Сільське господарство', en: 'Agriculture' } },
            { value: 'gambling', label: { uk: 'Азартні ігри', en: 'Gambling' } },
            { value: 'alcohol_tobacco', label: { uk: 'Алкоголь і тютюн', en: 'Alcohol and tobacco' } },
            { value: 'other', label: { uk: 'Інше', en: 'Other' } },
          ],
        },
        {
          name: 'registration_date',
          type: 'date',
          label: { uk: 'Дата державної реєстрації', en: 'Date of state registration' },
          required: true,
          validation: { minDate: '1991-08-24' },
        },
        {
          name: 'staff_count',
          type: 'number',
          label: { uk: 'Скільки людей працює зараз', en: 'How many people work there now' },
          required: true,
          validation: { integer: true, min: 0, max: 1000 },
        },
        {
          name: 'jobs_to_create',
          type: 'number',
          label: { uk: 'Скільки робочих місць створите', en: 'How many jobs you will create' },
          validation: { integer: true, min: 0, max: 100 },
        },
      ],
    },
    {
      id: 'request',
      title: { uk: 'На що потрібен грант', en: 'What the grant is for' },
      questions: [
        {
          name: 'purposes',
          type: 'multi_choice',
          label: { uk: 'Витрати', en: 'Costs' },
          hint: { uk: 'Лише обладнання та приміщення', en: 'Equipment and premises only' },
          required: true,
          choices: [
            { value: 'equipment', label: { uk: 'Обладнання', en: 'Equipment' } },
            {
              value: 'premises',
              label: { uk: 'Ремонт або оренда приміщення', en: 'Premises (repair or rent)' },
            },
          ],
        },
        {
          name: 'plan',
          type: 'long_text',
          label: { uk: 'Як грант допоможе справі', en: 'How the grant will help the business' },
          validation: { maxLength: 3000 },
        },
        {
          name: 'photos',
          type: 'file',
          label: { uk: 'Фото приміщення (за бажанням)', en: 'Photos of the premises (optional)' },
          file: { accept: ['jpeg', 'png'], maxFiles: 3, maxBytes: 5 * 1024 * 1024 },
        },
      ],
    },
  ],
};

export const youthInitiativeForm: FormDefinition = {
  languages: ['uk', 'en'],
  title: { uk: 'Заявка молодіжної ініціативи', en: 'Youth initiative application' },
  sections: [
    {
      id: 'team',
      title: { uk: 'Команда та ідея', en: 'Team and idea' },
      questions: [
        {
          name: 'team_size',
          type: 'number',
          label: { uk: 'Скільки людей у команді', en: 'How many people are in the team' },
          required: true,
          validation: { integer: true, min: 2, max: 15 },
        },
        {
          name: 'youngest_age',
          type: 'number',
          label: { uk: 'Вік наймолодшого учасника', en: 'Age of the youngest member' },
          required: true,
          validation: { integer: true, min: 14, max: 35 },
        },
        {
          name: 'idea',
          type: 'long_text',
          label: { uk: 'Що ви зробите для громади', en: 'What you will do for your community' },
          required: true,
          validation: { minLength: 30, maxLength: 3000 },
        },
      ],
    },
  ],
};

const day = 24 * 3600_000;

/** A business call like a livelihood programme's micro-grants; `form` is pinned by the caller. */
export function businessCallBody(form: { id: string; version: number }, now = Date.now()): CreateCallBody {
  return {
    kind: 'business',
    title: {
      uk: 'Мікрогранти на обладнання для переміщених підприємців',
      en: 'Equipment micro-grants for relocated businesses',
    },
    description: {
      uk: 'До 7 000 євро на обладнання або приміщення для малого бізнесу, що переїхав через війну. Пріоритет — нові робочі місця для переміщених людей.',
      en: 'Up to €7,000 for equipment or premises for small businesses that moved because of the war. New jobs for displaced people come first.',
    },
    currency: 'EUR',
    budgetMinor: 35_000_000,
    maxPerGrantMinor: 700_000,
    opensAt: new Date(now - day).toISOString(),
    closesAt: new Date(now + 45 * day).toISOString(),
    eligibilityRules: [
      { type: 'registered_at_least_months', months: 6, question: 'registration_date' },
      { type: 'staff_at_most', max: 20, question: 'staff_count' },
      { type: 'sector_not_in', sectors: ['gambling', 'alcohol_tobacco'], question: 'sector' },
      { type: 'no_grant_within_months', months: 12 },
      { type: 'amount_at_most' },
      {
        type: 'answer',
        question: 'purposes',
        op: 'answered',
        label: { uk: 'Кошти лише на обладнання або приміщення', en: 'Money for equipment or premises only' },
      },
    ],
    requiredDocuments: [
      {
        kind: 'registration_extract',
        label: { uk: 'Витяг з ЄДР', en: 'Extract from the state register' },
        required: true,
        maxFiles: 2,
      },
      {
        kind: 'quotation',
        label: { uk: 'Рахунок або комерційна пропозиція', en: 'Quotation or invoice' },
        required: true,
        maxFiles: 3,
      },
    ],
    scoringRubric: {
      criteria: [
        {
          key: 'viability',
          label: { uk: 'Життєздатність справи', en: 'Viability of the business' },
          weight: 40,
          scale: { min: 1, max: 5 },
        },
        {
          key: 'jobs',
          label: { uk: 'Робочі місця', en: 'Jobs kept and created' },
          weight: 30,
          scale: { min: 1, max: 5 },
        },
        {
          key: 'inclusion',
          label: { uk: 'Залучення переміщених людей', en: 'Inclusion of displaced people' },
          weight: 30,
          scale: { min: 1, max: 5 },
        },
      ],
    },
    form,
    reviewersPerApplication: 2,
    projectId: null,
  };
}

/** A youth initiative call: small grants for teams of young people. */
export function youthCallBody(form: { id: string; version: number }, now = Date.now()): CreateCallBody {
  return {
    kind: 'youth',
    title: { uk: 'Гранти молодіжним ініціативам', en: 'Grants for youth initiatives' },
    description: {
      uk: 'До 60 000 гривень командам молоді (14–35 років) на проєкт для своєї громади: майстерню, клуб, навчання.',
      en: 'Up to UAH 60,000 for teams of young people (14–35) with a project for their community: a workshop, a club, a course.',
    },
    currency: 'UAH',
    budgetMinor: 120_000_000,
    maxPerGrantMinor: 6_000_000,
    opensAt: new Date(now - day).toISOString(),
    closesAt: new Date(now + 30 * day).toISOString(),
    eligibilityRules: [
      {
        type: 'answer',
        question: 'youngest_age',
        op: 'lte',
        value: 35,
        label: { uk: 'Учасникам не більше 35 років', en: 'Members are 35 or younger' },
      },
      { type: 'amount_at_most' },
    ],
    requiredDocuments: [
      {
        kind: 'budget',
        label: { uk: 'Кошторис проєкту', en: 'Project budget' },
        required: true,
        maxFiles: 1,
      },
    ],
    scoringRubric: {
      criteria: [
        {
          key: 'impact',
          label: { uk: 'Користь для громади', en: 'Benefit to the community' },
          weight: 50,
          scale: { min: 1, max: 10 },
        },
        {
          key: 'feasibility',
          label: { uk: 'Здійсненність', en: 'Feasibility' },
          weight: 50,
          scale: { min: 1, max: 10 },
        },
      ],
    },
    form,
    reviewersPerApplication: 2,
    projectId: null,
  };
}
