import {
  type ImportMapping,
  importReport,
  type PeopleImport,
  peopleImport,
  startImportResult,
  uploadImportResult,
} from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../../api/client.ts';

const id = encodeURIComponent;

export const importKeys = {
  one: (importId: string) => ['people', 'imports', importId] as const,
};

/** Sends the chosen file itself as the request body; the server reads what it is from its bytes. */
export const uploadPeopleFile = (source: string, file: File) =>
  apiRequest('/people/imports', uploadImportResult, {
    method: 'POST',
    query: { source, fileName: file.name },
    body: file,
  });

export const fetchImport = (importId: string, signal?: AbortSignal) =>
  apiGet(`/people/imports/${id(importId)}`, peopleImport, { signal });

export const importQuery = (importId: string) =>
  queryOptions({
    queryKey: importKeys.one(importId),
    queryFn: ({ signal }) => fetchImport(importId, signal),
    staleTime: 0,
    // The job itself is followed every second (a small answer; this one carries the whole report);
    // this slower poll only backs it up.
    refetchInterval: (query) => {
      const data: PeopleImport | undefined = query.state.data;
      return data?.status === 'importing' ? 10_000 : false;
    },
  });

export const setImportMapping = (importId: string, mapping: ImportMapping) =>
  apiRequest(`/people/imports/${id(importId)}/mapping`, peopleImport, { method: 'PUT', body: mapping });

export const dryRunImport = (importId: string) =>
  apiRequest(`/people/imports/${id(importId)}/dry-run`, importReport, { method: 'POST' });

export const startImport = (importId: string, skipInvalidRows: boolean) =>
  apiRequest(`/people/imports/${id(importId)}/start`, startImportResult, {
    method: 'POST',
    body: { skipInvalidRows },
  });
