import type { FormPlaceLevel, FormText } from '@oselia/contracts';

/** Standard messages of answer and definition problems, in both languages. */

const t = (uk: string, en: string): FormText => ({ uk, en });

const placeLevelName: Record<FormPlaceLevel, FormText> = {
  oblast: t('область', 'an oblast'),
  raion: t('район', 'a raion'),
  hromada: t('громаду', 'a hromada'),
  settlement: t('населений пункт', 'a settlement'),
};

/** An amount in minor units written in major units (2 decimals), e.g. 700000 EUR → "7000.00 EUR". */
export function formatMinor(amountMinor: number, currency?: string): string {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const major = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return currency ? `${major} ${currency}` : major;
}

export const answerMessages = {
  required: () => t('Потрібна відповідь', 'An answer is required'),
  invalidType: () => t('Відповідь має неправильний вигляд', 'The answer has the wrong form'),
  notNumber: () => t('Потрібне число', 'A number is required'),
  min: (n: string) => t(`Не менше ніж ${n}`, `At least ${n}`),
  max: (n: string) => t(`Не більше ніж ${n}`, `At most ${n}`),
  integer: () => t('Потрібне ціле число', 'A whole number is required'),
  minLength: (n: number) => t(`Щонайменше символів: ${n}`, `At least ${n} characters`),
  maxLength: (n: number) => t(`Не більше символів: ${n}`, `At most ${n} characters`),
  pattern: () =>
    t('Відповідь не відповідає потрібному формату', 'The answer does not match the expected format'),
  invalidDate: () => t('Потрібна дата (РРРР-ММ-ДД)', 'A date is required (YYYY-MM-DD)'),
  minDate: (d: string) => t(`Не раніше ніж ${d}`, `Not before ${d}`),
  maxDate: (d: string) => t(`Не пізніше ніж ${d}`, `Not after ${d}`),
  invalidChoice: () => t('Оберіть із запропонованих варіантів', 'Choose from the options given'),
  invalidCurrency: (c: string) => t(`Валюта має бути ${c}`, `The currency must be ${c}`),
  invalidPlace: (level?: FormPlaceLevel) =>
    level
      ? t(`Оберіть ${placeLevelName[level].uk} зі списку`, `Choose ${placeLevelName[level].en} from the list`)
      : t('Оберіть місце зі списку', 'Choose a place from the list'),
  invalidFile: () => t('Це не завантажений файл', 'This is not an uploaded file'),
  tooManyFiles: (n: number) => t(`Не більше файлів: ${n}`, `At most ${n} files`),
  minItems: (n: number) => t(`Додайте щонайменше записів: ${n}`, `Add at least ${n} entries`),
  maxItems: (n: number) => t(`Не більше записів: ${n}`, `At most ${n} entries`),
};

export const definitionMessages = {
  invalidDefinition: (detail: string) =>
    t(`Опис форми неправильний: ${detail}`, `The form definition is not valid: ${detail}`),
  duplicateName: (name: string) =>
    t(`Назва питання «${name}» повторюється`, `The question name "${name}" is used more than once`),
  duplicateSection: (id: string) =>
    t(`Ідентифікатор розділу «${id}» повторюється`, `The section id "${id}" is used more than once`),
  duplicateChoice: (value: string) =>
    t(`Варіант «${value}» повторюється`, `The option "${value}" is listed more than once`),
  unknownQuestion: (name: string) =>
    t(
      `Умова посилається на невідоме питання «${name}»`,
      `The condition refers to an unknown question "${name}"`,
    ),
  outOfScope: (name: string) =>
    t(
      `Питання «${name}» у групі, що повторюється: на нього можна посилатися лише всередині групи`,
      `The question "${name}" is inside a repeat group: only questions of that group can refer to it`,
    ),
  forwardReference: (name: string) =>
    t(
      `Умова посилається на питання «${name}», яке стоїть далі у формі`,
      `The condition refers to "${name}", which comes later in the form`,
    ),
  selfReference: (name: string) =>
    t(`Умова питання «${name}» посилається на нього саме`, `The condition of "${name}" refers to itself`),
  notComparable: (name: string, op: string) =>
    t(
      `Питання «${name}» не можна порівнювати через «${op}»`,
      `The question "${name}" cannot be compared with "${op}"`,
    ),
  unknownChoice: (name: string, value: string) =>
    t(`У питання «${name}» немає варіанта «${value}»`, `The question "${name}" has no option "${value}"`),
  missingValue: (op: string) =>
    t(`Для порівняння «${op}» потрібне значення`, `The comparison "${op}" needs a value`),
  missingChoices: (name: string) =>
    t(`Питання «${name}» з вибором не має варіантів`, `The choice question "${name}" has no options`),
  missingRepeat: (name: string) =>
    t(`Група «${name}» не має питань`, `The repeat group "${name}" has no questions`),
  missingTranslation: (lang: string) =>
    t(`Бракує тексту мовою «${lang}»`, `The text in "${lang}" is missing`),
  invalidRange: () => t('Найменше значення більше за найбільше', 'The minimum is greater than the maximum'),
  invalidPattern: () =>
    t('Шаблон (регулярний вираз) неправильний', 'The pattern (regular expression) is not valid'),
};
