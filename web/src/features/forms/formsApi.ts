import {
  type CreateFormBody,
  formDefinitionRecord,
  formDefinitionsPage,
  xlsFormImportResult,
} from '@oselia/contracts';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client.ts';
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
export const readXlsForm = (file: File) =>
  apiRequest('/forms/xlsform', xlsFormImportResult, {
    method: 'POST',
    query: { fileName: file.name },
    body: file,
  });
