import { z } from 'zod';
import { job } from './jobs.contract.ts';

/**
 * Importing people from a file (a KoboToolbox export, a partner's spreadsheet): upload, map the
 * columns, check every row (dry run), then import as a durable job, all or nothing.
 */

/** The person fields a file column can feed. */
export const importField = z.enum([
  'sourceId',
  'familyName',
  'givenName',
  'patronymic',
  'birthDate',
  'birthDatePrecision',
  'sex',
  'phone',
  'phone2',
  'populationGroup',
  'originPcode',
  'currentPcode',
  'displacementDate',
  'taxNumber',
  'passport',
  'idpCertificate',
  'householdKey',
  'relationship',
  'wgSeeing',
  'wgHearing',
  'wgWalking',
  'wgCognition',
  'wgSelfCare',
  'wgCommunication',
  'vulnerabilities',
  'consentAssistance',
]);
export type ImportField = z.infer<typeof importField>;

const columnName = z.string().min(1).max(300);

/** Which file column feeds which field; unmapped fields stay empty. */
export const importMapping = z.object(
  Object.fromEntries(importField.options.map((f) => [f, columnName.optional()])) as {
    [K in ImportField]: z.ZodOptional<typeof columnName>;
  },
);
export type ImportMapping = z.infer<typeof importMapping>;

export const importSourceName = z
  .string()
  .trim()
  .min(1)
  // abort: the regular expression below runs out of stack on millions of letters.
  .max(100, { abort: true })
  .regex(/^[\p{L}\p{N}._ -]+$/u, 'letters, digits, spaces, dots, hyphens and underscores');

export const uploadImportQuery = z.object({
  source: importSourceName,
  fileName: z.string().trim().min(1).max(255).default('upload'),
});

export const importStatus = z.enum(['draft', 'validated', 'importing', 'imported', 'failed']);

/** One problem in one cell: the row as numbered in the file (header = row 1) and the column. */
export const importRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importDuplicate = z.object({
  row: z.number().int(),
  sameAsRow: z.number().int(),
  /** `same_row`: the same record twice (imported once); `same_identifier`: two records share a document number. */
  reason: z.enum(['same_row', 'same_identifier']),
});

export const importReport = z.object({
  validatedAt: z.iso.datetime({ offset: true }),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Rows already in the registry from an earlier import of this source. */
  alreadyPresent: z.number().int(),
  households: z.number().int(),
  errors: z.array(importRowError),
  /** How many errors there are in all; `errors` holds at most the first 10,000. */
  errorCount: z.number().int(),
  duplicates: z.array(importDuplicate),
  /** Filled once an import skipped invalid rows: their row numbers. */
  skippedRows: z.array(z.number().int()).optional(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importCounts = z.object({
  imported: z.number().int(),
  alreadyPresent: z.number().int(),
  skippedInvalid: z.number().int(),
  duplicatesInFile: z.number().int(),
  households: z.number().int(),
});

export const uploadImportResult = z.object({
  importId: z.uuid(),
  format: z.enum(['csv', 'xlsx']),
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  /** The mapping saved for this source, else one guessed from the header names. */
  suggestedMapping: importMapping,
  mappingSavedForSource: z.boolean(),
  sampleRows: z.array(z.record(z.string(), z.string())),
});

export const startImportBody = z.object({ skipInvalidRows: z.boolean().default(false) });

export const peopleImport = z.object({
  id: z.uuid(),
  source: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  status: importStatus,
  mapping: importMapping.nullable(),
  report: importReport.nullable(),
  counts: importCounts.nullable(),
  skipInvalidRows: z.boolean(),
  error: z.string().nullable(),
  job: job.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PeopleImport = z.infer<typeof peopleImport>;

export const startImportResult = z.object({ importId: z.uuid(), jobId: z.uuid() });
