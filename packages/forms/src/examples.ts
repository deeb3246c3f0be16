import type { FormDefinition } from '@oselia/contracts';

/**
 * A small business-grant application form that uses every question type: for tests, the demo and
 * as a starting point. Invented content.
 */
export const exampleGrantForm: FormDefinition = {
  languages: ['uk', 'en'],
  title: { uk: 'Заявка на грант для малого бізнесу', en: 'Small business grant application' },
  description: {
    uk: 'Для підприємців, які перемістили свою справу через війну.',
    en: 'For entrepreneurs who moved their business because of the war.',
  },
  sections: [
    {
      id: 'business',
      title: { uk: 'Ваша справа', en: 'Your business' },
      questions: [
        {
          name: 'business_name',
          type: 'text',
          label: { uk: 'Назва справи', en: 'Business name' },
          required: true,
          validation: { maxLength: 200 },
        },
        {
          name: 'edrpou',
          type: 'text',
          label: { uk: 'Код ЄДРПОУ або РНОКПП', en: 'EDRPOU or tax number' },
          hint: { uk: '8 або 10 цифр', en: '8 or 10 digits' },
          required: true,
          validation: {
            pattern: '^(\\d{8}|\\d{10})$',
            message: { uk: 'Потрібно 8 або 10 цифр', en: '8 or 10 digits are needed' },
          },
        },
        {
          name: 'sector',
          type: 'choice',
          label: { uk: 'Галузь', en: 'Sector' },
          required: true,
          choices: [
            { value: 'food', label: { uk: 'Харчування', en: 'Food' } },
            { value: 'repair', label: { uk: 'Ремонт і сервіс', en: 'Repair and services' } },
            { value: 'manufacturing', label: { uk: 'Виробництво', en: 'Manufacturing' } },
            { value: 'other', label: { uk: 'Інше', en: 'Other' } },
          ],
        },
        {
          name: 'sector_other',
          type: 'text',
          label: { uk: 'Яка саме галузь?', en: 'Which sector?' },
          required: true,
          showIf: { question: 'sector', op: 'eq', value: 'other' },
        },
        {
          name: 'location',
          type: 'place',
          label: { uk: 'Де працює справа зараз', en: 'Where the business works now' },
          required: true,
          placeLevel: 'hromada',
        },
        {
          name: 'relocated_on',
          type: 'date',
          label: { uk: 'Коли справу перенесено', en: 'When the business moved' },
          validation: { minDate: '2014-01-01' },
        },
        {
          name: 'staff',
          type: 'number',
          label: { uk: 'Скільки людей працює', en: 'How many people work there' },
          required: true,
          validation: { integer: true, min: 0, max: 50 },
        },
      ],
    },
    {
      id: 'request',
      title: { uk: 'Запит', en: 'Request' },
      questions: [
        {
          name: 'amount',
          type: 'money',
          label: { uk: 'Сума гранту', en: 'Grant amount' },
          currency: 'EUR',
          required: true,
          validation: { min: 100_000, max: 700_000 },
        },
        {
          name: 'purposes',
          type: 'multi_choice',
          label: { uk: 'На що підуть кошти', en: 'What the money is for' },
          required: true,
          choices: [
            { value: 'equipment', label: { uk: 'Обладнання', en: 'Equipment' } },
            { value: 'premises', label: { uk: 'Приміщення', en: 'Premises' } },
          ],
        },
        {
          name: 'items',
          type: 'repeat',
          label: { uk: 'Що плануєте купити', en: 'What you plan to buy' },
          showIf: { question: 'purposes', op: 'includes', value: 'equipment' },
          repeat: {
            minItems: 1,
            maxItems: 10,
            questions: [
              { name: 'item', type: 'text', label: { uk: 'Річ', en: 'Item' }, required: true },
              {
                name: 'item_price',
                type: 'money',
                label: { uk: 'Ціна', en: 'Price' },
                currency: 'EUR',
                required: true,
              },
            ],
          },
        },
        {
          name: 'plan',
          type: 'long_text',
          label: { uk: 'Як грант допоможе справі', en: 'How the grant will help the business' },
          required: true,
          validation: { minLength: 50, maxLength: 3000 },
        },
        {
          name: 'documents_note',
          type: 'note',
          label: { uk: 'Додайте документи', en: 'Add your documents' },
        },
        {
          name: 'registration_doc',
          type: 'file',
          label: { uk: 'Виписка з реєстру', en: 'Registry extract' },
          required: true,
          file: { accept: ['pdf', 'jpeg', 'png'], maxFiles: 2, maxBytes: 5 * 1024 * 1024 },
        },
      ],
    },
  ],
};
