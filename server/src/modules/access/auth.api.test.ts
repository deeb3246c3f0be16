import { currentSession } from '@oselia/contracts';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, DEFAULT_PASSWORD, signedInAs, signIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
});
afterAll(() => t.close());

const signInRaw = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

describe('sign in and out', () => {
  it('signs in with a session cookie that is httpOnly and SameSite, and signs out', async () => {
    const user = await buildUser(t);
    const res = await signInRaw(user.email.toUpperCase(), DEFAULT_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = currentSession.parse(res.json());
    expect(body.state).toBe('active');
    const cookie = res.cookies.find((c) => c.name === 'oselia_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const session = { cookie: `oselia_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
    expect((await call(t, session, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await call(t, session, 'POST', '/api/v1/auth/sign-out')).statusCode).toBe(204);
    // A revoked session is a stale session: 401, never a 500.
    expect((await call(t, session, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('marks the cookie Secure outside localhost', async () => {
    const user = await buildUser(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { host: 'oselia.example.org' },
      payload: { email: user.email, password: DEFAULT_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'oselia_session')?.secure).toBe(true);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await buildUser(t);
    const wrong = await signInRaw(user.email, 'not-the-password-at-all');
    const unknown = await signInRaw('nobody@example.org', 'not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('signs out everywhere', async () => {
    const user = await buildUser(t);
    const a = await signIn(t, user.email);
    const b = await signIn(t, user.email);
    const res = await call(t, a, 'POST', '/api/v1/auth/sign-out-everywhere');
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await call(t, b, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('ends a session that sat idle too long', async () => {
    const user = await buildUser(t);
    const s = await signIn(t, user.email);
    await sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = ${user.id}`.execute(
      t.db,
    );
    expect((await call(t, s, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('refuses a write without the CSRF token, or with a forged one', async () => {
    const { session } = await signedInAs(t, ['admin']);
    const body = { type: 'donor', nameEn: 'CSRF test fund', nameUk: 'Фонд' };
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: session.cookie },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_FAILED');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: session.cookie, 'x-csrf-token': `${session.csrf.slice(0, -1)}x` },
      payload: body,
    });
    expect(forged.statusCode).toBe(403);
    expect((await call(t, session, 'POST', '/api/v1/organisations', body)).statusCode).toBe(201);
  });
});

describe('account lock', () => {
  it('locks after repeated failures with 429, logs the lock, and lets the right password in after it ends', async () => {
    const user = await buildUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await signInRaw(user.email, `wrong-password-${i}`)).statusCode);
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // While locked even the right password is refused.
    const locked = await signInRaw(user.email, DEFAULT_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);

    const audit = await t.services.audit.searchAudit(t.tenantId, {
      entityId: user.id,
      action: 'auth.account_locked',
      limit: 10,
    });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]!.meta).toMatchObject({ failures: 10 });

    await new Promise((r) => setTimeout(r, 2100)); // OSELIA_LOCK_SECONDS is 2 in tests
    expect((await signInRaw(user.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '5' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: `x${i}@example.org`, password: 'whatever-it-is' },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.slice(5)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('two-factor sign-in', () => {
  it('enrols in TOTP, then signs in with a code or a recovery code once', async () => {
    const user = await buildUser(t);
    const s = await signIn(t, user.email);
    const enrol = await call(t, s, 'POST', '/api/v1/auth/totp/enrol');
    const { secret, otpauthUrl } = enrol.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await call(t, s, 'POST', '/api/v1/auth/totp/confirm', { code: '000000' })).statusCode).toBe(400);
    const confirmed = await call(t, s, 'POST', '/api/v1/auth/totp/confirm', {
      code: await generate({ secret }),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);

    // The secret is stored encrypted, never in the clear.
    const row = await t.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(secret);

    const pending = await signIn(t, user.email);
    expect((await call(t, pending, 'GET', '/api/v1/auth/session')).json().state).toBe('mfa_pending');
    // Until the second step, nothing else opens.
    expect((await call(t, pending, 'GET', '/api/v1/organisations')).statusCode).toBe(401);
    const done = await call(t, pending, 'POST', '/api/v1/auth/mfa', { code: await generate({ secret }) });
    expect(done.json().state).toBe('active');
    expect((await call(t, pending, 'GET', '/api/v1/organisations')).statusCode).toBe(200);

    const viaRecovery = await signIn(t, user.email);
    expect(
      (await call(t, viaRecovery, 'POST', '/api/v1/auth/mfa', { recoveryCode: codes[0] })).statusCode,
    ).toBe(200);
    const reused = await signIn(t, user.email);
    expect((await call(t, reused, 'POST', '/api/v1/auth/mfa', { recoveryCode: codes[0] })).statusCode).toBe(
      401,
    );
  });

  it('forces enrolment for roles the admin chose', async () => {
    const { session: admin } = await signedInAs(t, ['admin']);
    const put = await call(t, admin, 'PUT', '/api/v1/settings/mfa', { requiredRoles: ['finance_officer'] });
    expect(put.json()).toEqual({ requiredRoles: ['finance_officer'] });
    const finance = await buildUser(t, { roles: ['finance_officer'] });
    const s = await signIn(t, finance.email);
    expect((await call(t, s, 'GET', '/api/v1/auth/session')).json().state).toBe('mfa_enrolment_required');
    const { secret } = (await call(t, s, 'POST', '/api/v1/auth/totp/enrol')).json();
    await call(t, s, 'POST', '/api/v1/auth/totp/confirm', { code: await generate({ secret }) });
    expect((await call(t, s, 'GET', '/api/v1/auth/session')).json().state).toBe('active');
    await call(t, admin, 'PUT', '/api/v1/settings/mfa', { requiredRoles: [] });
  });
});

describe('users and invitations', () => {
  it('invites a user by a one-time link, who chooses a password and signs in', async () => {
    const { session: admin } = await signedInAs(t, ['admin']);
    const org = (await call(t, admin, 'GET', '/api/v1/organisations')).json().items[0];
    const created = await call(t, admin, 'POST', '/api/v1/users', {
      email: 'New.Officer@Example.org',
      displayName: 'New Officer',
      organisationId: org.id,
      roles: ['registration_officer'],
    });
    expect(created.statusCode).toBe(201);
    const { user, inviteUrl } = created.json();
    expect(user).toMatchObject({ email: 'new.officer@example.org', status: 'invited' });
    const token = String(inviteUrl).split('/invite/')[1]!;
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept',
      payload: { token, password: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/common/);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept',
      payload: { token, password: 'River-Lantern-Osnova-7' },
    });
    expect(ok.json()).toEqual({ email: 'new.officer@example.org' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept',
      payload: { token, password: 'River-Lantern-Osnova-8' },
    });
    expect(again.statusCode).toBe(404);
    expect((await signInRaw('new.officer@example.org', 'River-Lantern-Osnova-7')).statusCode).toBe(200);
  });

  it('refuses a stale update with 409 and loses nothing', async () => {
    const { session: admin } = await signedInAs(t, ['admin']);
    const target = await buildUser(t);
    const first = await call(t, admin, 'PATCH', `/api/v1/users/${target.id}`, {
      version: target.version,
      displayName: 'First',
    });
    expect(first.statusCode).toBe(200);
    const second = await call(t, admin, 'PATCH', `/api/v1/users/${target.id}`, {
      version: target.version,
      displayName: 'Second',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current.displayName).toBe('First');
  });

  it('keeps the scope of a user when an edit does not mention it', async () => {
    const { session: admin } = await signedInAs(t, ['admin']);
    const scoped = await buildUser(t, { roles: ['registration_officer'], oblastScope: ['UA05'] });
    const res = await call(t, admin, 'PATCH', `/api/v1/users/${scoped.id}`, {
      version: scoped.version,
      displayName: 'Renamed',
    });
    expect(res.json()).toMatchObject({ displayName: 'Renamed', oblastScope: ['UA05'], projectScope: null });
  });

  it('deactivating a user ends their sessions', async () => {
    const { session: admin } = await signedInAs(t, ['admin']);
    const { user, session } = await signedInAs(t, ['me_officer']);
    await call(t, admin, 'POST', `/api/v1/users/${user.id}/deactivate`);
    expect((await call(t, session, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await signInRaw(user.email, DEFAULT_PASSWORD)).statusCode).toBe(401);
  });

  it('answers bad input with a clear 4xx, never a 500', async () => {
    const { session: admin } = await signedInAs(t, ['admin']);
    const org = (await call(t, admin, 'GET', '/api/v1/organisations')).json().items[0];
    const base = { email: 'x@example.org', displayName: 'X', organisationId: org.id, roles: ['admin'] };
    const cases: [string, unknown][] = [
      ['unknown role', { ...base, roles: ['superuser'] }],
      ['oversized name', { ...base, displayName: 'x'.repeat(100_000) }],
      ['wrong type', { ...base, roles: 'admin' }],
      ['bad email', { ...base, email: 'not-an-email' }],
      ['unknown organisation', { ...base, organisationId: '01a222f2-6d51-7780-a635-2b946d796e3d' }],
      ['short password', { ...base, password: 'short' }],
      ['bad oblast scope', { ...base, oblastScope: ['Kyiv'] }],
    ];
    for (const [label, payload] of cases) {
      const res = await call(t, admin, 'POST', '/api/v1/users', payload);
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, label).toBeLessThan(500);
      expect(res.json().error.code, label).toMatch(/VALIDATION_FAILED|PAYLOAD_TOO_LARGE/);
    }
    const huge = await call(t, admin, 'POST', '/api/v1/users', {
      ...base,
      displayName: 'x'.repeat(2_000_000),
    });
    expect(huge.statusCode).toBe(413);
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(notJson.statusCode).toBe(415);
  });
});
