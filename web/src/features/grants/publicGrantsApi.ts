import {
  applicantApplication,
  applicationDocument,
  applicationStarted,
  applicationStatusView,
  errorBody,
  publicGrantCall,
  publicGrantCallsList,
  type SaveDraftBody,
  type StartApplicationBody,
  submitResult,
} from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, apiSend, apiUrl } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';

const id = encodeURIComponent;
const SECRET_HEADER = 'x-application-secret';

/** What identifies an applicant without an account: the reference code and the secret. */
export interface ApplicantKey {
  referenceCode: string;
  secret: string;
}

const secretHeaders = (key: ApplicantKey) => ({ [SECRET_HEADER]: key.secret.trim() });
const reference = (key: ApplicantKey) => id(key.referenceCode.trim().toUpperCase());

/** A random key for a creating POST: public routes want at least 32 characters. */
const idempotencyKey = () => crypto.randomUUID();

export const publicGrantsKeys = {
  calls: ['public-grants', 'calls'] as const,
  call: (callId: string) => ['public-grants', 'call', callId] as const,
  application: (referenceCode: string) => ['public-grants', 'application', referenceCode] as const,
};

export const publicCallsQuery = () =>
  queryOptions({
    queryKey: publicGrantsKeys.calls,
    queryFn: ({ signal }) => apiGet('/public/grants/calls', publicGrantCallsList, { signal }),
    staleTime: 60_000,
  });

export const publicCallQuery = (callId: string) =>
  queryOptions({
    queryKey: publicGrantsKeys.call(callId),
    queryFn: ({ signal }) => apiGet(`/public/grants/calls/${id(callId)}`, publicGrantCall, { signal }),
    staleTime: 60_000,
  });

/** Reads an error answer the way the JSON client does. */
async function failure(response: Response): Promise<ApiError> {
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    json = undefined;
  }
  const parsed = errorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
}

async function rawFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
}

export const publicGrantsApi = {
  start: (callId: string, body: StartApplicationBody) =>
    apiRequest(`/public/grants/calls/${id(callId)}/applications`, applicationStarted, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey() },
    }),
  load: (key: ApplicantKey, signal?: AbortSignal) =>
    apiGet(`/public/grants/applications/${reference(key)}`, applicantApplication, {
      headers: secretHeaders(key),
      ...(signal ? { signal } : {}),
    }),
  save: (key: ApplicantKey, body: SaveDraftBody) =>
    apiRequest(`/public/grants/applications/${reference(key)}`, applicantApplication, {
      method: 'PUT',
      body,
      headers: secretHeaders(key),
    }),
  submit: (key: ApplicantKey, version: number) =>
    apiRequest(`/public/grants/applications/${reference(key)}/submit`, submitResult, {
      method: 'POST',
      body: { version },
      headers: secretHeaders(key),
    }),
  status: (key: ApplicantKey) =>
    apiGet(`/public/grants/applications/${reference(key)}/status`, applicationStatusView, {
      headers: secretHeaders(key),
    }),
  removeDocument: (key: ApplicantKey, documentId: string) =>
    apiSend(`/public/grants/applications/${reference(key)}/documents/${id(documentId)}`, {
      method: 'DELETE',
      headers: secretHeaders(key),
    }),

  /** Sends the file itself as the request body; the server checks its content, not its name. */
  async upload(key: ApplicantKey, kind: string, file: File) {
    const response = await rawFetch(
      apiUrl(`/public/grants/applications/${reference(key)}/documents`, { kind, name: file.name }),
      {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/octet-stream',
          'Idempotency-Key': idempotencyKey(),
          ...secretHeaders(key),
        },
        body: file,
      },
    );
    if (!response.ok) throw await failure(response);
    const parsed = applicationDocument.safeParse(await response.json());
    if (!parsed.success) {
      throw new ApiError(response.status, 'invalid_response', 'The server answered in an unexpected shape');
    }
    return parsed.data;
  },

  /** One of the applicant's own documents, as a file to save (the secret travels in a header). */
  async download(key: ApplicantKey, documentId: string): Promise<Blob> {
    const response = await rawFetch(
      apiUrl(`/public/grants/applications/${reference(key)}/documents/${id(documentId)}`),
      { headers: secretHeaders(key) },
    );
    if (!response.ok) throw await failure(response);
    return response.blob();
  },
};

/** Offers a blob as a download with a file name. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
