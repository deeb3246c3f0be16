import { errorBody } from '@oselia/contracts';
import { getCsrfToken } from './csrf.ts';
import { ApiError } from './errors.ts';

export { setCsrfToken } from './csrf.ts';

export { ApiError, isApiError } from './errors.ts';

/** Base path of the REST API; the dev server proxies it to the API server. */
export const API_BASE = '/api/v1';

/**
 * Anything with zod's `safeParse`; kept structural so the web app needs no direct zod import.
 * The contract schemas from `@oselia/contracts` fit it.
 */
export interface ResponseSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON, except a `Blob` (a chosen `File`), which is sent as the request body itself. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Builds `/api/v1/<path>?<query>`, leaving out empty query values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path.startsWith('/') ? path : `/${path}`}${search ? `?${search}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Performs a request and returns the raw (unvalidated) JSON body; throws `ApiError` on failure. */
async function send(path: string, options: RequestOptions = {}): Promise<{ status: number; body: unknown }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const csrfToken = getCsrfToken();
  if (csrfToken && !SAFE_METHODS.has(method)) headers['x-csrf-token'] = csrfToken;
  let body: string | Blob | undefined;
  if (options.body instanceof Blob) {
    // The server reads what a file is from its bytes, never from the type the browser guesses.
    headers['Content-Type'] ??= 'application/octet-stream';
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      credentials: 'include',
      headers,
      body,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const json = await readJson(response);
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
  }
  return { status: response.status, body: json };
}

/** Calls the API and validates the answer with a contract schema. */
export async function apiRequest<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const { status, body } = await send(path, options);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      status,
      'invalid_response',
      'The server answered in an unexpected shape',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** A request whose answer has no body worth reading (204); throws `ApiError` on failure. */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, { method: 'POST', ...options });
}

/** GET shorthand. */
export function apiGet<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<T> {
  return apiRequest(path, schema, options);
}

/** Fetches a resource that has no contract schema (e.g. GeoJSON); the caller checks its shape. */
export async function apiGetUnchecked(path: string, signal?: AbortSignal): Promise<unknown> {
  const { body } = await send(path, {
    signal,
    headers: { Accept: 'application/geo+json, application/json' },
  });
  return body;
}
