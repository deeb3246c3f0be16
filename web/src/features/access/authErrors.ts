import type { TFunction } from 'i18next';
import { isApiError } from '../../api/errors.ts';

type T = TFunction<'translation'>;

/** Minutes to wait after a 429, rounded up, from `details.retryAfterSeconds`. */
export function retryMinutes(error: unknown): number | null {
  if (!isApiError(error) || error.status !== 429) return null;
  const seconds = Number((error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

/** The sign-in errors that deserve their own words; null for the rest. */
export function signInErrorText(t: T, error: unknown): string | null {
  const minutes = retryMinutes(error);
  if (minutes !== null) return t('auth.locked', { minutes });
  if (isApiError(error) && error.isUnauthenticated) return t('auth.wrongCredentials');
  return null;
}
