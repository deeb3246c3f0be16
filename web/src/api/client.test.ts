import { placesPage } from '@oselia/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, apiSend, apiUrl, setCsrfToken } from './client.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('apiUrl', () => {
  it('prefixes /api/v1 and drops empty query values', () => {
    expect(apiUrl('/places', { level: 1, parent: undefined, q: '', cursor: null })).toBe(
      '/api/v1/places?level=1',
    );
    expect(apiUrl('jobs')).toBe('/api/v1/jobs');
  });
});

describe('apiGet', () => {
  it('returns the parsed body and sends cookies', async () => {
    const fetchMock = vi.fn(async () => json(200, { items: [], next: null }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiGet('/places', placesPage)).resolves.toEqual({ items: [], next: null });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/places',
      expect.objectContaining({ credentials: 'include' }),
    );
  });

  it('turns the error body into an ApiError', async () => {
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }));
    const error = await apiGet('/jobs', placesPage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', isUnauthenticated: true });
  });

  it('reports an answer that breaks the contract', async () => {
    vi.stubGlobal('fetch', async () => json(200, { items: 'nope' }));
    await expect(apiGet('/places', placesPage)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports a network failure with status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiGet('/places', placesPage)).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('keeps a non-JSON error readable', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(apiGet('/places', placesPage)).rejects.toMatchObject({ status: 502, code: 'http_error' });
  });
});

describe('CSRF token', () => {
  afterEach(() => setCsrfToken(null));

  it('is sent on writes and not on reads', async () => {
    const fetchMock = vi.fn(async () => json(200, { items: [], next: null }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-123');
    await apiGet('/places', placesPage);
    await apiSend('/auth/sign-out');
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    const [, read] = calls[0]!;
    const [, write] = calls[1]!;
    expect((read.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((write.headers as Record<string, string>)['x-csrf-token']).toBe('tok-123');
    expect(write.method).toBe('POST');
  });
});
