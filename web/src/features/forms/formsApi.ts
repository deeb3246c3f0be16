import {
  type CreateFormBody,
  errorBody,
  formDefinitionRecord,
  formDefinitionsPage,
  xlsFormImportResult,
} from '@oselia/contracts';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, apiUrl } from '../../api/client.ts';
import { getCsrfToken } from '../../api/csrf.ts';
import { ApiError } from '../../api/errors.ts';

const id = encodeURIComponent;

export const formsKeys = {
  all: ['forms'] as const,
  list: (q: string) => ['forms', 'list', q] as const,
  form: (formId: string, version: number | undefined) =>
    ['forms', 'form', formId, version ?? 'latest'] as const,
};

export const formsListQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: formsKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      apiGet('/forms', formDefinitionsPage, { query: { q, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const formRecordQuery = (formId: string, version: number | undefined) =>
  queryOptions({
    queryKey: formsKeys.form(formId, version),
    queryFn: ({ signal }) =>
      apiGet(`/forms/${id(formId)}`, formDefinitionRecord, { query: { version }, signal }),
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const saveForm = (body: CreateFormBody) =>
  apiRequest('/forms', formDefinitionRecord, { method: 'POST', body });

/**
 * Sends an XLSForm workbook itself as the request body; the server reads it into a definition
 * (not saved). A 400 carries `details.problems`, each with its sheet and row.
 */
export async function readXlsForm(file: File) {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/octet-stream',
  };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(apiUrl('/forms/xlsform', { fileName: file.name }), {
      method: 'POST',
      credentials: 'include',
      headers,
      body: file,
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
  }
  const parsed = xlsFormImportResult.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'invalid_response', 'unexpected answer');
  return parsed.data;
}
