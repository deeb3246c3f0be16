// Kept apart from the client so the app shell can hold the token without loading zod.

/**
 * The CSRF token of the current session, kept in memory only (never in storage). The session code
 * sets it after sign-in and after every GET /auth/session; the client sends it on every write.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const getCsrfToken = (): string | null => csrfToken;
