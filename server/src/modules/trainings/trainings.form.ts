import type { Answers, FormDefinition, Question } from '@oselia/contracts';

/**
 * The standard enrolment form of a training. An event may use a stored form of its own instead,
 * as long as it asks the core questions below under the same names: selection, the registry and
 * confirmations rely on them.
 */
export const CORE_QUESTIONS = [
  'family_name',
  'given_name',
  'birth_date',
  'sex',
  'population_group',
  'consent',
] as const;

const yes = [{ value: 'yes', label: { uk: 'Так, погоджуюся', en: 'Yes, I agree' } }];

export const standardEnrolmentForm: FormDefinition = {
  languages: ['uk', 'en'],
  title: { uk: 'Заявка на участь у навчанні', en: 'Application to take part in a training' },
  description: {
    uk: 'Заповніть форму, щоб подати заявку. Ми повідомимо вас про результат відбору.',
    en: 'Fill in the form to apply. We will tell you the outcome of the selection.',
  },
  sections: [
    {
      id: 'about_you',
      title: { uk: 'Про вас', en: 'About you' },
      questions: [
        {
          name: 'family_name',
          type: 'text',
          label: { uk: 'Прізвище', en: 'Family name' },
          required: true,
          validation: { maxLength: 100 },
        },
        {
          name: 'given_name',
          type: 'text',
          label: { uk: 'Імʼя', en: 'Given name' },
          required: true,
          validation: { maxLength: 100 },
        },
        {
          name: 'patronymic',
          type: 'text',
          label: { uk: 'По батькові', en: 'Patronymic' },
          validation: { maxLength: 100 },
        },
        {
          name: 'birth_date',
          type: 'date',
          label: { uk: 'Дата народження', en: 'Date of birth' },
          required: true,
          validation: { minDate: '1930-01-01' },
        },
        {
          name: 'sex',
          type: 'choice',
          label: { uk: 'Стать', en: 'Sex' },
          required: true,
          choices: [
            { value: 'F', label: { uk: 'Жіноча', en: 'Female' } },
            { value: 'M', label: { uk: 'Чоловіча', en: 'Male' } },
            { value: 'other', label: { uk: 'Інше або не хочу вказувати', en: 'Other or prefer not to say' } },
          ],
        },
        {
          name: 'population_group',
          type: 'choice',
          label: { uk: 'Ви…', en: 'You are…' },
          required: true,
          choices: [
            {
              value: 'idp',
              label: { uk: 'Внутрішньо переміщена особа', en: 'Internally displaced' },
            },
            { value: 'returnee', label: { uk: 'Повернулися додому', en: 'Returned home' } },
            {
              value: 'host_community',
              label: { uk: 'Мешканець громади, що приймає', en: 'From the host community' },
            },
            {
              value: 'refugee_migrant',
              label: { uk: 'Біженець або мігрант', en: 'Refugee or migrant' },
            },
          ],
        },
        {
          name: 'oblast',
          type: 'place',
          placeLevel: 'oblast',
          label: { uk: 'Область, де ви живете зараз', en: 'Oblast where you live now' },
        },
      ],
    },
    {
      id: 'contact',
      title: { uk: 'Звʼязок', en: 'Contact' },
      questions: [
        {
          name: 'email',
          type: 'text',
          label: { uk: 'Електронна пошта', en: 'Email' },
          hint: {
            uk: 'Сюди надійде підтвердження і результат відбору',
            en: 'The confirmation and the outcome will be sent here',
          },
          validation: {
            maxLength: 200,
            pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
            message: {
              uk: 'Вкажіть адресу на кшталт name@example.org',
              en: 'An address such as name@example.org',
            },
          },
        },
        {
          name: 'phone',
          type: 'text',
          label: { uk: 'Телефон', en: 'Phone' },
          validation: { maxLength: 30, pattern: '^[+0-9 ()-]{6,30}$' },
        },
        {
          name: 'motivation',
          type: 'long_text',
          label: { uk: 'Чому ви хочете взяти участь?', en: 'Why do you want to take part?' },
          validation: { maxLength: 2000 },
        },
      ],
    },
    {
      id: 'consent_section',
      title: { uk: 'Згода', en: 'Consent' },
      questions: [
        {
          name: 'consent',
          type: 'choice',
          label: {
            uk: 'Я погоджуюся, що місія обробляє мої дані для відбору, участі в навчанні й обліку допомоги',
            en: 'I agree that the mission processes my data for selection, taking part in the training and recording the assistance',
          },
          required: true,
          choices: yes,
        },
      ],
    },
  ],
};

/** The core questions a form lacks (by name), for a stored form chosen for an event. */
export function missingCoreQuestions(definition: FormDefinition): string[] {
  const names = new Set<string>();
  const walk = (qs: Question[]) => {
    for (const q of qs) {
      names.add(q.name);
      if (q.repeat) walk(q.repeat.questions);
    }
  };
  for (const s of definition.sections) walk(s.questions);
  return CORE_QUESTIONS.filter((n) => !names.has(n));
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const SEXES = ['F', 'M', 'other'] as const;
const GROUPS = ['idp', 'returnee', 'host_community', 'refugee_migrant'] as const;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  list.find((x) => x === v) ?? null;

/** What the registry, selection and confirmations take from validated answers. */
export function applicantFrom(answers: Answers) {
  return {
    familyName: text(answers.family_name) ?? '',
    givenName: text(answers.given_name) ?? '',
    patronymic: text(answers.patronymic),
    birthDate: text(answers.birth_date),
    sex: oneOf(SEXES, text(answers.sex)) ?? ('unknown' as const),
    populationGroup: oneOf(GROUPS, text(answers.population_group)),
    oblastPcode: text(answers.oblast),
    email: text(answers.email),
    phone: text(answers.phone),
    consent: text(answers.consent) === 'yes',
  };
}
export type Applicant = ReturnType<typeof applicantFrom>;
