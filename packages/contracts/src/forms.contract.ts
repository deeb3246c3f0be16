import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { pcode } from './places.contract.ts';

/**
 * One form-definition format for every public form (grant applications, training enrolment,
 * feedback). A definition is data: sections of questions, conditions as structured data (never a
 * string to evaluate), validation, two languages. `@oselia/forms` evaluates and validates it, the
 * web renders it, the server stores immutable versions of it.
 */

export const formLanguage = z.enum(['uk', 'en']);
export type FormLanguage = z.infer<typeof formLanguage>;

/** A text in both languages; a language the form does not offer may hold an empty string. */
export const formText = z.object({ uk: z.string().max(4000), en: z.string().max(4000) });
export type FormText = z.infer<typeof formText>;

export const questionName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'a lower-case letter, then lower-case letters, digits or _');

export const questionType = z.enum([
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'choice',
  'multi_choice',
  'place',
  'file',
  'repeat',
  'note',
]);
export type QuestionType = z.infer<typeof questionType>;

export const conditionOp = z.enum([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'includes',
  'answered',
  'not_answered',
]);
export type ConditionOp = z.infer<typeof conditionOp>;

const conditionValue = z.union([
  z.string().max(200),
  z.number(),
  z.array(z.union([z.string().max(200), z.number()])).max(200),
]);
export type ConditionValue = z.infer<typeof conditionValue>;

/**
 * `{question, op, value}` compares one earlier answer: `eq`/`neq` (equal or not; an unanswered
 * question is not equal to anything), `gt`/`gte`/`lt`/`lte` (numbers, money amounts in minor units,
 * ISO dates), `in` (the answer is one of `value`), `includes` (a multi-choice answer contains
 * `value`), `answered`/`not_answered` (no `value`).
 */
export type ComparisonCondition = { question: string; op: ConditionOp; value?: ConditionValue };
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ComparisonCondition;

export const comparisonConditionSchema = z.object({
  question: questionName,
  op: conditionOp,
  value: conditionValue.optional(),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    comparisonConditionSchema.strict(),
  ]),
);

/**
 * `min`/`max`: the value of a number, the amount in minor units of money, the count of selected
 * options of a multi-choice. `minLength`/`maxLength`/`pattern`: texts. `minDate`/`maxDate`: dates.
 * `message` replaces the standard message of any of these failures.
 */
export const questionValidationSchema = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  pattern: z.string().max(500).optional(),
  minDate: z.iso.date().optional(),
  maxDate: z.iso.date().optional(),
  message: formText.optional(),
});
export type QuestionValidation = z.infer<typeof questionValidationSchema>;

export const formChoiceSchema = z.object({
  value: z
    .string()
    .min(1)
    // abort: the regular expression below runs out of stack on millions of letters.
    .max(100, { abort: true })
    .regex(/^[\p{L}\p{N}_.:-]+$/u, 'letters, digits, _ . : -'),
  label: formText,
});
export type FormChoice = z.infer<typeof formChoiceSchema>;

export const fileKind = z.enum(['pdf', 'jpeg', 'png']);
export type FileKind = z.infer<typeof fileKind>;
export const fileSettingsSchema = z.object({
  accept: z.array(fileKind).min(1).max(3),
  maxFiles: z.number().int().min(1).max(20),
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(50 * 1024 * 1024),
});
export type FileSettings = z.infer<typeof fileSettingsSchema>;
/** What a file question accepts when its definition does not say. */
export const defaultFileSettings: FileSettings = {
  accept: ['pdf', 'jpeg', 'png'],
  maxFiles: 1,
  maxBytes: 10 * 1024 * 1024,
};

export const formPlaceLevel = z.enum(['oblast', 'raion', 'hromada', 'settlement']);
export type FormPlaceLevel = z.infer<typeof formPlaceLevel>;

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as UAH, EUR or USD');

export type Question = {
  name: string;
  type: QuestionType;
  label: FormText;
  hint?: FormText | undefined;
  required?: boolean | undefined;
  showIf?: Condition | undefined;
  validation?: QuestionValidation | undefined;
  choices?: FormChoice[] | undefined;
  currency?: string | undefined;
  placeLevel?: FormPlaceLevel | undefined;
  file?: FileSettings | undefined;
  repeat?:
    | { questions: Question[]; minItems?: number | undefined; maxItems?: number | undefined }
    | undefined;
};

export const questionSchema: z.ZodType<Question> = z.lazy(() =>
  z.object({
    name: questionName,
    type: questionType,
    label: formText,
    hint: formText.optional(),
    required: z.boolean().optional(),
    showIf: conditionSchema.optional(),
    validation: questionValidationSchema.optional(),
    choices: z.array(formChoiceSchema).max(500).optional(),
    currency: currencyCode.optional(),
    placeLevel: formPlaceLevel.optional(),
    file: fileSettingsSchema.optional(),
    repeat: z
      .object({
        questions: z.array(questionSchema).min(1).max(100),
        minItems: z.number().int().min(0).max(500).optional(),
        maxItems: z.number().int().min(1).max(500).optional(),
      })
      .optional(),
  }),
);

export const formSectionSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/),
  title: formText,
  description: formText.optional(),
  showIf: conditionSchema.optional(),
  questions: z.array(questionSchema).max(300),
});
export type FormSection = z.infer<typeof formSectionSchema>;

export const formDefinitionSchema = z.object({
  languages: z.array(formLanguage).min(1).max(2),
  title: formText,
  description: formText.optional(),
  sections: z.array(formSectionSchema).min(1).max(100),
});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Money as entered: integer minor units (kopiyky, cents) and the ISO 4217 currency. */
export const moneyAnswerSchema = z.object({ amountMinor: z.number().int(), currency: currencyCode });
export type MoneyAnswer = z.infer<typeof moneyAnswerSchema>;

/**
 * One answer: text, long text, date (ISO), choice and place (P-code) are strings; number a number;
 * money a {@link MoneyAnswer}; multi-choice an array of values; file an array of file ids (uuids
 * from the files module); repeat an array of answer sets, one per item.
 */
export type AnswerValue = string | number | null | string[] | MoneyAnswer | Answers[];
export type Answers = { [name: string]: AnswerValue };

export const answerValueSchema: z.ZodType<AnswerValue> = z.lazy(() =>
  z.union([
    z.string().max(100_000),
    z.number(),
    z.null(),
    z.array(z.string().max(1000)).max(500),
    moneyAnswerSchema,
    z.array(answersSchema).max(500),
  ]),
);
export const answersSchema: z.ZodType<Answers> = z.lazy(() =>
  z.record(z.string().max(64), answerValueSchema),
);

export const formProblemCode = z.enum([
  // answers
  'required',
  'invalid_type',
  'min',
  'max',
  'integer',
  'min_length',
  'max_length',
  'pattern',
  'invalid_date',
  'min_date',
  'max_date',
  'invalid_choice',
  'invalid_currency',
  'invalid_place',
  'invalid_file',
  'too_many_files',
  'min_items',
  'max_items',
  // definitions
  'invalid_definition',
  'duplicate_name',
  'duplicate_section',
  'duplicate_choice',
  'unknown_question',
  'forward_reference',
  'self_reference',
  'not_comparable',
  'unknown_choice',
  'missing_value',
  'missing_choices',
  'missing_repeat',
  'missing_translation',
  'invalid_range',
  'invalid_pattern',
  // XLSForm
  'missing_sheet',
  'missing_column',
  'unknown_type',
  'unsupported_expression',
  'unbalanced_group',
]);
export type FormProblemCode = z.infer<typeof formProblemCode>;

/**
 * One problem. `path`: where, dot-separated: an answer (`members.0.name`), a place in a definition
 * (`sections.1.questions.3.choices`) or an XLSForm cell (`survey.12.relevant`). `sheet`/`row` (as
 * numbered in the spreadsheet, header = 1) when the problem comes from an XLSForm.
 */
export const formProblemSchema = z.object({
  path: z.string(),
  code: formProblemCode,
  message: formText,
  sheet: z.string().optional(),
  row: z.number().int().optional(),
});
export type FormProblem = z.infer<typeof formProblemSchema>;

export const validationStage = z.enum(['draft', 'submit']);
export type ValidationStage = z.infer<typeof validationStage>;

// ---- HTTP: stored form definitions (immutable versions) ----

export const formSource = z.enum(['json', 'xlsform']);

export const formDefinitionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: formText,
  languages: z.array(formLanguage),
  /** Questions that ask something (notes left out), repeat groups' questions included. */
  questionCount: z.number().int(),
  /** How this version was made: written as JSON, or imported from an XLSForm (`sourceName`: its file). */
  source: formSource,
  sourceName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.uuid().nullable(),
});
export type FormDefinitionSummary = z.infer<typeof formDefinitionSummary>;

export const formDefinitionRecord = formDefinitionSummary.extend({
  definition: formDefinitionSchema,
  /** Every version of this form, newest first. */
  versions: z.array(z.number().int()),
});
export type FormDefinitionRecord = z.infer<typeof formDefinitionRecord>;

export const formDefinitionsPage = pageOf(formDefinitionSummary);
export type FormDefinitionsPage = z.infer<typeof formDefinitionsPage>;

export const formsListQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const formParams = z.object({ id: z.uuid() });
export const formVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

const formOrigin = {
  source: formSource.default('json'),
  sourceName: z.string().trim().min(1).max(255).nullable().default(null),
};
export const createFormBody = z.object({ definition: formDefinitionSchema, ...formOrigin });
export type CreateFormBody = z.input<typeof createFormBody>;
/** A new version; `version` is the latest version the editor started from (stale → 409). */
export const updateFormBody = z.object({
  definition: formDefinitionSchema,
  version: z.number().int().min(1),
  ...formOrigin,
});
export type UpdateFormBody = z.input<typeof updateFormBody>;

export const xlsFormUploadQuery = z.object({
  fileName: z.string().trim().min(1).max(255).default('form.xlsx'),
});

/** The definition read from an XLSForm (not saved yet); metadata rows such as start/end are skipped. */
export const xlsFormImportResult = z.object({
  definition: formDefinitionSchema,
  ignoredRows: z.array(z.object({ row: z.number().int(), type: z.string() })),
});
export type XlsFormImportResult = z.infer<typeof xlsFormImportResult>;

export const validateAnswersBody = z.object({
  answers: z.record(z.string(), z.unknown()),
  stage: validationStage.default('submit'),
  version: z.number().int().min(1).optional(),
});
export const validateAnswersResult = z.object({
  ok: z.boolean(),
  answers: answersSchema,
  problems: z.array(formProblemSchema),
});
export type ValidateAnswersResult = z.infer<typeof validateAnswersResult>;

/** A P-code (used by place answers). */
export const placeAnswerSchema = pcode;
