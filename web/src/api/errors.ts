// Kept apart from the client so the app shell can recognise API errors without loading zod.

/** Codes the client itself produces when no error body came from the server. */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'http_error';

/** A failed API call, from the `{ error: { code, message, details } }` body or from the client. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
  get isForbidden(): boolean {
    return this.status === 403;
  }
  get isNotFound(): boolean {
    return this.status === 404;
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
