// Helpers for the grants journey: API sessions to set things up, users, valid business numbers and
// small files made in the test.
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { onePagePdf } from '../../server/src/shared/one-page-pdf.ts';
import { baseURL } from './browser.ts';
import { type Credentials, DEMO_USERS } from './ui.ts';

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, read field by field in the journey
  body: any;
}

/** Calls the API as a signed-in user (cookie and CSRF token), or as the public when not signed in. */
export async function apiSession(who: Credentials | null) {
  let cookie = '';
  let csrf = '';
  if (who) {
    const res = await fetch(`${baseURL}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    expect(res.status, `API sign-in of ${who.email}`).toBe(200);
    cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> => {
    const raw = body instanceof Uint8Array;
    const r = await fetch(`${baseURL}/api/v1${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}),
        ...(body === undefined
          ? {}
          : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? (body as Uint8Array) : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: r.status, body: parsed };
  };
}

/** A user made by the demo admin in the mission organisation, with a password. */
export async function makeUser(roles: string[], displayName: string): Promise<Credentials & { id: string }> {
  const admin = await apiSession(DEMO_USERS.admin);
  const orgs = await admin('GET', '/organisations?limit=50');
  const mission = (orgs.body.items as { id: string; type: string }[]).find((o) => o.type === 'mission');
  const id = randomInt(1e6, 1e7);
  const user = {
    email: `e2e-grants-${id}@example.org`,
    password: `Grant-journey-${id}-Kherson-lighthouse`,
  };
  const created = await admin('POST', '/users', {
    ...user,
    displayName,
    organisationId: mission?.id,
    roles,
    totpRequired: false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { ...user, id: created.body.user?.id ?? created.body.id };
}

/**
 * A valid ЄДРПОУ: eight digits whose last is the check digit (weights 1…7, or 7,1…6 between 30
 * and 60 million; on a remainder of 10 the weights go up by 2). Random per call.
 */
export function edrpou(): string {
  for (;;) {
    const seven = String(randomInt(1_000_000, 2_999_999)).padStart(7, '0');
    const d = [...seven].map(Number);
    const weights = [1, 2, 3, 4, 5, 6, 7];
    const sum = (shift: number) => weights.reduce((acc, w, i) => acc + (w + shift) * d[i]!, 0) % 11;
    let check = sum(0);
    if (check === 10) check = sum(2) % 10;
    if (check !== 10) return `${seven}${check}`;
  }
}

/** A small, real PDF (one page with a line of text). */
export const smallPdf = (text = 'Business plan'): Buffer => onePagePdf(text);

/** A "PDF" past the size limit: a real PDF header, then padding. */
export function hugePdf(bytes: number): Buffer {
  const head = smallPdf();
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x20)]);
}
