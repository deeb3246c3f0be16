import type { TFunction } from 'i18next';
import { useState } from 'react';
import { isApiError } from '../../api/errors.ts';

/** The parts of a zod issue the forms use; structural, so no direct zod import is needed. */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
}

interface Validating<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

export type FieldErrors = Record<string, string>;

type T = TFunction<'translation'>;

/** One issue in the reader's language. */
export function issueText(t: T, issue: Issue): string {
  const n = Number(issue.minimum ?? issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return t('forms.chooseAtLeast', { n });
      return n <= 1 ? t('forms.required') : t('forms.minLength', { n });
    case 'too_big':
      return issue.origin === 'array' ? t('forms.chooseAtMost', { n }) : t('forms.maxLength', { n });
    case 'invalid_format':
      if (issue.format === 'email') return t('forms.email');
      if (issue.message === 'six digits') return t('forms.sixDigits');
      return t('forms.format');
    default:
      return t('forms.invalid');
  }
}

/** Validates with a contract schema; returns the data or the first message per field. */
export function validate<D>(
  t: T,
  schema: Validating<D>,
  values: unknown,
): { data: D; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    errors[field] ??= issueText(t, issue);
  }
  return { data: null, errors };
}

/** Server messages the forms know, so they can be shown in the reader's language. */
const KNOWN_SERVER_MESSAGES: [RegExp, string][] = [
  [/at least 12 characters/, 'forms.server.passwordShort'],
  [/common passwords/, 'forms.server.passwordCommon'],
  [/too easy to guess/, 'forms.server.passwordWeak'],
  [/unknown organisation/, 'forms.server.unknownOrganisation'],
  [/^taken$/, 'forms.server.emailTaken'],
  [/code is not right/, 'forms.server.codeWrong'],
  [/^not right$/, 'forms.server.currentPasswordWrong'],
];

export function serverMessage(t: T, message: string): string {
  for (const [pattern, key] of KNOWN_SERVER_MESSAGES) {
    if (pattern.test(message)) return t(key as 'forms.invalid');
  }
  return message;
}

/**
 * Field errors from a 400/409 answer (`details.fields[{field, message}]`), keyed by the form's
 * field names. `rename` maps server field names (e.g. `password`) to the form's (`newPassword`).
 */
export function serverFieldErrors(t: T, error: unknown, rename: Record<string, string> = {}): FieldErrors {
  if (!isApiError(error)) return {};
  const details = error.details as { fields?: { field?: unknown; message?: unknown }[] } | undefined;
  const errors: FieldErrors = {};
  for (const f of details?.fields ?? []) {
    if (typeof f.field !== 'string') continue;
    const name = f.field.replace(/^body\./, '');
    const key = rename[name] ?? name;
    errors[key] ??= serverMessage(t, typeof f.message === 'string' ? f.message : '');
  }
  return errors;
}

/** Form errors kept in state: client-side ones first, then the server's. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    errors,
    setErrors,
    clear: () => setErrors({}),
    /** Mantine's `error` prop for a field. */
    of: (field: string) => errors[field],
  };
}

/** After a failed submit, moves focus to the first field marked invalid (once React has rendered). */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  window.setTimeout(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, 0);
}
